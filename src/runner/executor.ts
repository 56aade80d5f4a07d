// Executes independent runs (one replication of one scenario under one policy each) and returns
// their outcomes in task order, never in finishing order. A run that fails (bad input, a policy
// that breaks its contract, a crash) becomes a failed outcome; the other runs still complete.
// Executors: executeInProcess here, the worker pool in pool.ts, the cache in run-cache.ts.
import { InputError, PolicyError } from '../errors.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { preloadPolicies } from './resolve-policy.js';
import type { ReplicationSummary } from './run-result.js';
import { runReplication } from './run-scenario.js';

export interface RunTask {
  readonly scenario: Scenario;
  readonly replication: number;
}

export type FailureKind = 'input' | 'policy' | 'crash';

export type RunOutcome =
  | { readonly ok: true; readonly summary: ReplicationSummary; readonly cached?: boolean }
  | { readonly ok: false; readonly kind: FailureKind; readonly error: string };

export interface ExecuteOptions {
  /** Called as each run finishes (in finishing order) with its index in the task list. */
  readonly onOutcome?: ((index: number, outcome: RunOutcome) => void) | undefined;
  /** Stops the runs: no new run starts, and the executor rejects with RunAborted. */
  readonly signal?: AbortSignal | undefined;
}

/** Resolves with one outcome per task, in task order; rejects with RunAborted when aborted. */
export type Executor = (tasks: readonly RunTask[], options: ExecuteOptions) => Promise<RunOutcome[]>;

/** The runs were stopped (Ctrl-C or an aborted signal) before they all finished. */
export class RunAborted extends Error {
  constructor() {
    super('runs aborted');
    this.name = 'RunAborted';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunAborted();
}

function failure(err: unknown): RunOutcome {
  if (err instanceof PolicyError) return { ok: false, kind: 'policy', error: err.message };
  if (err instanceof InputError) return { ok: false, kind: 'input', error: err.message };
  return { ok: false, kind: 'crash', error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** One run, in this thread. Pure apart from the policy modules it may have loaded. */
export function executeRun(task: RunTask): RunOutcome {
  try {
    return { ok: true, summary: runReplication(task.scenario, task.replication) };
  } catch (err) {
    return failure(err);
  }
}

/** One run after loading its policy module if it names one (done once per thread). */
export async function executeTask(task: RunTask): Promise<RunOutcome> {
  try {
    await preloadPolicies([task.scenario.routing.policy]);
  } catch (err) {
    return failure(err);
  }
  return executeRun(task);
}

/** Runs every task in this thread, yielding before each run so progress and Ctrl-C get through. */
export async function executeInProcess(
  tasks: readonly RunTask[],
  options: ExecuteOptions = {},
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < tasks.length; i++) {
    await new Promise((r) => setImmediate(r));
    throwIfAborted(options.signal);
    const outcome = await executeTask(tasks[i]!);
    outcomes.push(outcome);
    options.onOutcome?.(i, outcome);
  }
  return outcomes;
}
