// Student-t and normal quantiles/CDFs against printed table values, closed forms for df = 1
// and df = 2, and round trips tQuantile(tCdf(t)) = t across the range.
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../src/analysis/student-t.js';

/** |actual − expected| ≤ tol · |expected|. */
function expectRelative(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('tQuantile', () => {
  // Textbook two-sided 95% / 99% / one-sided 95% critical values (Student-t tables, 9 digits).
  const table: [number, number, number][] = [
    [0.975, 1, 12.7062047],
    [0.975, 2, 4.30265273],
    [0.975, 4, 2.77644511],
    [0.975, 9, 2.26215716],
    [0.975, 29, 2.04522964],
    [0.995, 10, 3.16927267],
    [0.95, 5, 2.01504837],
  ];
  for (const [p, df, expected] of table) {
    it(`tQuantile(${p}, ${df}) is ${expected}`, () => {
      expectRelative(tQuantile(p, df), expected, 5e-9); // tables print 9 significant digits
      expectRelative(tQuantile(1 - p, df), -expected, 5e-9); // symmetry
    });
  }

  it('tQuantile(p, 1) is the Cauchy quantile tan(π(p − ½))', () => {
    for (const p of [1e-12, 0.001, 0.05, 0.3, 0.45, 0.55, 0.8, 0.99]) {
      // Away from the centre use the cotangent form −cot(πp), which keeps full precision there.
      const exact = Math.abs(p - 0.5) < 0.25 ? Math.tan(Math.PI * (p - 0.5)) : -1 / Math.tan(Math.PI * p);
      expectRelative(tQuantile(p, 1), exact, 1e-12);
    }
  });

  it('tQuantile(p, 2) is (2p − 1)/√(2p(1 − p))', () => {
    for (const p of [1e-15, 1e-6, 0.025, 0.2, 0.4999, 0.6, 0.975, 0.999999]) {
      expectRelative(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
    }
  });

  it('tQuantile handles fractional df and deep tails (reference: mpmath, 50 digits)', () => {
    expectRelative(tQuantile(0.975, 2.5), 3.57465484200368);
    expectRelative(tQuantile(0.9, 0.5), 10.2703244102345);
    expectRelative(tQuantile(1e-12, 4), -1316.07274655926);
    // Large df: Cornish–Fisher branch, t(0.975, 10⁶) = 1.95996635681411.
    expectRelative(tQuantile(0.975, 1e6), 1.95996635681411);
  });

  it('tQuantile(p, Infinity) is normalQuantile(p), and the edges are exact', () => {
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
  });

  it('tQuantile rejects p outside [0, 1] and non-positive df', () => {
    expect(() => tQuantile(1.5, 3)).toThrow(RangeError);
    expect(() => tQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.5, -2)).toThrow(RangeError);
  });

  it('tQuantile is continuous across the large-df switch at df = 1e5', () => {
    for (const p of [1e-10, 0.001, 0.3, 0.975]) {
      // Beta branch at df = 1e5, Cornish–Fisher just above. The true change over Δν = 1e-6 is
      // |dt/dν| Δν ≈ (z³ + z)/(4ν²) · 1e-6 < 1e-14, so any gap is the two methods disagreeing.
      expectRelative(tQuantile(p, 1e5), tQuantile(p, 1e5 + 1e-6), 1e-12);
    }
  });
});

describe('tCdf', () => {
  it('tCdf(0, df) is ½ and tCdf(1, 1) is ¾ (Cauchy: ½ + atan(t)/π)', () => {
    expect(tCdf(0, 7)).toBe(0.5);
    expectRelative(tCdf(1, 1), 0.75, 1e-14);
  });

  it('tCdf(2, 2) is ½ + 1/√6 (df = 2: ½ + t/(2√(2 + t²)))', () => {
    expectRelative(tCdf(2, 2), 0.5 + 1 / Math.sqrt(6), 1e-14);
  });

  it('tCdf(−3, 7.5) is 0.00919546930410226 (mpmath)', () => {
    expectRelative(tCdf(-3, 7.5), 0.00919546930410226, 1e-12);
  });

  it('tCdf at ±Infinity and df = Infinity', () => {
    expect(tCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(tCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(tCdf(1.5, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.5));
  });

  it('tQuantile(tCdf(t)) round-trips over df and t', () => {
    // Lower tail and centre only: there the CDF keeps full relative precision. Upper-tail values
    // of the CDF are crowded against 1 and cannot be inverted sharply; symmetry covers them.
    const dfs = [0.3, 1, 1.5, 3, 7.7, 30, 300, 5000, 99_999, 2e5, 1e9];
    const ts = [-1e6, -40, -5, -1.7, -0.3, -1e-4, 1e-6, 0.01, 0.6];
    for (const df of dfs) {
      for (const t of ts) {
        const p = tCdf(t, df);
        if (p === 0) continue; // below the smallest double in that tail
        expectRelative(tQuantile(p, df), t, 1e-9);
        // The other direction: tCdf(tQuantile(p)) = p, relative to the smaller tail.
        expectRelative(tCdf(tQuantile(p, df), df), p, 1e-11);
      }
    }
  });

  it('tCdf(−t) = 1 − tCdf(t) (symmetry)', () => {
    for (const df of [0.5, 2, 12.5, 1e6]) {
      for (const t of [0.1, 1, 3, 20]) expect(Math.abs(tCdf(-t, df) + tCdf(t, df) - 1)).toBeLessThan(1e-15);
    }
  });
});

describe('normalQuantile', () => {
  it('normalQuantile(0.975) is 1.95996398', () => {
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-14);
  });

  it('normalQuantile(1e-10) is −6.36134090240406 and normalCdf inverts it', () => {
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 1e-14);
    for (const p of [1e-300, 1e-20, 0.001, 0.02425, 0.2, 0.4999999, 0.7, 0.999]) {
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
    }
  });

  it('normalCdf(−1) is 0.158655253931457', () => {
    expectRelative(normalCdf(-1), 0.15865525393145705, 1e-14);
  });
});
