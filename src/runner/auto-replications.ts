// Replications in rounds. A fixed count is one round. With replications: auto the first round
// is min(10, maxReplications); after each round every policy's mean response time is checked,
// and another round runs until the 95% CI half-width is within precision × mean for every
// policy of the group (a compare, or one sweep point), or maxReplications is reached.
// Replication i is a pure function of its inputs, so rounds never change a replication's figures.
import { halfWidth } from '../analysis/estimate.js';
import type { Scenario } from '../workload/scenario-schema.js';
import type { Executor, RunOutcome, RunTask } from './executor.js';
import type { RunPulse } from './run-scenario.js';
import { plannedReplications } from './replications.js';

export interface PrecisionStatus {
  /** Replications the target needs by the current estimate: ⌈n·(h / (precision·mean))²⌉. */
  readonly replicationsTarget: number;
  readonly precisionMet: boolean;
}

/**
 * Whether the mean of `values` (one per replication) is known to within `precision` × mean:
 * h = t(0.975, n − 1)·s/√n ≤ precision·|mean|. As h shrinks like 1/√n, the replications needed
 * are about n·(h / (precision·|mean|))². Fewer than 2 values, or a non-finite value, never meet it.
 */
export function precisionStatus(values: readonly number[], precision: number): PrecisionStatus {
  const n = values.length;
  if (n < 2 || !values.every(Number.isFinite))
    return { replicationsTarget: Math.max(n, 2), precisionMet: false };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const relative = halfWidth(values) / Math.abs(mean);
  if (!Number.isFinite(relative)) return { replicationsTarget: n, precisionMet: false };
  return {
    replicationsTarget: Math.max(2, Math.ceil(n * (relative / precision) ** 2)),
    precisionMet: relative <= precision,
  };
}

/**
 * The replication count for the next round: n when every policy meets the target, the cap is
 * reached, or no estimate asks for more (a mean that cannot be measured); else the largest
 * target, at least n + 2, at most 2n (a noisy early variance estimate should not commit to a
 * huge round) and at most maxReplications.
 */
export function nextReplications(
  n: number,
  statuses: readonly PrecisionStatus[],
  maxReplications: number,
): number {
  const unmet = statuses.filter((s) => !s.precisionMet && s.replicationsTarget > n);
  if (unmet.length === 0 || n >= maxReplications) return n;
  const wanted = Math.max(n + 2, ...unmet.map((s) => s.replicationsTarget));
  return Math.min(maxReplications, 2 * n, wanted);
}

/** Runs done, out of the runs started so far (rounds add to the total). */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly cached: number;
  readonly failed: number;
  /** Simulation events of the runs executed (not read from the cache), those under way included. */
  readonly events: number;
  /** The runs under way, as the sum of the share each has done (each in [0, 1)). */
  readonly running: number;
  /** True while replications: auto may still add rounds: the total is then a lower bound. */
  readonly more?: boolean;
}

export interface RoundsOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: RunProgress) => void) | undefined;
}

/** What a group of scenarios (policies sharing replications) ran. */
export interface GroupRuns {
  /** Replications run by the scenarios that did not fail. */
  readonly replications: number;
  /** Per scenario, its outcomes in replication order (a failed scenario stops at its failing round). */
  readonly outcomes: readonly (readonly RunOutcome[])[];
  /** Per scenario, with replications: auto only. */
  readonly precision: readonly PrecisionStatus[] | undefined;
}

const responseMeans = (outcomes: readonly RunOutcome[]): number[] =>
  outcomes.map((o) => (o.ok ? o.summary.metrics.responseTime.mean : Number.NaN));

interface GroupState {
  readonly scenarios: readonly Scenario[];
  n: number;
  planned: number;
  readonly outcomes: RunOutcome[][];
  precision: PrecisionStatus[] | undefined;
}

/**
 * Runs every group's replications through `execute`, all groups' runs of a round in one batch
 * (so a pool stays busy), replication-major within a group. Rejects with RunAborted when aborted.
 */
export async function runInRounds(
  groups: readonly (readonly Scenario[])[],
  execute: Executor,
  options: RoundsOptions = {},
): Promise<GroupRuns[]> {
  const states: GroupState[] = groups.map((scenarios) => ({
    scenarios,
    n: 0,
    planned: scenarios.length === 0 ? 0 : plannedReplications(scenarios[0]!),
    outcomes: scenarios.map(() => []),
    precision: undefined,
  }));
  const progress = { done: 0, total: 0, cached: 0, failed: 0, events: 0, more: false };
  // Runs under way in the current batch, by index, as they last reported.
  const underWay = new Map<number, RunPulse>();
  const report = () => {
    let running = 0;
    let events = progress.events;
    for (const p of underWay.values()) {
      running += p.fraction;
      events += p.events;
    }
    options.onProgress?.({ ...progress, events, running });
  };
  const failed = (st: GroupState, s: number) => st.outcomes[s]!.some((o) => !o.ok);
  const mayAddRounds = (st: GroupState) => {
    const first = st.scenarios[0];
    return first?.replications === 'auto' && st.planned < first.maxReplications;
  };
  for (;;) {
    const tasks: RunTask[] = [];
    const where: RunOutcome[][] = [];
    for (const st of states)
      for (let r = st.n; r < st.planned; r++)
        st.scenarios.forEach((scenario, s) => {
          if (failed(st, s)) return;
          tasks.push({ scenario, replication: r });
          where.push(st.outcomes[s]!);
        });
    if (tasks.length === 0) break;
    progress.total += tasks.length;
    progress.more = states.some(mayAddRounds);
    report();
    const outcomes = await execute(tasks, {
      signal: options.signal,
      onOutcome: (i, o) => {
        // A failed run keeps the events it reported; a finished one counts all it simulated.
        const reported = underWay.get(i)?.events ?? 0;
        underWay.delete(i);
        progress.done++;
        if (!o.ok) {
          progress.failed++;
          progress.events += reported;
        } else if (o.cached) progress.cached++;
        else progress.events += o.simulatedEvents ?? o.summary.events;
        report();
      },
      onPulse: (i, p) => {
        underWay.set(i, p);
        report();
      },
    });
    underWay.clear();
    outcomes.forEach((o, i) => {
      where[i]!.push(o);
    });
    for (const st of states) {
      if (st.planned === st.n) continue;
      st.n = st.planned;
      const first = st.scenarios[0]!;
      if (first.replications !== 'auto') continue;
      const alive = st.scenarios.map((_, s) => s).filter((s) => !failed(st, s));
      st.precision = st.outcomes.map((o) => precisionStatus(responseMeans(o), first.precision));
      st.planned = nextReplications(
        st.n,
        alive.map((s) => st.precision![s]!),
        first.maxReplications,
      );
    }
  }
  return states.map((st) => ({ replications: st.n, outcomes: st.outcomes, precision: st.precision }));
}
