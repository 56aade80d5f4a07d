// weighted-random: Envoy-style pick-share check against the weights speed × slots.
import { describe, expect, it } from 'vitest';
import { makeSandbox, pickCounts, sandboxPolicy } from '../../support/policy-sandbox.js';
import weightedRandom from '../../../src/policies/routing/weighted-random.js';
import { makeStream } from '../../../src/sim/rng.js';

describe('weighted-random', () => {
  it('pick shares match speed × slots within 4 binomial standard deviations', () => {
    // Weights 1·1, 2·1, 1·3, 4·1 = 1, 2, 3, 4 (total 10), loads ignored. Over N = 100 000 picks,
    // agent i's count is Binomial(N, wᵢ/10): sd = √(N p (1 − p)) = 94.9, 126.5, 144.9, 154.9;
    // a ±4 sd band holds with probability 1 − 6.3e-5 per agent (the seed is fixed anyway).
    const box = makeSandbox([{ speed: 1 }, { speed: 2 }, { speed: 1, slots: 3 }, { speed: 4 }]);
    box.setLoad(3, 1, 9);
    const n = 100_000;
    const counts = pickCounts(box, sandboxPolicy(box, weightedRandom), makeStream(4, 'shares', 0), n);
    [0.1, 0.2, 0.3, 0.4].forEach((p, i) => {
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(counts[i]! - n * p)).toBeLessThan(4 * sd);
    });
  });

  it('weighted-random only picks agents with the skill', () => {
    const box = makeSandbox(
      [{ skills: ['a'] }, { skills: ['b'], speed: 100 }, { skills: ['a', 'b'] }],
      ['a', 'b'],
    );
    const counts = pickCounts(box, sandboxPolicy(box, weightedRandom), makeStream(4, 'skills', 0), 1_000);
    expect(counts[1]).toBe(0);
  });
});
