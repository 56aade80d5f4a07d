import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/runner/run-result.js';
import {
  aroundDifference,
  LABEL_PX,
  labelKey,
  middleEllipsis,
  parseLabel,
  policyLabels,
  shortLabels,
} from '../../../src/report/specs/labels.js';
import { costRows } from '../../../src/report/specs/cost-pareto.js';
import { quantileBarsSpec } from '../../../src/report/specs/quantile-bars.js';
import { responseCdfSpec } from '../../../src/report/specs/response-cdf.js';
import { textWidth } from '../../../src/report/specs/text-width.js';
import { renderSvg } from '../../../src/report/svg.js';
import { compileWarnings } from '../support/compile-clean.js';
import { compareResult } from '../support/results.js';

// The reviewer's pair: vega cut both to `prequal(probesPerTask=4,pool…` on the axis and legend.
const Q9 = 'prequal(probesPerTask=4,poolSize=32,qRif=0.9)';
const Q5 = 'prequal(probesPerTask=4,poolSize=32,qRif=0.5)';
const px = (s: string) => textWidth(s, 11);

const relabel = (run: RunResult, label: string): RunResult => ({ ...run, policy: { ...run.policy, label } });
/** The text of every `<text>` element of an SVG, or of each of its lines (`<tspan>`). */
const texts = (svg: string) =>
  [...svg.matchAll(/<(text|tspan)[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]!).filter((t) => t !== '');

describe('shortLabels(labels)', () => {
  it('drops the parameters every policy of a name shares, and says what … stands for', () => {
    expect(px(Q9)).toBeGreaterThan(LABEL_PX);
    expect(shortLabels([Q9, Q5, 'jsq'])).toEqual(
      new Map([
        [Q9, 'prequal(…,qRif=0.9)'],
        [Q5, 'prequal(…,qRif=0.5)'],
      ]),
    );
    expect(labelKey([Q9, Q5, 'jsq'])).toBe(
      'Labels: prequal(…) leaves out what every prequal shares, probesPerTask=4,poolSize=32.',
    );
    expect(labelKey(['jsq', 'sed'])).toBeUndefined();
  });

  it('keeps a difference in the middle: prequal(…,poolSize=16,…) and prequal(…,poolSize=32,…)', () => {
    const a = 'prequal(probesPerTask=4,poolSize=16,qRif=0.9,tag=a-long-shared-tail)';
    const b = 'prequal(probesPerTask=4,poolSize=32,qRif=0.9,tag=a-long-shared-tail)';
    expect([...shortLabels([a, b]).values()]).toEqual([
      'prequal(…,poolSize=16,…)',
      'prequal(…,poolSize=32,…)',
    ]);
  });

  it('cuts out the middle of a long label without parameters, keeping its start and end', () => {
    const long = 'my-really-long-policy-module-name-for-testing-abc';
    const short = shortLabels([long, 'jsq']).get(long)!;
    expect(short).toMatch(/^my-really-long-p.*….*for-testing-abc$/);
    expect(px(short)).toBeLessThanOrEqual(LABEL_PX);
    expect(middleEllipsis('short', 100)).toBe('short');
  });

  it('shows where two long labels differ when start and end are the same', () => {
    const tail = '-and-more-and-more-and-more-tail';
    const a = `my-really-long-policy-module-name-abc${tail}`;
    const b = `my-really-long-policy-module-name-xyz${tail}`;
    const short = shortLabels([a, b]);
    expect(short.get(a)).toContain('abc');
    expect(short.get(b)).toContain('xyz');
    expect(aroundDifference(a, [a, b], LABEL_PX)).toBe(short.get(a));
  });

  it('gives distinct labels no wider than the limit, whatever the labels (numbered when nothing else tells them apart)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = (s: string) => s[Math.floor(random() * s.length)]!;
    for (let round = 0; round < 200; round++) {
      const prefix = 'policy-with-a-shared-and-rather-long-prefix-'.slice(0, Math.floor(random() * 44));
      const labels = [
        ...new Set(
          Array.from({ length: 2 + Math.floor(random() * 8) }, () =>
            [prefix, ...Array.from({ length: Math.floor(random() * 40) }, () => pick('ab=,()x-'))].join(''),
          ),
        ),
      ];
      const limit = round % 4 === 0 ? 30 : LABEL_PX;
      const short = shortLabels(labels, limit);
      const shown = labels.map((l) => short.get(l) ?? l);
      expect(new Set(shown).size).toBe(labels.length);
      for (const [l, s] of short) {
        expect(px(l)).toBeGreaterThan(limit);
        if (!s.includes('#')) expect(px(s)).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('parseLabel splits parameters at top-level commas only', () => {
    expect(parseLabel('a(b={"x":1,"y":[1,2]},c=2)#2')).toEqual({
      name: 'a',
      params: ['b={"x":1,"y":[1,2]}', 'c=2'],
      rest: '#2',
    });
    expect(parseLabel('jsq')).toBeUndefined();
  });
});

describe('policy labels in the charts', () => {
  it('the quantile axis shows two labels with a long shared start apart, the tooltip data keep them whole', async () => {
    const [sed, jsq] = (await compareResult()).runs;
    const runs = [relabel(sed!, Q9), relabel(jsq!, Q5)];
    const spec = quantileBarsSpec(runs);
    expect(compileWarnings(spec)).toEqual([]);
    const shown = texts(await renderSvg(spec));
    expect(shown).toContain('prequal(…,qRif=0.9)');
    expect(shown).toContain('prequal(…,qRif=0.5)');
    expect(shown.some((t) => t.startsWith('prequal(probesPerTask=4,pool'))).toBe(false);
    expect(shown).toContain(
      'Labels: prequal(…) leaves out what every prequal shares, probesPerTask=4,poolSize=32.',
    );
    const data = (spec as { data: { values: { policy: string }[] } }).data.values;
    expect(new Set(data.map((r) => r.policy))).toEqual(new Set([Q9, Q5]));
  });

  it('the legend shows them apart too', async () => {
    const [sed, jsq] = (await compareResult()).runs;
    const shown = texts(await renderSvg(responseCdfSpec([relabel(sed!, Q9), relabel(jsq!, Q5)])));
    expect(shown.filter((t) => t.startsWith('prequal('))).toEqual([
      'prequal(…,qRif=0.9)',
      'prequal(…,qRif=0.5)',
    ]);
  });

  it('the cost chart names its points by the short labels', async () => {
    const [sed, jsq] = (await compareResult()).runs;
    const rows = costRows([relabel(sed!, Q9), relabel(jsq!, Q5)]);
    expect(rows.map((r) => [r.policy, r.label])).toEqual([
      [Q9, 'prequal(…,qRif=0.9)'],
      [Q5, 'prequal(…,qRif=0.5)'],
    ]);
  });

  it('a label with quotes, backslashes and line separators still maps (escaped in the vega expression)', async () => {
    const [sed, jsq] = (await compareResult()).runs;
    const odd = 'x"y\\z\u2028</script>-and-a-long-long-long-long-long-long-tail-A';
    const odd2 = 'x"y\\z\u2028</script>-and-a-long-long-long-long-long-long-tail-B';
    expect(policyLabels([odd, odd2]).labelExpr).not.toMatch(/[^\x20-\x7e]/);
    const spec = responseCdfSpec([relabel(sed!, odd), relabel(jsq!, odd2)]);
    expect(compileWarnings(spec)).toEqual([]);
    const shown = texts(await renderSvg(spec)).filter((t) => t.startsWith('x'));
    expect(shown).toHaveLength(2);
    expect(shown[0]).not.toBe(shown[1]);
    expect(shown.every((t) => t.includes('…'))).toBe(true);
  });
});
