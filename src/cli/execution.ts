// How the runs of `run`, `compare` and `sweep` are executed: --workers (a worker-thread pool, or
// this thread for 1), --run-timeout, --cache DIR, progress on stderr, Ctrl-C. A command hands in what to run;
// this file owns the pool's lifetime and turns an interrupt into exit code 130 with no output.
// The options themselves are registered by execution-options.ts.
import type { FailureKind } from '../runner/executor.js';
import { type Executor, RunAborted } from '../runner/executor.js';
import type { RoundsOptions } from '../runner/auto-replications.js';
import { defaultWorkers, withExecutor } from '../runner/pool.js';
import { cachingExecutor } from '../runner/run-cache.js';
import type { ExecutionFlags } from './execution-options.js';
import { INTERRUPTED_EXIT_CODE, withInterrupt } from './interrupt.js';
import { createProgress, renderSummary } from './progress.js';
import { positiveSeconds, wholeNumber } from './scenario-input.js';

const seconds = () => Number(process.hrtime.bigint()) / 1e9;

/** --workers at most this many per core (os.availableParallelism()). */
export const MAX_WORKERS_PER_CORE = 4;

/**
 * Runs `work` with the executor the flags ask for. `runs`, when known, caps the workers: no
 * thread starts that would have no run to do (one run goes in this thread). Returns undefined
 * (and sets exit code 130) when interrupted: the caller then writes nothing.
 */
export async function executeRuns<T>(
  flags: ExecutionFlags,
  work: (execute: Executor, options: RoundsOptions) => Promise<T>,
  runs?: number,
): Promise<T | undefined> {
  // More threads than this only adds memory (an isolate each) and start-up on this machine.
  const most = MAX_WORKERS_PER_CORE * defaultWorkers();
  const requested =
    flags.workers === undefined
      ? defaultWorkers()
      : wholeNumber('--workers', flags.workers, 1, most, `(${MAX_WORKERS_PER_CORE} per core)`);
  const workers = runs === undefined ? requested : Math.max(1, Math.min(requested, runs));
  const runTimeoutMs =
    flags.runTimeout === undefined ? undefined : 1000 * positiveSeconds('--run-timeout', flags.runTimeout);
  const progress = createProgress(process.stderr, !flags.quiet && process.stderr.isTTY === true, seconds);
  let result: T;
  // Threads that ran runs: none when every run came from the cache.
  let threads = 0;
  try {
    result = await withInterrupt((signal) =>
      withExecutor(
        workers,
        (pooled) => {
          const base = printingCrashes(pooled);
          const execute = flags.cache === undefined ? base : cachingExecutor(flags.cache, base);
          return work(execute, { signal, onProgress: (p) => progress.update(p) });
        },
        { onThreads: (n) => (threads = Math.max(threads, n)), runTimeoutMs },
      ),
    );
  } catch (err) {
    const last = progress.finish();
    if (!(err instanceof RunAborted)) throw err;
    process.stderr.write(
      `orchlab: interrupted after ${last.done} of ${last.total} runs; runs stopped, nothing written\n`,
    );
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return undefined;
  }
  const done = progress.finish();
  if (!flags.quiet && done.total > 0)
    process.stderr.write(
      `${renderSummary(done, progress.elapsedSeconds(), done.done > done.cached ? threads : 0)}\n`,
    );
  return result;
}

/**
 * Prints on stderr the stack of the first run that crashed (a bug in orchlab): results carry only
 * its message, the same bytes with any number of workers, and a report of the bug needs the rest.
 */
function printingCrashes(execute: Executor): Executor {
  let printed = false;
  return (tasks, options) =>
    execute(tasks, {
      ...options,
      onOutcome: (index, outcome) => {
        if (!outcome.ok && outcome.stack !== undefined && !printed) {
          printed = true;
          process.stderr.write(
            `orchlab: a run crashed (a bug; please report it with this trace):\n${outcome.stack}\n`,
          );
        }
        options.onOutcome?.(index, outcome);
      },
    });
}

/** Exit code for runs that failed: 1 when one crashed (a bug), 3 when only policies, inputs or time limits failed. */
export function failureExitCode(kinds: readonly FailureKind[]): number | undefined {
  if (kinds.length === 0) return undefined;
  return kinds.includes('crash') ? 1 : 3;
}
