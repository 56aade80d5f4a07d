// Executes independent runs (one replication of one scenario under one policy each) and returns
// their outcomes in task order, never in finishing order. A run that fails (bad input, a policy
// that breaks its contract, a crash) becomes a failed outcome; the other runs still complete.
import { InputError, PolicyError } from '../errors.js';
import type { Scenario } from '../workload/scenario-schema.js';
import type { ReplicationSummary } from './run-result.js';
import { runReplication } from './run-scenario.js';

export interface RunTask {
  readonly scenario: Scenario;
  readonly replication: number;
}

export type RunOutcome =
  | { readonly ok: true; readonly summary: ReplicationSummary }
  | { readonly ok: false; readonly kind: 'input' | 'policy' | 'crash'; readonly error: string };

export interface ExecuteOptions {
  /** Called after each run with (done, total, events so far). */
  readonly onProgress?: (done: number, total: number, events: number) => void;
  /** Stops starting new runs when aborted; outcomes of unstarted runs are missing. */
  readonly signal?: AbortSignal;
}

/** One run, in this thread. Pure apart from the policy modules it may have loaded. */
export function executeRun(task: RunTask): RunOutcome {
  try {
    return { ok: true, summary: runReplication(task.scenario, task.replication) };
  } catch (err) {
    if (err instanceof PolicyError) return { ok: false, kind: 'policy', error: err.message };
    if (err instanceof InputError) return { ok: false, kind: 'input', error: err.message };
    return { ok: false, kind: 'crash', error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/** Runs every task in this thread, yielding between runs so progress and Ctrl-C get through. */
export async function executeInProcess(tasks: readonly RunTask[], options: ExecuteOptions = {}): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  let events = 0;
  for (const task of tasks) {
    if (options.signal?.aborted) break;
    const outcome = executeRun(task);
    outcomes.push(outcome);
    if (outcome.ok) events += outcome.summary.events;
    options.onProgress?.(outcomes.length, tasks.length, events);
    await new Promise((r) => setImmediate(r));
  }
  return outcomes;
}
