// Policies told apart by more than colour: in the CDF each policy's line has its own dash and its
// points their own shape; the sweep's lines their own dash. The shape and dash legends merge into
// the colour legend (one legend per chart, still the one a click picks policies in).
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { responseCdfSpec } from '../../../src/report/specs/response-cdf.js';
import { sweepMetricSpec } from '../../../src/report/specs/sweep-metric.js';
import type { TopLevelSpec } from '../../../src/report/specs/common.js';
import { draw } from '../support/draw.js';
import { compareResult, sweepResult } from '../support/results.js';

const legends = (spec: TopLevelSpec) => compile(spec).spec.legends ?? [];

/** Per policy, the distinct values of `key` its drawn items carry. */
function byPolicy(items: Record<string, unknown>[], key: string): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const item of items) {
    const policy = (item.datum as { policy: string }).policy;
    if (!seen.has(policy)) seen.set(policy, new Set());
    seen.get(policy)!.add(JSON.stringify(item[key]));
  }
  return new Map([...seen].map(([p, values]) => [p, [...values].join('|')]));
}

describe('policies apart without colour', () => {
  it('the CDF: a dash per line and a shape per point, one legend', async () => {
    const runs = (await compareResult()).runs;
    const spec = responseCdfSpec(runs);
    const drawn = await draw(spec);
    const dashes = byPolicy(drawn.items('layer_0_marks'), 'strokeDash');
    const shapes = byPolicy(drawn.items('layer_2_marks'), 'shape');
    expect(dashes.size).toBe(runs.length);
    expect(new Set(dashes.values()).size).toBe(runs.length);
    expect(new Set(shapes.values()).size).toBe(runs.length);
    expect(legends(spec)).toHaveLength(1);
  });

  it('the sweep: a dash per line, one legend', async () => {
    const sweep = await sweepResult();
    const spec = sweepMetricSpec(sweep, 'responseTime.p99');
    const dashes = byPolicy((await draw(spec)).items('layer_1_layer_0_marks'), 'strokeDash');
    expect(new Set(dashes.values()).size).toBe(
      new Set(sweep.points[0]!.runs.map((r) => r.policy.label)).size,
    );
    expect(legends(spec)).toHaveLength(1);
  });
});
