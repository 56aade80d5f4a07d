// prequal: the hot-cold lexicographic rule on a hand-made fleet (probing every agent), the all-hot
// fallback to the lowest RIF, and a run in which it routes around an agent slower than it
// advertises.
import { laggardUtilization } from '../../support/slow-agent.js';
import { describe, expect, it } from 'vitest';
import prequal from '../../../src/policies/routing/prequal.js';
import { makeSandbox, type Sandbox, sandboxPolicy } from '../../support/policy-sandbox.js';
import type { RoutingPolicy } from '../../../src/policies/routing/types.js';
import { makeStream } from '../../../src/sim/rng.js';

/** Teaches `policy` that `agent` serves a task in `seconds` (observe reads now − start). */
function teach(box: Sandbox, policy: RoutingPolicy, agent: number, seconds: number, times = 40): void {
  for (let i = 0; i < times; i++) {
    const t = box.task();
    box.ctx.tasks.start[t.id] = box.clock - seconds;
    policy.observe!(agent, t.id, seconds);
    box.release(t);
  }
}

// 64 probes per task over 4 agents miss a given agent with probability (3/4)^64 ≈ 1e-8.
const everyAgent = { probesPerTask: 64 };

describe('prequal', () => {
  // Agent A (0): RIF 4, service 0.1 s, latency estimate (4 + 1) · 0.1 = 0.5 s.
  // Agent B (1): RIF 0, service 1 s: 1 s.   Agent C (2): RIF 0, service 2 s: 2 s.
  // Agent D (3): RIF 1, service 1 s: 2 s.   Pool RIFs sorted: 0, 0, 1, 4.
  const setup = (qRif: number) => {
    const box = makeSandbox([{}, {}, {}, {}]);
    box.clock = 100;
    const policy = sandboxPolicy(box, prequal, { ...everyAgent, qRif });
    teach(box, policy, 0, 0.1);
    teach(box, policy, 2, 2);
    box.setLoad(0, 1, 3);
    box.setLoad(3, 1);
    return { box, policy };
  };

  it('prequal(qRif = 0.5) skips the hot fastest agent for the cold one with the lowest latency', () => {
    // k = ceil(0.5 · 4) = 2: the 2nd smallest RIF, 0, is the threshold; A (4) and D (1) are hot.
    const { box, policy } = setup(0.5);
    expect(policy.route(box.task(), box.fleet, makeStream(10, 't', 0))).toBe(1);
  });

  it('prequal(qRif = 1) finds every probe cold and takes the lowest latency, agent A', () => {
    const { box, policy } = setup(1);
    expect(policy.route(box.task(), box.fleet, makeStream(10, 't', 1))).toBe(0);
  });

  it('when every usable probe is hot, prequal takes the lowest RIF whatever its latency', () => {
    // Agents 0, 1 serve class a; 2, 3 class b. A class-b task pools 2 and 3 at RIF 0 (one is
    // raised to 1 when chosen). Then a class-a task: RIFs 5 (agent 0, 1 s) and 3 (agent 1,
    // service 10 s: latency 40 s). With qRif = 0.5 the threshold is the 2nd smallest of
    // {0, 1, 3, 5} = 1, both usable probes are hot, and the lower RIF, agent 1, wins.
    const box = makeSandbox(
      [{ skills: ['a'] }, { skills: ['a'] }, { skills: ['b'] }, { skills: ['b'] }],
      ['a', 'b'],
    );
    box.clock = 100;
    const policy = sandboxPolicy(box, prequal, { ...everyAgent, qRif: 0.5 });
    teach(box, policy, 1, 10);
    const rng = makeStream(10, 't', 2);
    expect([2, 3]).toContain(policy.route(box.task({ cls: 1 }), box.fleet, rng));
    box.setLoad(0, 1, 4);
    box.setLoad(1, 1, 2);
    expect(policy.route(box.task({ cls: 0 }), box.fleet, rng)).toBe(1);
  });
});

describe('prequal on a fleet with an agent slower than it advertises', () => {
  // As in scenarios/slow-agent.yaml: prequal learns the laggard's 10 s service time and keeps it
  // nearly idle (measured utilisation 0.000–0.009), while jsq keeps it busy (0.985–0.989).
  const laggard = (policy: string, r: number) => laggardUtilization(policy, 101, r);

  it('the laggard is under 5% busy with prequal and over 90% with jsq', () => {
    for (let r = 0; r < 3; r++) {
      expect(laggard('prequal', r)).toBeLessThan(0.05);
      expect(laggard('jsq', r)).toBeGreaterThan(0.9);
    }
  });
});
