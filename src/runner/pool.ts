// Runs on worker threads: a piscina pool with a fixed number of threads, one run (one RunTask)
// per pool task. Under tsx and vitest (this file is .ts) workers load worker.ts through tsx's
// hooks; from dist/ they load the bundled worker through worker-loader.js (one file and a V8
// code cache start faster than the module graph: scripts/bundle-worker.mjs), or the compiled
// worker.js when the bundle is missing or older than the modules (worker-file.ts). Outcomes are
// placed by task index, never by finishing order, so the result is the same bytes whatever the
// number of workers.
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  type ExecuteOptions,
  type Executor,
  executeInProcess,
  exitCrash,
  RunAborted,
  type RunOutcome,
  type RunTask,
  throwIfAborted,
} from './executor.js';
import { inLanes } from './lanes.js';
import { PULSE_CELLS, type PoolTask, type ReadyTask, wallClockMs } from './worker.js';
import { workerFileName } from './worker-file.js';
import { MAX_SHARE_UNDER_WAY } from '../sim/simulate.js';

const isTs = import.meta.url.endsWith('.ts');

function workerUrl(): URL {
  if (isTs) return new URL('./worker.ts', import.meta.url);
  const name = workerFileName(fileURLToPath(new URL('.', import.meta.url)));
  return new URL(`./${name}`, import.meta.url);
}

/** Workers when --workers is not given: the parallelism Node reports for this machine. */
export function defaultWorkers(): number {
  return availableParallelism();
}

