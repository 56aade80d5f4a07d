import { describe, expect, it } from 'vitest';
import { costParetoSpec, costRows, hasCosts } from '../../../src/report/specs/cost-pareto.js';
import { compileWarnings } from '../support/compile-clean.js';
import { compareResult } from '../support/results.js';

describe('costParetoSpec(runs)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(costParetoSpec((await compareResult()).runs))).toEqual([]);
  });

  it('costRows(runs) marks exactly the policies no other policy beats on both cost and p99', async () => {
    const runs = (await compareResult()).runs;
    expect(hasCosts(runs)).toBe(true);
    const rows = costRows(runs);
    for (const r of rows) {
      const dominated = rows.some(
        (q) => q.cost <= r.cost && q.p99 <= r.p99 && (q.cost < r.cost || q.p99 < r.p99),
      );
      expect(r.frontier).toBe(!dominated);
    }
    expect(rows.some((r) => r.frontier)).toBe(true);
  });
});
