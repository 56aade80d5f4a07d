import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../../src/policies/routing/index.js';
import { checkRoutingPolicy } from '../../../src/policies/routing/kit.js';
import { definePolicy, HOLD } from '../../../src/policies/routing/types.js';

// A deliberately broken policy: it keeps every fifth task and never hands it back.
// The kit must catch it, or the kit proves nothing.
const canary = definePolicy({
  name: 'canary-drops-tasks',
  summary: 'loses every fifth task',
  params: z.strictObject({}),
  create() {
    let n = 0;
    return {
      name: 'canary-drops-tasks',
      route(task) {
        if (++n % 5 === 0) return HOLD;
        return task.eligible[0]!;
      },
      release() {
        return -1;
      },
    };
  },
});

// Another broken policy: it ignores skills.
const skillBlind = definePolicy({
  name: 'canary-skill-blind',
  summary: 'always picks the last agent',
  params: z.strictObject({}),
  create() {
    return { name: 'canary-skill-blind', route: (_task, fleet) => fleet.size - 1 };
  },
});

describe('routing policy conformance kit', () => {
  for (const [name, policy] of routingPolicies) {
    it(`checkRoutingPolicy(${name}) finds no problem`, () => {
      expect(checkRoutingPolicy(policy)).toEqual([]);
    });
  }

  it('checkRoutingPolicy(canary that drops tasks) reports the lost task', () => {
    const problems = checkRoutingPolicy(canary);
    expect(problems.some((p) => p.includes('was lost'))).toBe(true);
  });

  it('checkRoutingPolicy(canary that ignores skills) reports the skill breach', () => {
    const problems = checkRoutingPolicy(skillBlind);
    expect(problems.some((p) => p.includes("does not have skill 'a'"))).toBe(true);
  });
});
