// How many replications a scenario asks for up front. With `replications: auto` this is the
// first round; more are added until the precision target is met (see run-scenario).
import type { Scenario } from '../workload/scenario-schema.js';

/** Replications to start with when `replications: auto`. */
export const AUTO_FIRST_ROUND = 10;

export function plannedReplications(s: Scenario): number {
  return s.replications === 'auto' ? Math.min(AUTO_FIRST_ROUND, s.maxReplications) : s.replications;
}
