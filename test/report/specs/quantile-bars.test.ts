import { describe, expect, it } from 'vitest';
import { barRows, byP99, quantileBarsSpec } from '../../../src/report/specs/quantile-bars.js';
import { compileWarnings } from '../support/compile-clean.js';
import { compareResult } from '../support/results.js';

describe('quantileBarsSpec(runs)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(quantileBarsSpec((await compareResult()).runs))).toEqual([]);
  });

  it('barRows(runs) has p50, p95 and p99 per policy with their CIs', async () => {
    const runs = (await compareResult()).runs;
    const rows = barRows(runs);
    expect(rows).toHaveLength(3 * runs.length);
    const p99 = rows.find((r) => r.policy === 'jsq' && r.quantile === 'p99')!;
    const e = runs.find((r) => r.policy.label === 'jsq')!.metrics.responseTime.p99;
    expect([p99.seconds, p99.lo, p99.hi]).toEqual([e.value, e.ci95![0], e.ci95![1]]);
    // On a log scale (random is > 20× the others) a CI that reaches 0 is drawn from the axis start.
    for (const r of rows) expect(r.loShown).toBeGreaterThan(0);
  });

  it('byP99(runs) orders policies from the lowest p99', async () => {
    const runs = (await compareResult()).runs;
    const order = byP99(runs);
    const p99 = order.map((l) => runs.find((r) => r.policy.label === l)!.metrics.responseTime.p99.value!);
    expect(p99).toEqual([...p99].sort((a, b) => a - b));
  });
});
