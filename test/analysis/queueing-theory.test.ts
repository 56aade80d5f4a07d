// Closed-form queueing results against textbook numbers and independent formulas: Erlang C,
// M/M/1, M/M/c, M/D/1 and M/G/1, Cobham's priority waits, and the supermarket limit.
import { describe, expect, it } from 'vitest';
import {
  erlangC,
  mg1,
  mm1,
  mmc,
  priorityNonPreemptive,
  supermarketMeanResponse,
} from '../../src/analysis/queueing-theory.js';

/** Erlang C by the textbook sum: C = (aᶜ/c!)(c/(c − a)) / (Σ_{k<c} aᵏ/k! + (aᶜ/c!)(c/(c − a))). */
function erlangCBySum(c: number, a: number): number {
  let term = 1; // aᵏ/k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

describe('erlangC', () => {
  it('erlangC(2, 1) is 1/3', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
  });

  it('erlangC(1, a) is a (M/M/1 waits with probability ρ)', () => {
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 15);
  });

  it('erlangC matches the textbook sum formula', () => {
    for (const [c, a] of [
      [3, 2.5],
      [10, 8],
      [50, 45],
    ] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCBySum(c, a), 12);
    }
  });

  it('erlangC stays finite for many servers (recursion, no factorials)', () => {
    const p = erlangC(2000, 1980);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('erlangC throws RangeError when ρ ≥ 1 or c is not a positive integer', () => {
    expect(() => erlangC(2, 2)).toThrow(RangeError);
    expect(() => erlangC(0, 0.5)).toThrow(RangeError);
    expect(() => erlangC(1.5, 0.5)).toThrow(RangeError);
  });
});

describe('mm1 and mmc', () => {
  it('mm1(0.8, 1) has Wq = 4, W = 5, Lq = 3.2, L = 4', () => {
    const r = mm1(0.8, 1);
    expect(r.rho).toBeCloseTo(0.8, 15);
    expect(r.pWait).toBeCloseTo(0.8, 15);
    expect(r.meanWait).toBeCloseTo(4, 12);
    expect(r.meanResponse).toBeCloseTo(5, 12);
    expect(r.meanInQueue).toBeCloseTo(3.2, 12);
    expect(r.meanInSystem).toBeCloseTo(4, 12);
  });

  it('mmc(1, 1, 2) has P(wait) = 1/3, Wq = 1/3, W = 4/3', () => {
    // Wq = C/(cμ − λ) = (1/3)/(2 − 1).
    const r = mmc(1, 1, 2);
    expect(r.rho).toBe(0.5);
    expect(r.pWait).toBeCloseTo(1 / 3, 15);
    expect(r.meanWait).toBeCloseTo(1 / 3, 15);
    expect(r.meanResponse).toBeCloseTo(4 / 3, 15);
  });

  it('mmc(λ, μ, c) with rates scaled by μ scales times by 1/μ', () => {
    const slow = mmc(3, 1, 4);
    const fast = mmc(6, 2, 4);
    expect(fast.meanResponse).toBeCloseTo(slow.meanResponse / 2, 12);
    expect(fast.meanInSystem).toBeCloseTo(slow.meanInSystem, 12);
  });
});

describe('mg1', () => {
  it('mg1(0.8, 1, 0) is M/D/1 with Wq = 2, W = 3', () => {
    // Wq = λ E[S²] / (2(1 − ρ)) = 0.8 · 1 / 0.4.
    const r = mg1(0.8, 1, 0);
    expect(r.meanWait).toBeCloseTo(2, 12);
    expect(r.meanResponse).toBeCloseTo(3, 12);
    expect(r.meanInSystem).toBeCloseTo(2.4, 12);
  });

  it('mg1 with scv = 1 equals mm1', () => {
    const r = mg1(0.6, 0.5, 1); // ρ = 0.3, μ = 2
    const m = mm1(0.6, 2);
    expect(r.rho).toBeCloseTo(m.rho, 15);
    expect(r.meanWait).toBeCloseTo(m.meanWait, 14);
    expect(r.meanResponse).toBeCloseTo(m.meanResponse, 14);
  });

  it('mg1 throws RangeError at ρ ≥ 1', () => {
    expect(() => mg1(1, 1, 1)).toThrow(RangeError);
  });
});

