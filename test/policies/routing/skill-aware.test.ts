// skill-aware: free specialists before generalists, then the least loaded, then the lowest index;
// with no free slot, the fewest tasks per slot.
import { describe, expect, it } from 'vitest';
import { makeSandbox, sandboxPolicy } from '../../support/policy-sandbox.js';
import skillAware from '../../../src/policies/routing/skill-aware.js';

const noRandom = () => {
  throw new Error('skill-aware must not draw random numbers');
};

// Agent 0: generalist (a, b, c); agent 1: a and b; agent 2: specialist (a); all 1 slot unless set.
const fleet = (slots = [1, 1, 1]) =>
  makeSandbox(
    [
      { skills: ['a', 'b', 'c'], slots: slots[0]! },
      { skills: ['a', 'b'], slots: slots[1]! },
      { skills: ['a'], slots: slots[2]! },
    ],
    ['a'],
  );

describe('skill-aware', () => {
  it('skill-aware gives a task to the free agent with the fewest skills', () => {
    const box = fleet();
    expect(sandboxPolicy(box, skillAware).route(box.task(), box.fleet, noRandom)).toBe(2);
  });

  it('skill-aware skips a busy specialist for the next narrowest free agent', () => {
    const box = fleet();
    box.setLoad(2, 1);
    expect(sandboxPolicy(box, skillAware).route(box.task(), box.fleet, noRandom)).toBe(1);
  });

  it('among free agents with as many skills, the least loaded wins, then the lowest index', () => {
    const box = makeSandbox([{ slots: 3 }, { slots: 3 }, { slots: 3 }]);
    box.setLoad(0, 2);
    box.setLoad(1, 1);
    box.setLoad(2, 1);
    expect(sandboxPolicy(box, skillAware).route(box.task(), box.fleet, noRandom)).toBe(1);
  });

  it('with every slot busy, skill-aware joins the fewest tasks per slot', () => {
    // Tasks per slot: 3/1, 4/2, 2/1: the two-slot agent 1 (2 per slot) ties agent 2 (2 per slot);
    // the tie goes to fewer skills, agent 2.
    const box = fleet([1, 2, 1]);
    box.setLoad(0, 1, 2);
    box.setLoad(1, 2, 2);
    box.setLoad(2, 1, 1);
    expect(sandboxPolicy(box, skillAware).route(box.task(), box.fleet, noRandom)).toBe(2);
    box.setLoad(2, 1, 2);
    expect(sandboxPolicy(box, skillAware).route(box.task(), box.fleet, noRandom)).toBe(1);
  });
});
