// How the runs of `run`, `compare` and `sweep` are executed: --workers (a worker-thread pool, or
// this thread for 1), --run-timeout, --cache DIR, progress on stderr, Ctrl-C. A command hands in what to run;
// this file owns the pool's lifetime and turns an interrupt, until the output is written, into
// exit code 130 with no output; and it words runs that failed (failureLines, failedRunsError).
// The options themselves are registered by execution-options.ts.
import type { FailureKind } from '../runner/executor.js';
import { type Executor, RunAborted } from '../runner/executor.js';
import { WriteAborted } from '../io/write-atomic.js';
import type { RoundsOptions, RunProgress } from '../runner/auto-replications.js';
import { defaultWorkers, withExecutor } from '../runner/pool.js';
import { cachingExecutor } from '../runner/run-cache.js';
import { InputError, PolicyError } from '../errors.js';
import { type ExecutionFlags, RunsFailed } from './execution-options.js';
import { heardInterrupt, INTERRUPTED_EXIT_CODE, withInterrupt } from './interrupt.js';
import { count } from '../plural.js';
import { MOST_ERRORS, replicationRanges } from './failure-words.js';
import { createProgress, renderSummary } from './progress.js';
import { positiveSeconds, wholeNumber } from './scenario-input.js';

const seconds = () => Number(process.hrtime.bigint()) / 1e9;

/** --workers at most this many per core (os.availableParallelism()). */
export const MAX_WORKERS_PER_CORE = 4;

/**
 * Runs `work` with the executor the flags ask for, then `deliver` with its result (what the
 * command writes: checks, the table or JSON, a report). `runs`, when known, caps the workers: no
 * thread starts that would have no run to do (one run goes in this thread). Ctrl-C stops it all
 * at any time until `deliver` is done: the runs, the summarising after the last one (heard once
 * `work` returns), the writing of the output (`deliver` passes the signal on to emit). Then it
 * prints one line, sets exit code 130 and returns undefined: no output file is written.
 */
export async function executeRuns<T>(
  flags: ExecutionFlags,
  work: (execute: Executor, options: RoundsOptions) => Promise<T>,
  runs?: number,
  deliver?: (result: T, signal: AbortSignal) => Promise<void>,
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
  // Threads that ran runs: none when every run came from the cache.
  let threads = 0;
  let runsOver = false;
  try {
    return await withInterrupt(async (signal) => {
      const result = await withExecutor(
        workers,
        (pooled) => {
          const base = printingCrashes(pooled);
          const execute = flags.cache === undefined ? base : cachingExecutor(flags.cache, base);
          return work(execute, { signal, onProgress: (p) => progress.update(p) });
        },
        { onThreads: (n) => (threads = Math.max(threads, n)), runTimeoutMs },
      );
      runsOver = true;
      // `work` summarises after its last run (every point of a big sweep: seconds) without a turn
      // of the event loop: a Ctrl-C in that time is heard only now.
      await heardInterrupt(signal);
      const done = progress.finish();
      if (!flags.quiet && done.total > 0)
        process.stderr.write(
          `${renderSummary(done, progress.elapsedSeconds(), done.done > done.cached ? threads : 0)}\n`,
        );
      await deliver?.(result, signal);
      return result;
    });
  } catch (err) {
    const last = progress.finish();
    if (!(err instanceof RunAborted || err instanceof WriteAborted)) throw err;
    process.stderr.write(`orchlab: ${interruptedText(last, runsOver, err)}\n`);
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return undefined;
  }
}