export interface RunPool {
  readonly workers: number;
  readonly execute: Executor;
  /** Resolves once every worker thread has started and answered a no-op task. */
  ready(timeoutMs?: number): Promise<void>;
  /** Stops every worker thread; a run in flight is abandoned. */
  destroy(): Promise<void>;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Every `intervalMs`, reports each run that has started and not finished, as its worker last
 * wrote it to `pulses`, and calls `onLate` for a run under way for longer than `timeoutMs`. The
 * cells are written and read without a lock: a reading may pair one pulse's share with the next
 * pulse's events (a slice apart, which progress can bear), and the share is clamped in case a
 * cell is ever read torn. Returns the function that stops it.
 */
function watchRuns(
  pulses: SharedArrayBuffer,
  outcomes: readonly (RunOutcome | undefined)[],
  options: ExecuteOptions,
  intervalMs: number,
  timeout: { readonly ms: number; readonly onLate: (index: number) => void } | undefined,
): () => void {
  const onPulse = options.onPulse;
  if (onPulse === undefined && timeout === undefined) return () => {};
  const cells = new Float64Array(pulses);
  const timer = setInterval(() => {
    const now = wallClockMs();
    for (let i = 0; i < outcomes.length; i++) {
      if (outcomes[i] !== undefined) continue;
      const fraction = cells[i * PULSE_CELLS]!;
      if (onPulse !== undefined && fraction > 0)
        onPulse(i, {
          fraction: Math.min(fraction, MAX_SHARE_UNDER_WAY),
          events: cells[i * PULSE_CELLS + 1]!,
        });
      const started = cells[i * PULSE_CELLS + 2]!;
      // 0: not started; RUN_OVER: ended, its result on its way.
      if (timeout !== undefined && started > 0 && now - started > timeout.ms) timeout.onLate(i);
    }
  }, intervalMs);
  // Watching alone must not keep the process up.
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The crash of a run whose thread died. A thread that ended by exiting (piscina: "worker exited
 * with code: N") had process.exit called in it, by the run's policy: worded as executor.ts words
 * the same call in the main thread, so results are the same bytes whatever --workers.
 */
function deadThread(task: RunTask, message: string): RunOutcome {
  const exited = /^worker exited with code: (-?\d+)$/.exec(message);
  if (exited !== null) return exitCrash(task, Number(exited[1]));
  return { ok: false, kind: 'crash', error: `worker thread died: ${message}` };
}

export interface PoolOptions {
  /** The worker module (tests); by default the one for how orchlab runs (see workerUrl). */
  readonly worker?: URL;
  /**
   * How often runs under way are read for ExecuteOptions.onPulse and timeouts: by default 100 ms,
   * or a quarter of a shorter time limit (at least 5 ms), so a run overstays its limit by a
   * quarter of it at most, not by up to 100 ms.
   */
  readonly pulseIntervalMs?: number;
  /**
   * A run under way for longer than this (from its start on a thread) is stopped, its thread
   * ended and replaced, and it fails with kind 'timeout'; none by default.
   */
  readonly runTimeoutMs?: number | undefined;
}

/** PoolOptions.pulseIntervalMs by default. Pure. */
export function defaultPulseMs(runTimeoutMs: number | undefined): number {
  return runTimeoutMs === undefined ? 100 : Math.min(100, Math.max(5, runTimeoutMs / 4));
}

export function createRunPool(workers: number, options: PoolOptions = {}): RunPool {
  const runTimeoutMs = options.runTimeoutMs;
  const pulseIntervalMs = options.pulseIntervalMs ?? defaultPulseMs(runTimeoutMs);
  const pool = new Piscina<PoolTask | ReadyTask, RunOutcome | boolean>({
    filename: (options.worker ?? workerUrl()).href,
    execArgv: isTs ? ['--import', 'tsx'] : [],
    // Threads start as tasks arrive and stay up between rounds of replications: auto.
    minThreads: 1,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  // A thread that dies fails its task (reported as a crash); the pool itself carries on.
  pool.on('error', () => {});

  async function execute(tasks: readonly RunTask[], options: ExecuteOptions): Promise<RunOutcome[]> {
    throwIfAborted(options.signal);
    // One controller per run: an abort (Ctrl-C) reaches every queued and running run through
    // `stop`, a time limit only its own run. Aborting a running task ends its thread.
    const stop = new AbortController();
    const runs = tasks.map(() => new AbortController());
    stop.signal.addEventListener('abort', () => {
      for (const r of runs) r.abort();
    });
    const onAbort = () => stop.abort();
    options.signal?.addEventListener('abort', onAbort);
    const outcomes = new Array<RunOutcome>(tasks.length);
    const pulses = new SharedArrayBuffer(tasks.length * PULSE_CELLS * 8);
    const stopWatching = watchRuns(
      pulses,
      outcomes,
      options,
      pulseIntervalMs,
      runTimeoutMs === undefined ? undefined : { ms: runTimeoutMs, onLate: (i) => runs[i]!.abort() },
    );
    const runOne = async (index: number) => {
      const task = tasks[index]!;
      let outcome: RunOutcome;
      try {
        const signal = runs[index]!.signal;
        outcome = (await pool.run({ task, pulses, index }, { signal })) as RunOutcome;
      } catch (err) {
        if (stop.signal.aborted) throw new RunAborted();
        outcome = runs[index]!.signal.aborted
          ? {
              ok: false,
              kind: 'timeout',
              error: `still running after ${runTimeoutMs! / 1000} s; stopped`,
            }
          : deadThread(task, errorText(err));
      }
      outcomes[index] = outcome;
      options.onOutcome?.(index, outcome);
    };
    // One lane per thread: on a pool that has started (startedPool), runs start in the order
    // given, and piscina's queue stays empty (it sends a task it cannot place at once to the back
    // of its queue, so a batch handed over whole started 0, 2, 4, 6, 8, 3, 7, 5, 1 on one thread).
    try {
      await inLanes(tasks.length, workers, runOne, stop.signal);
    } catch (err) {
      stop.abort();
      throw err;
    } finally {
      stopWatching();
      options.signal?.removeEventListener('abort', onAbort);
    }
    return outcomes;
  }

  async function ready(timeoutMs = 30_000): Promise<void> {
    const task: ReadyTask = { counter: new SharedArrayBuffer(4), workers, timeoutMs };
    let answers: (RunOutcome | boolean)[];
    try {
      answers = await Promise.all(Array.from({ length: workers }, () => pool.run(task, { name: 'ready' })));
    } catch (err) {
      throw new Error(`worker threads failed to start: ${errorText(err)}`);
    }
    if (!answers.every((a) => a === true))
      throw new Error(`worker pool: not every worker started within ${timeoutMs} ms`);
  }

  return { workers, execute, ready, destroy: () => pool.destroy() };
}

export interface ExecutorOptions extends PoolOptions {
  /** Told how many threads run the runs: 1 (this one), or the pool's once it has started. */
  readonly onThreads?: (threads: number) => void;
}

/** A pool whose threads have all started, or an error saying why they did not. */
async function startedPool(workers: number, options: PoolOptions): Promise<RunPool> {
  const pool = createRunPool(workers, options);
  try {
    await pool.ready();
    return pool;
  } catch (err) {
    await pool.destroy();
    throw err;
  }
}

/**
 * Calls `fn` with an executor for `workers` workers: in this thread for 1 (unless runs have a
 * time limit: only ending a thread stops a policy caught in a loop), else a pool that is
 * destroyed when `fn` settles (also when it throws or is aborted). The pool starts when runs
 * first arrive, with no more threads than that first batch has runs (every run read from the
 * cache starts none), and is replaced by a larger one if a later batch has more runs. Its threads must all start before the first run: a worker module that
 * fails to load would otherwise leave queued runs waiting forever (piscina starts no thread for
 * them), and the process would end with no output.
 */
export async function withExecutor<T>(
  workers: number,
  fn: (execute: Executor) => Promise<T>,
  options: ExecutorOptions = {},
): Promise<T> {
  if (workers <= 1 && options.runTimeoutMs === undefined) {
    options.onThreads?.(1);
    return fn(executeInProcess);
  }
  let starting: Promise<RunPool> | undefined;
  const execute: Executor = async (tasks, executeOptions) => {
    if (tasks.length === 0) return [];
    throwIfAborted(executeOptions.signal);
    const wanted = Math.min(workers, tasks.length);
    // A later batch with more runs than the pool has threads (a round of replications: auto after
    // a first round mostly read from the cache) gets a pool of its size: the small one goes.
    const small = await starting?.catch(() => undefined);
    if (small !== undefined && small.workers < wanted) {
      starting = undefined;
      await small.destroy();
    }
    starting ??= startedPool(wanted, options);
    const pool = await starting;
    options.onThreads?.(pool.workers);
    return pool.execute(tasks, executeOptions);
  };
  try {
    return await fn(execute);
  } finally {
    const pool = await starting?.catch(() => undefined);
    await pool?.destroy();
  }
}
