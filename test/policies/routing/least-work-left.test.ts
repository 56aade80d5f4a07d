// least-work-left: its tally of unfinished work (size / advertised speed, per slot) decides,
// completions (observe) take work off, and a task the agent must turn away adds none. Ties are
// kept on the first agent scanned by a stub random source (0.99: a tie never replaces it).
import { describe, expect, it } from 'vitest';
import leastWorkLeft from '../../../src/policies/routing/least-work-left.js';
import { makeSandbox, sandboxPolicy } from '../../support/policy-sandbox.js';

const keepFirst = () => 0.99;

describe('least-work-left', () => {
  it('route() sends tasks to the agent with less unfinished work, whatever the task counts', () => {
    const box = makeSandbox([{}, {}]);
    const policy = sandboxPolicy(box, leastWorkLeft);
    expect(policy.route(box.task({ size: 5 }), box.fleet, keepFirst)).toBe(0);
    // Agent 1 takes five 1-unit tasks (it holds 0..4 s < 5 s each time) before agent 0 gets another.
    for (let i = 0; i < 5; i++) expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(1);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(0); // 5 s against 5 s: first
  });

  it('observe() takes a finished task off its agent', () => {
    const box = makeSandbox([{}, {}]);
    const policy = sandboxPolicy(box, leastWorkLeft);
    const big = box.task({ size: 3 });
    expect(policy.route(big, box.fleet, keepFirst)).toBe(0);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(1);
    policy.observe!(0, big.id, 3);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(0);
  });

  it('work is seconds at the advertised speed, per slot', () => {
    // Agent 0: speed 4, 2 slots; agent 1: speed 1. A 4-unit task is 1 s at agent 0, 0.5 s per slot;
    // a 1-unit task is 1 s at agent 1; so the third task goes to agent 0 (jsq would see a tie).
    const box = makeSandbox([{ speed: 4, slots: 2 }, { speed: 1 }]);
    const policy = sandboxPolicy(box, leastWorkLeft);
    expect(policy.route(box.task({ size: 4 }), box.fleet, keepFirst)).toBe(0);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(1);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(0);
  });

  it('a task the chosen agent must turn away adds no work', () => {
    const box = makeSandbox([{}, { queueCapacity: 0 }]);
    const policy = sandboxPolicy(box, leastWorkLeft);
    expect(policy.route(box.task({ size: 2 }), box.fleet, keepFirst)).toBe(0);
    // Agent 1's slot is busy and it has no queue room: the core will reject this task there.
    box.setLoad(1, 1);
    expect(policy.route(box.task({ size: 5 }), box.fleet, keepFirst)).toBe(1);
    box.setLoad(1, 0);
    // Had the rejected 5 s counted, agent 0 (2 s) would win now.
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(1);
  });

  it('idle() clears an agent’s tally', () => {
    const box = makeSandbox([{}, {}]);
    const policy = sandboxPolicy(box, leastWorkLeft);
    expect(policy.route(box.task({ size: 3 }), box.fleet, keepFirst)).toBe(0);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(1);
    policy.idle!(0);
    expect(policy.route(box.task({ size: 1 }), box.fleet, keepFirst)).toBe(0);
  });
});
