import { describe, expect, it } from 'vitest';
import { logTicks, PALETTE, policyColor, wantsLog } from '../../../src/report/specs/common.js';

describe('logTicks(min, max)', () => {
  it('gives 1, 2, 5 per decade over at most two decades, powers of 10 beyond', () => {
    expect(logTicks(0.3, 8)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50]);
    expect(logTicks(0.45, 4000)).toEqual([0.1, 1, 10, 100, 1000, 10_000]);
  });

  it('gives nothing for an empty or non-positive range', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toEqual([]);
  });
});

describe('wantsLog(values)', () => {
  it('is true when positive values span more than 20×, false with a zero or a narrow span', () => {
    expect(wantsLog([1, 2, 30])).toBe(true);
    expect(wantsLog([1, 2, 19])).toBe(false);
    expect(wantsLog([0, 1, 100])).toBe(false);
  });
});

/** sRGB hex to CIE L*a*b* (D65), as in CIE 15 / the sRGB standard. */
function lab(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE76 = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

describe('the policy palette', () => {
  it('lab() matches known values (white, sRGB red)', () => {
    expect(lab('#ffffff').map((v) => Math.round(v) + 0)).toEqual([100, 0, 0]);
    expect(lab('#ff0000').map((v) => Math.round(v) + 0)).toEqual([53, 80, 67]);
  });

  it('has 20 colours, every pair at least ΔE76 25 apart (the old #59a14f and #4d9221 were 15)', () => {
    expect(deltaE76('#59a14f', '#4d9221')).toBeLessThan(16);
    expect(PALETTE).toHaveLength(20);
    expect(new Set(PALETTE).size).toBe(20);
    const close: string[] = [];
    for (let i = 0; i < PALETTE.length; i++)
      for (let j = i + 1; j < PALETTE.length; j++) {
        const d = deltaE76(PALETTE[i]!, PALETTE[j]!);
        if (d < 25) close.push(`${PALETTE[i]} ${PALETTE[j]} ${d.toFixed(1)}`);
      }
    expect(close).toEqual([]);
  });

  it("keeps every colour visible on white (Tableau's yellow is L* 82) and none near black: L* 25 to 85", () => {
    for (const c of PALETTE) expect(lab(c)[0]).toSatisfy((l: number) => l >= 25 && l <= 85);
  });

  it('policyColor gives each of 20 policies its own colour, in palette order', () => {
    const policies = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const scale = (policyColor(policies) as { scale: { range: string[] } }).scale;
    expect(scale.range).toEqual([...PALETTE]);
  });
});
