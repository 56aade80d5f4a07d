// A pool worker thread: one RunTask per call, after loading the task's policy module if it names
// one (once per thread). How far the run is, and when it started, go to shared memory that the
// pool reads on a timer, so reporting costs the run no message. `ready` is the no-op task that
// tells when every worker is up.
import type { RunOutcome, RunTask } from './executor.js';
import { executeTask } from './executor.js';

/**
 * Float64 cells per run in PoolTask.pulses: the share done, the events so far, and when the run
 * started on its thread (wallClockMs, for --run-timeout; 0 before, RUN_OVER once it has ended, so
 * a run whose result is on its way is never taken for a late one).
 */
export const PULSE_CELLS = 3;

/** The start cell of a run that has ended. */
export const RUN_OVER = -1;

/** Milliseconds on a clock every thread of the process shares and that never steps back. */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

export interface PoolTask {
  readonly task: RunTask;
  /** PULSE_CELLS Float64 cells for each run of the batch; this run's start at `index`. */
  readonly pulses: SharedArrayBuffer;
  readonly index: number;
}

export default async function run({ task, pulses, index }: PoolTask): Promise<RunOutcome> {
  const cells = new Float64Array(pulses, index * PULSE_CELLS * 8, PULSE_CELLS);
  try {
    return await executeTask(
      task,
      (pulse) => {
        cells[1] = pulse.events;
        cells[0] = pulse.fraction;
      },
      // The time limit starts once the policy module is loaded, with the run itself.
      () => {
        cells[2] = wallClockMs();
      },
    );
  } finally {
    cells[2] = RUN_OVER;
  }
}

export interface ReadyTask {
  /** One Int32 counter shared by every worker. */
  readonly counter: SharedArrayBuffer;
  readonly workers: number;
  readonly timeoutMs: number;
}

/**
 * Counts this worker in and waits until `workers` workers have: each call blocks its thread,
 * so the pool must hand the calls to distinct workers, and all return once every worker is up.
 */
export function ready(task: ReadyTask): boolean {
  const view = new Int32Array(task.counter);
  Atomics.add(view, 0, 1);
  Atomics.notify(view, 0);
  const deadline = Date.now() + task.timeoutMs;
  for (;;) {
    const seen = Atomics.load(view, 0);
    if (seen >= task.workers) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(view, 0, seen, left);
  }
}
