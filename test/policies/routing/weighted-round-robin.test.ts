// weighted-round-robin: nginx's smooth weighted round robin, checked against nginx's own worked
// example (from the 2012 change that introduced it) and for exact shares over whole periods.
import { describe, expect, it } from 'vitest';
import { makeSandbox, pickCounts, sandboxPolicy } from '../../support/policy-sandbox.js';
import weightedRoundRobin from '../../../src/policies/routing/weighted-round-robin.js';

const noRandom = () => {
  throw new Error('weighted-round-robin must not draw random numbers');
};

describe('weighted-round-robin', () => {
  it('weights 5, 1, 1 give the smooth sequence a a b a c a a (the example nginx gives)', () => {
    // Counters start at 0; each pick adds the weights, takes the largest, subtracts the total 7:
    // (5,1,1)→a (-2,1,1); (3,2,2)→a (-4,2,2); (1,3,3)→b (1,-4,3); (6,-3,4)→a (-1,-3,4);
    // (4,-2,5)→c (4,-2,-2); (9,-1,-1)→a (2,-1,-1); (7,0,0)→a (0,0,0): back to the start.
    const box = makeSandbox([{ speed: 5 }, { speed: 1 }, { speed: 1 }]);
    const policy = sandboxPolicy(box, weightedRoundRobin);
    const picks = Array.from({ length: 14 }, () => policy.route(box.task(), box.fleet, noRandom));
    expect(picks).toEqual([0, 0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 2, 0, 0]);
  });

  it('weights are speed × slots, and each period of Σw picks gives every agent exactly its weight', () => {
    // Weights 2·1, 1·3, 4·1 = 2, 3, 4: 900 picks are 100 periods of 9.
    const box = makeSandbox([{ speed: 2 }, { speed: 1, slots: 3 }, { speed: 4 }]);
    const counts = pickCounts(box, sandboxPolicy(box, weightedRoundRobin), noRandom, 900);
    expect(Array.from(counts)).toEqual([200, 300, 400]);
  });
});