describe('priorityNonPreemptive', () => {
  it('priorityNonPreemptive two classes λ = 0.4, μ = 1 gives W = 4/3 and 20/3', () => {
    // W₀ = Σ λᵢ E[Sᵢ²]/2 = 2 · 0.4 · 2 / 2 = 0.8; W₁ = 0.8/(1 · 0.6); W₂ = 0.8/(0.6 · 0.2).
    const r = priorityNonPreemptive([0.4, 0.4], [1, 1], [1, 1]);
    expect(r.meanWait[0]).toBeCloseTo(1.333333333, 8);
    expect(r.meanWait[1]).toBeCloseTo(6.666666667, 8);
    expect(r.meanResponse[0]).toBeCloseTo(7 / 3, 12);
    expect(r.meanResponse[1]).toBeCloseTo(23 / 3, 12);
  });

  it('priorityNonPreemptive obeys Kleinrock conservation: Σ ρₖ Wₖ = ρ · Wq(M/G/1 FCFS)', () => {
    // Classes with different service laws; the FCFS M/G/1 of the mixture has
    // E[S] = Σ λᵢ E[Sᵢ]/λ, E[S²] = Σ λᵢ E[Sᵢ²]/λ.
    const lambdas = [0.1, 0.3, 0.2];
    const means = [0.5, 1, 1.5];
    const scvs = [0, 1, 4];
    const r = priorityNonPreemptive(lambdas, means, scvs);
    let lhs = 0;
    let lambda = 0;
    let m1 = 0;
    let m2 = 0;
    lambdas.forEach((l, i) => {
      const s = means[i] as number;
      lhs += l * s * (r.meanWait[i] as number);
      lambda += l;
      m1 += l * s;
      m2 += l * (1 + (scvs[i] as number)) * s * s;
    });
    const meanS = m1 / lambda;
    const scv = m2 / lambda / (meanS * meanS) - 1;
    const fcfs = mg1(lambda, meanS, scv);
    expect(lhs).toBeCloseTo(fcfs.rho * fcfs.meanWait, 12);
  });

  it('priorityNonPreemptive with one class is the M/G/1 wait', () => {
    const r = priorityNonPreemptive([0.7], [1], [0.5]);
    expect(r.meanWait[0]).toBeCloseTo(mg1(0.7, 1, 0.5).meanWait, 14);
  });

  it('priorityNonPreemptive throws on mismatched lengths or total ρ ≥ 1', () => {
    expect(() => priorityNonPreemptive([0.1, 0.2], [1], [1, 1])).toThrow(RangeError);
    expect(() => priorityNonPreemptive([0.5, 0.5], [1, 1], [1, 1])).toThrow(RangeError);
  });
});

describe('supermarketMeanResponse', () => {
  it('supermarketMeanResponse(0.9, 2) is 2.614057', () => {
    // Σ_{i≥1} 0.9^(2ⁱ − 2) = 1 + 0.9² + 0.9⁶ + 0.9¹⁴ + 0.9³⁰ + 0.9⁶² + … = 2.6140573773 (mpmath).
    expect(supermarketMeanResponse(0.9, 2)).toBeCloseTo(2.6140573773238756, 13);
  });

  it('supermarketMeanResponse(0.9, 3) sums 0.9^((3ⁱ − 3)/2)', () => {
    let expected = 0;
    for (let i = 1; i <= 8; i++) expected += 0.9 ** ((3 ** i - 3) / 2);
    expect(supermarketMeanResponse(0.9, 3)).toBeCloseTo(expected, 14);
  });

  it('supermarketMeanResponse(λ, 1) is the M/M/1 response 1/(1 − λ)', () => {
    expect(supermarketMeanResponse(0.9, 1)).toBeCloseTo(10, 12);
    expect(supermarketMeanResponse(0.5, 1)).toBe(mm1(0.5, 1).meanResponse);
  });

  it('supermarketMeanResponse(0, d) is the bare service time 1', () => {
    expect(supermarketMeanResponse(0, 2)).toBe(1);
  });

  it('supermarketMeanResponse is finite near saturation (no overflow of dⁱ)', () => {
    const r = supermarketMeanResponse(0.999999, 2);
    expect(Number.isFinite(r)).toBe(true);
    // More choices never hurt: E[T] decreases in d.
    expect(supermarketMeanResponse(0.95, 3)).toBeLessThan(supermarketMeanResponse(0.95, 2));
  });

  it('supermarketMeanResponse throws RangeError for λ ≥ 1 or d < 1', () => {
    expect(() => supermarketMeanResponse(1, 2)).toThrow(RangeError);
    expect(() => supermarketMeanResponse(0.5, 0)).toThrow(RangeError);
  });
});
