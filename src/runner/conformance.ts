// Runs the analytic conformance cases: each check's theory value must lie inside the simulated
// mean's confidence interval from independent replications. With k checks at once, each
// interval is widened to level 1 - 0.05/k (Bonferroni), so the whole suite wrongly fails at most
// 5% of seeds: a failure means a bug, not bad luck. Runs are deterministic, so a pass stays a pass.
import { estimate } from '../analysis/estimate.js';
import type { ConformanceCase } from './conformance-cases.js';
import { plannedReplications } from './replications.js';
import { runReplication } from './run-scenario.js';

export interface CheckVerdict {
  readonly case: string;
  readonly check: string;
  readonly formula: string;
  readonly theory: number;
  readonly mean: number;
  readonly ci: [number, number];
  readonly level: number;
  readonly replications: number;
  readonly pass: boolean;
}

export function runConformance(
  cases: readonly ConformanceCase[],
  onCase?: (name: string, index: number, total: number) => void,
): CheckVerdict[] {
  const k = cases.reduce((s, c) => s + c.checks.length, 0);
  const level = 1 - 0.05 / k;
  const verdicts: CheckVerdict[] = [];
  cases.forEach((c, index) => {
    onCase?.(c.name, index, cases.length);
    const reps = Array.from({ length: plannedReplications(c.scenario) }, (_, i) =>
      runReplication(c.scenario, i),
    );
    for (const check of c.checks) {
      const values = reps.map((r) => check.measure(r.metrics));
      const n = values.length;
      // A replication that measured nothing (NaN: say, a class that never completed) fails the
      // check: an interval over the others would pass a check that is not being made.
      const measured = n >= 2 && values.every(Number.isFinite);
      const e = measured ? estimate(values, level) : undefined;
      const m = e?.value ?? Number.NaN;
      const ci: [number, number] = e?.ci95 ?? [Number.NaN, Number.NaN];
      verdicts.push({
        case: c.name,
        check: check.label,
        formula: check.formula ?? c.formula,
        theory: check.theory,
        mean: m,
        ci,
        level,
        replications: n,
        pass: measured && check.theory >= ci[0] && check.theory <= ci[1],
      });
    }
  });
  return verdicts;
}
