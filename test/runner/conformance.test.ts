import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../../src/runner/conformance-cases.js';
import { runConformance } from '../../src/runner/conformance.js';

describe('simulator against queueing theory (orchlab conformance --quick)', () => {
  const cases = conformanceCases(true);
  const verdicts = runConformance(cases);

  for (const v of verdicts) {
    it(`${v.case}: ${v.check} = ${v.theory.toPrecision(5)} lies in the ${(v.level * 100).toFixed(2)}% CI`, () => {
      expect(v.ci[0]).toBeLessThanOrEqual(v.theory);
      expect(v.ci[1]).toBeGreaterThanOrEqual(v.theory);
      expect(v.pass).toBe(true);
    });
  }

  it('gives each check the formula of the figure it checks (a response time is not Wq)', () => {
    const symbol: Record<string, RegExp> = {
      'mean wait': /^(Wq|Erlang C|Pollaczek)/,
      'mean response': /(^W =|W = )/,
      'mean in system': /^L = /,
      utilization: /^rho = /,
    };
    for (const v of verdicts) {
      const expected = symbol[v.check];
      if (expected !== undefined) expect(v.formula, `${v.case}: ${v.check}`).toMatch(expected);
    }
  });

  it('runConformance fails a check whose theory value is wrong by 10% (the checker can fail)', () => {
    const mm1 = cases.find((c) => c.name.startsWith('M/M/1'))!;
    const wrong = { ...mm1, checks: mm1.checks.map((c) => ({ ...c, theory: c.theory * 1.1 })) };
    const result = runConformance([wrong]);
    expect(result.every((v) => !v.pass)).toBe(true);
  });

  it('fails a check that measured nothing in some replications (NaN), instead of narrowing on the rest', () => {
    const mm1 = cases.find((c) => c.name.startsWith('M/M/1'))!;
    let calls = 0;
    const check = mm1.checks[0]!;
    const gappy = {
      ...mm1,
      checks: [
        {
          ...check,
          measure: (m: Parameters<typeof check.measure>[0]) =>
            calls++ % 2 === 0 ? Number.NaN : check.measure(m),
        },
      ],
    };
    const [verdict] = runConformance([gappy]);
    expect(calls).toBeGreaterThan(1);
    expect(verdict!.pass).toBe(false);
    expect(verdict!.mean).toBeNaN();
  });
});
