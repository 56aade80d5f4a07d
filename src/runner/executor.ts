// Executes independent runs (one replication of one scenario under one policy each) and returns
// their outcomes in task order, never in finishing order. A run that fails (bad input, a policy
// that breaks its contract, a crash) becomes a failed outcome; the other runs still complete.
// Executors: executeInProcess here, the worker pool in pool.ts, the cache in run-cache.ts.
import { Script } from 'node:vm';
import { errorCode, InputError, PolicyError, thrownText } from '../errors.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { preloadPolicies } from './resolve-policy.js';
import type { ReplicationSummary } from './run-result.js';
import { type ReplicationRun, type RunPulse, replicationSteps } from './run-scenario.js';

export interface RunTask {
  readonly scenario: Scenario;
  readonly replication: number;
}

/** input: the scenario; policy: the policy threw or broke its contract; crash: a bug or a dead thread; timeout: over --run-timeout. */
export type FailureKind = 'input' | 'policy' | 'crash' | 'timeout';

export type RunOutcome =
  | {
      readonly ok: true;
      readonly summary: ReplicationSummary;
      readonly cached?: boolean;
      /** Events simulated for it (both passes with warmup: auto); absent when read from the cache. */
      readonly simulatedEvents?: number;
    }
  | {
      readonly ok: false;
      readonly kind: FailureKind;
      /** What went wrong, the same bytes wherever the run ran (it goes into results). */
      readonly error: string;
      /** A crash's stack, for stderr only: it names this thread's files and lines. */
      readonly stack?: string;
    };

export interface ExecuteOptions {
  /** Called as each run finishes (in finishing order) with its index in the task list. */
  readonly onOutcome?: ((index: number, outcome: RunOutcome) => void) | undefined;
  /**
   * Called while run `index` is under way with how far it is, at each pause of the engine (every
   * PULSE_SLICE arrivals or completions); a pool reports what it reads 10 times a second, and a
   * short run may report nothing.
   */
  readonly onPulse?: ((index: number, pulse: RunPulse) => void) | undefined;
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
  if (!(err instanceof Error)) return { ok: false, kind: 'crash', error: thrownText(err) };
  return {
    ok: false,
    kind: 'crash',
    error: `${err.name}: ${err.message}`,
    ...(err.stack === undefined ? {} : { stack: err.stack }),
  };
}

type Step =
  | { readonly done: true; readonly outcome: RunOutcome }
  | { readonly done: false; readonly pulse: RunPulse };

/** The next step of a run; an error becomes a failed outcome. */
function step(steps: Generator<RunPulse, ReplicationRun, void>): Step {
  try {
    const next = steps.next();
    if (!next.done) return { done: false, pulse: next.value };
    const { summary, simulatedEvents } = next.value;
    return { done: true, outcome: { ok: true, summary, simulatedEvents } };
  } catch (err) {
    return { done: true, outcome: failure(err) };
  }
}

function startRun(task: RunTask): Generator<RunPulse, ReplicationRun, void> {
  return replicationSteps(task.scenario, task.replication);
}

/**
 * One run, in this thread; `onPulse` hears how far it is between steps. Pure apart from the
 * policy modules it may have loaded.
 */
export function executeRun(task: RunTask, onPulse?: (pulse: RunPulse) => void): RunOutcome {
  const steps = startRun(task);
  for (;;) {
    const s = step(steps);
    if (s.done) return s.outcome;
    onPulse?.(s.pulse);
  }
}

async function preload(task: RunTask): Promise<RunOutcome | undefined> {
  try {
    await preloadPolicies([task.scenario.routing.policy]);
    return undefined;
  } catch (err) {
    return failure(err);
  }
}

/** One run after loading its policy module if it names one (done once per thread); `onStart` between the two. */
export async function executeTask(
  task: RunTask,
  onPulse?: (pulse: RunPulse) => void,
  onStart?: () => void,
): Promise<RunOutcome> {
  const failed = await preload(task);
  if (failed !== undefined) return failed;
  onStart?.();
  return executeRun(task, onPulse);
}

