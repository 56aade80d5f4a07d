import { describe, expect, it } from 'vitest';
import { atPoint, reportCharts } from '../../src/report/charts.js';
import { reportModel } from '../../src/report/report-model.js';
import type { TopLevelSpec } from '../../src/report/specs/common.js';
import { compareResult, sweepResult } from './support/results.js';

const titleOf = (spec: TopLevelSpec) => JSON.stringify(spec.title);

describe('reportCharts(model) of a sweep', () => {
  it('names the point every detail chart shows, in its title and description (an SVG file has no heading)', async () => {
    const { charts } = reportCharts(reportModel(await sweepResult(), 'sweep'));
    const details = charts.filter((c) => c.id !== 'sweep-p99');
    expect(details.map((c) => c.id)).toEqual(['response-cdf', 'quantiles', 'cost-p99', 'timeline', 'agents']);
    for (const c of details) {
      const file = c.fileSpec();
      expect(titleOf(file), c.id).toContain('at rate = 8');
      expect(file.description, c.id).toMatch(/ At rate = 8\.$/);
      expect(titleOf(c.spec), c.id).toContain('rate = 8');
    }
    // The sweep chart covers every point: no point named.
    expect(titleOf(charts[0]!.spec)).not.toContain('rate = 8');
  });

  it('a comparison names no point', async () => {
    const { charts } = reportCharts(reportModel(await compareResult(), 'compare'));
    for (const c of charts) expect(titleOf(c.fileSpec()), c.id).not.toMatch(/rate = |At /);
  });
});

describe('atPoint(spec, point)', () => {
  const base = { $schema: 'x', mark: 'point', data: { values: [] } } as const;
  it('appends the point to a title text, or puts it first in the subtitle when the text is an expression', () => {
    expect(atPoint({ ...base, title: 'T' }, 'rate = 8').title).toBe('T at rate = 8');
    expect(atPoint({ ...base, title: { text: 'T', subtitle: 'S' } }, 'rate = 8').title).toEqual({
      text: 'T at rate = 8',
      subtitle: 'S',
    });
    expect(atPoint({ ...base, title: { text: { expr: "'T'" }, subtitle: 'S' } }, 'rate = 8').title).toEqual({
      text: { expr: "'T'" },
      subtitle: ['At rate = 8.', 'S'],
    });
  });
});
