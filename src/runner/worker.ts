// A pool worker thread: one RunTask per call, after loading the task's policy module if it names
// one (once per thread). `ready` is the no-op task that tells when every worker is up.
import type { RunOutcome, RunTask } from './executor.js';
import { executeTask } from './executor.js';

export default function run(task: RunTask): Promise<RunOutcome> {
  return executeTask(task);
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
