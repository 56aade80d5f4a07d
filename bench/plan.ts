// What a bench run measures: the sizes, the policies at each size, how many repetitions, and
// the order of the child-process runs. Kept apart from running and printing so the plan can be
// read (and tested) on its own.
import { routingPolicyNames } from '../src/policies/routing/index.js';

/**
 * Policies whose algorithm must scan every agent per task (O(agents) per decision), so the
 * per-policy speed target at 1M tasks does not apply to them. One line of reason each.
 */
export const SCANS_ALL_AGENTS: ReadonlyMap<string, string> = new Map([
  ['jsq', 'join-the-shortest-queue reads the load of every eligible agent for each task'],
  ['least-work-left', 'compares the unfinished work of every eligible agent'],
  ['sed', 'computes the expected delay of every eligible agent'],
  ['weighted-round-robin', "nginx's smooth weighted round robin updates every agent's weight per pick"],
  ['least-cost', 'prices the task at every eligible agent'],
  ['skill-aware', 'looks for the free agent with the fewest skills among all eligible ones'],
  ['prefix-affinity', 'matches the prompt prefix against every eligible agent'],
]);

/** Policies measured at every size; the others are measured at the small size only. */
export const HEADLINE_POLICIES: readonly string[] = ['shared-queue', 'jsq', 'power-of-d'];

export const SMALL = 1_000_000;
export const LARGE = 10_000_000;

/** One thing to measure: the ceiling loop, or orchlab under one policy, at one size. */
export interface Measurement {
  readonly kind: 'ceiling' | 'orchlab';
  /** Completed tasks the run stops at. */
  readonly tasks: number;
  /** Routing policy name; undefined for the ceiling. */
  readonly policy?: string;
  /** Repetitions of this measurement. */
  readonly runs: number;
}

export interface PlanOptions {
  readonly quick: boolean;
  /** Overrides the default repetitions at every size. */
  readonly runs: number | undefined;
  /** Restricts the orchlab policies measured; undefined for all. */
  readonly only: readonly string[] | undefined;
}

export function measurementLabel(m: Pick<Measurement, 'kind' | 'policy'>): string {
  return m.kind === 'ceiling' ? 'ceiling' : (m.policy ?? '?');
}

/** The measurements of one run, grouped by size (small first), the ceiling first in each group. */
export function makePlan(opts: PlanOptions): Measurement[] {
  const sizes = opts.quick ? [SMALL] : [SMALL, LARGE];
  const wanted = (p: string) => opts.only === undefined || opts.only.includes(p);
  const plan: Measurement[] = [];
  for (const tasks of sizes) {
    const runs = opts.runs ?? (opts.quick ? 3 : tasks === LARGE ? 3 : 5);
    const policies = tasks === SMALL ? routingPolicyNames : HEADLINE_POLICIES;
    plan.push({ kind: 'ceiling', tasks, runs });
    for (const policy of policies.filter(wanted)) plan.push({ kind: 'orchlab', tasks, policy, runs });
  }
  return plan;
}

/**
 * The order to run the repetitions in: round-robin, one pass over every measurement per
 * repetition, each pass rotated by one so no measurement always runs first or right after a
 * particular other one. Machine noise (thermal state, neighbours) then affects the ceiling and
 * orchlab alike. Each item is an index into `plan`.
 */
export function runOrder(plan: readonly Measurement[]): number[] {
  const passes = Math.max(0, ...plan.map((m) => m.runs));
  const order: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const due = plan.map((_, i) => i).filter((i) => plan[i]!.runs > pass);
    const shift = due.length === 0 ? 0 : pass % due.length;
    order.push(...due.slice(shift), ...due.slice(0, shift));
  }
  return order;
}