/** The line a Ctrl-C prints: how far the runs got, and what was written (nothing, or a stream cut short). */
function interruptedText(last: RunProgress, runsOver: boolean, err: RunAborted | WriteAborted): string {
  const written =
    err instanceof WriteAborted && err.cutShort !== undefined
      ? `${err.cutShort} cut short`
      : 'nothing written';
  if (!runsOver) return `interrupted after ${last.done} of ${last.total} runs; runs stopped, ${written}`;
  return `interrupted after the runs (${count(last.total, 'run')} done), before the output was complete; ${written}`;
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

/** A run that failed, as messages name it. */
export interface FailedRun {
  /** The policy's label; '' when the message names it already (`run`). */
  readonly policy: string;
  /** Where it ran besides its replication: a sweep point's values (`workload.arrivals.rate=8`); '' for none. */
  readonly place: string;
  /** null when no replication could start (a sweep point whose scenario is invalid). */
  readonly replication: number | null;
  readonly kind: FailureKind;
  readonly error: string;
}

/** How many places (sweep points) failureLines names per error. */
const MOST_PLACES = 5;

/**
 * The lines (indented by two) that name failed runs for a message: one per distinct error of a
 * policy, with every replication that failed with it, e.g. `  jsq (replications 0-4): …`, or at a
 * sweep point `  jsq at workload.arrivals.rate=8 (replication 2): …`. An error seen at several
 * points names the points below it, the first MOST_PLACES of them; at most MOST_ERRORS errors,
 * then how many more there were.
 */
export function failureLines(failures: readonly FailedRun[]): string[] {
  interface Group {
    readonly policy: string;
    readonly error: string;
    readonly places: Map<string, (number | null)[]>;
  }
  const groups = new Map<string, Group>();
  for (const f of failures) {
    const key = JSON.stringify([f.policy, f.error]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { policy: f.policy, error: f.error, places: new Map() };
      groups.set(key, group);
    }
    const replications = group.places.get(f.place) ?? [];
    replications.push(f.replication);
    group.places.set(f.place, replications);
  }
  const lines: string[] = [];
  const all = [...groups.values()];
  for (const g of all.slice(0, MOST_ERRORS)) {
    const error = g.error.replaceAll('\n', '\n    ');
    const places = [...g.places];
    if (places.length === 1) {
      const [place, replications] = places[0]!;
      const who = [g.policy, place === '' ? '' : `at ${place}`].filter((s) => s !== '').join(' ');
      const reps = replicationRanges(replications);
      lines.push(who === '' ? `  ${reps}: ${error}` : `  ${who} (${reps}): ${error}`);
      continue;
    }
    const runs = places.reduce((n, [, r]) => n + r.length, 0);
    const who = g.policy === '' ? '' : `${g.policy} `;
    lines.push(`  ${who}(${count(runs, 'run')} at ${places.length} points): ${error}`);
    for (const [place, replications] of places.slice(0, MOST_PLACES))
      lines.push(`    ${place} (${replicationRanges(replications)})`);
    if (places.length > MOST_PLACES)
      lines.push(`    and ${count(places.length - MOST_PLACES, 'more point')}`);
  }
  if (all.length > MOST_ERRORS) {
    const rest = all.slice(MOST_ERRORS);
    const runs = rest.reduce((n, g) => n + [...g.places.values()].reduce((m, r) => m + r.length, 0), 0);
    lines.push(`  and ${count(rest.length, 'other error')} (${count(runs, 'run')})`);
  }
  return lines;
}

/**
 * The error for a command whose runs all failed (or, for `run`, any of them), so nothing is
 * written: `heading`, a colon, and failureLines. Its exit code is as failedRunsErrorOf says.
 */
export function failedRunsError(heading: string, failures: readonly FailedRun[]): Error {
  return failedRunsErrorOf(
    `${heading}:\n${failureLines(failures).join('\n')}`,
    failures.map((f) => f.kind),
  );
}

/**
 * An error with `text` for failed runs of `kinds` that left nothing to write: a RunsFailed (exit
 * code 1) when one crashed, an InputError (2) when each failed on its input alone (e.g. a stop
 * before the warm-up ends), else a PolicyError (3: a policy broke its contract, or a run went over
 * --run-timeout).
 */
export function failedRunsErrorOf(text: string, kinds: readonly FailureKind[]): Error {
  if (kinds.includes('crash')) return new RunsFailed(text);
  if (kinds.length > 0 && kinds.every((k) => k === 'input')) return new InputError(text);
  return new PolicyError(text);
}
