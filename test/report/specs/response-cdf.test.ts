import { describe, expect, it } from 'vitest';
import { cdfPoints, responseCdfSpec } from '../../../src/report/specs/response-cdf.js';
import { compileWarnings } from '../support/compile-clean.js';
import { compareResult, oneReplicationResult } from '../support/results.js';

describe('responseCdfSpec(runs)', () => {
  it('compiles with vega-lite without warnings', async () => {
    expect(compileWarnings(responseCdfSpec((await compareResult()).runs))).toEqual([]);
  });

  it('cdfPoints(runs) gives five quantile points per replication and their means, on a nines scale', async () => {
    const runs = (await compareResult()).runs;
    const { replications, means } = cdfPoints(runs);
    const reps = runs[0]!.replicationResults.length;
    expect(replications.filter((p) => p.policy === 'sed')).toHaveLength(5 * reps);
    const sed = means.filter((p) => p.policy === 'sed');
    expect(sed.map((p) => p.quantile)).toEqual(['p50', 'p90', 'p95', 'p99', 'p99.9']);
    // −log10(1 − p): 0.301 for p50, 2 for p99, 3 for p99.9.
    expect(sed.map((p) => p.nines)).toEqual([0.301, 1, 1.301, 2, 3]);
    expect(sed[3]!.seconds).toBe(runs[0]!.metrics.responseTime.p99.value);
    const [lo, hi] = runs[0]!.metrics.responseTime.p99.ci95!;
    expect(sed[3]!.ci).toBe(`${Number(lo.toPrecision(4))} to ${Number(hi.toPrecision(4))}`);
  });

  it('gives a mean no interval in its tooltip with one replication', async () => {
    const { means } = cdfPoints((await oneReplicationResult()).runs);
    expect(means.length).toBeGreaterThan(0);
    for (const p of means) expect(p.ci).toBe('none (one replication)');
  });
});