const turn = () => new Promise((r) => setImmediate(r));

// A step run through this script stops at Ctrl-C even when it never returns (a policy caught in
// a loop): node:vm's breakOnSigint ends the script where it stands. The event loop, where the
// SIGINT handler of the CLI waits, only gets its turn between steps.
const STEP_KEY = Symbol.for('orchlab.step');
const RUN_STEP = new Script('globalThis[Symbol.for("orchlab.step")]()', { filename: 'orchlab-step' });

function interruptibleStep(steps: Generator<RunPulse, ReplicationRun, void>): Step {
  const slot = globalThis as { [STEP_KEY]?: () => Step };
  slot[STEP_KEY] = () => step(steps);
  try {
    return RUN_STEP.runInThisContext({ breakOnSigint: true }) as Step;
  } catch (err) {
    if (errorCode(err) === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new RunAborted();
    throw err;
  } finally {
    delete slot[STEP_KEY];
  }
}

/** What process.exit() throws while a step of a run is under way in this thread. */
class ExitDuringRun extends Error {
  constructor() {
    super('process.exit() called during a run');
    this.name = 'ExitDuringRun';
  }
}

/**
 * `fn` with process.exit() made to throw instead of ending orchlab, as a worker thread's would
 * end only that thread: a policy module that calls it in the main thread (--workers 1) crashes
 * its run, not the command. Returns what `fn` returned and the code passed to process.exit, if
 * it was called (`null` for none given). Only synchronous code runs in `fn`: nothing else sees the
 * replacement.
 */
function catchingExit<R>(fn: () => R): { value: R; exit: number | string | null | undefined } {
  const exit = process.exit;
  let called: number | string | null | undefined;
  process.exit = ((code?: number | string | null) => {
    // As on a worker thread: a bad code throws Node's own error (setting exitCode checks it the
    // same way), and no code means process.exitCode.
    const before = process.exitCode;
    if (code !== undefined) (process as { exitCode?: unknown }).exitCode = code;
    called = process.exitCode ?? 0;
    process.exitCode = before;
    throw new ExitDuringRun();
  }) as typeof process.exit;
  try {
    return { value: fn(), exit: called };
  } finally {
    process.exit = exit;
  }
}

/** The crash of a run whose policy called process.exit(code) (in this thread, or on a worker thread: pool.ts). */
export function exitCrash(task: RunTask, code: number | string | null): RunOutcome {
  // The code the thread would end with, as a worker thread's exit reports it.
  const call = `process.exit(${code === null ? 0 : Number(code) | 0})`;
  return {
    ok: false,
    kind: 'crash',
    error: `policy ${task.scenario.routing.policy} called ${call} during the run`,
  };
}

/**
 * Runs every task in this thread. At each pause of a run (every PULSE_SLICE arrivals or
 * completions) it lets the event loop turn, so progress is drawn and Ctrl-C stops a long run
 * where it stands. A policy that calls process.exit() during a step crashes its run (as it would
 * end its worker thread), and the other runs go on.
 */
export async function executeInProcess(
  tasks: readonly RunTask[],
  options: ExecuteOptions = {},
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < tasks.length; i++) {
    await turn();
    throwIfAborted(options.signal);
    const task = tasks[i]!;
    let outcome = await preload(task);
    const steps = startRun(task);
    while (outcome === undefined) {
      const { value: s, exit } = catchingExit(() => interruptibleStep(steps));
      if (exit !== undefined) outcome = exitCrash(task, exit);
      else if (s.done) outcome = s.outcome;
      else {
        options.onPulse?.(i, s.pulse);
        await turn();
        throwIfAborted(options.signal);
      }
    }
    outcomes.push(outcome);
    options.onOutcome?.(i, outcome);
  }
  return outcomes;
}
