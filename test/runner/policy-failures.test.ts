// A user policy's failures, wherever in the policy they happen, are the policy's (kind 'policy',
// exit code 3) and read the same with any number of workers; a run that can never reach its stop
// ends with a message instead of running forever.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PolicyContext, RoutingPolicy } from '../../src/policies/routing/types.js';
import { guardPolicy } from '../../src/runner/guard-policy.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { preloadPolicies } from '../../src/runner/resolve-policy.js';
import { runCli } from '../support/run-cli.js';
import { smallScenario } from './small-scenario.js';

const OUTSIDE = 'test/fixtures/policies/throws-outside-route.ts';
const REJECTS = 'test/fixtures/policies/rejects-all.ts';
const BAD = 'test/fixtures/policies/bad-answers.ts';

beforeAll(() => preloadPolicies([OUTSIDE, REJECTS, BAD]));

/** The failures of two replications of the small M/M/4 scenario under `policy`. */
async function failuresOf(policy: string, overrides: readonly string[] = []) {
  const c = await runComparison(smallScenario(['replications=2', ...overrides]), [policy], executeInProcess);
  return c.failures;
}

describe('a user policy that throws outside route()', () => {
  for (const where of ['create', 'observe', 'idle', 'release']) {
    it(`in ${where}(): a policy failure naming the method, not a crash with a stack`, async () => {
      const c = await runComparison(
        smallScenario(['replications=2']),
        ['jsq', `${OUTSIDE}:where=${where}`],
        executeInProcess,
      );
      expect(c.runs.map((r) => r.policy.name)).toEqual(['jsq']);
      expect(c.failures).toHaveLength(2);
      for (const f of c.failures) {
        expect(f.kind).toBe('policy');
        expect(f.error).toBe(`policy 'throws-outside-route' threw in ${where}(): Error: boom in ${where}`);
      }
    });
  }

  it('gives the same bytes with --workers 1 and 2, and exit code 3', async () => {
    const args = [
      'compare',
      'test/fixtures/scenarios/small-mmc.yaml',
      '--policies',
      `jsq,${OUTSIDE}:where=observe`,
      '--format',
      'json',
    ];
    const one = await runCli(...args, '--workers', '1');
    const two = await runCli(...args, '--workers', '2');
    expect(one.code).toBe(3);
    expect(two.code).toBe(3);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).not.toContain('    at ');
  });
});

describe('a user policy that throws what cannot be printed', () => {
  // String() throws on these: the message must still be built, and the failure stay the policy's.
  for (const where of ['create', 'observe', 'idle', 'release']) {
    it(`in ${where}(): an object without a prototype, or a symbol`, async () => {
      for (const [what, text] of [
        ['null-proto', 'an object that cannot be turned into text ([object Object])'],
        ['symbol', `Symbol(${where})`],
      ]) {
        const failures = await failuresOf(`${OUTSIDE}:where=${where}:what=${what}`);
        expect(failures).toHaveLength(2);
        for (const f of failures) {
          expect(f.kind).toBe('policy');
          expect(f.error).toBe(`policy 'throws-outside-route' threw in ${where}(): ${text}`);
        }
      }
    });
  }

  it('in route(): the failure names the task and renders the value safely', async () => {
    for (const [answer, text] of [
      ['throw-null-proto', 'an object that cannot be turned into text ([object Object])'],
      ['throw-bad-tostring', 'an object that cannot be turned into text ([object Object])'],
      ['throw-symbol', 'Symbol(thrown)'],
    ]) {
      const failures = await failuresOf(`${BAD}:answer=${answer}`);
      expect(failures).toHaveLength(2);
      for (const f of failures) {
        expect(f.kind).toBe('policy');
        expect(f.error).toMatch(/^task id \d+ \(arrival #\d+, class 'default', arrived at [\d.]+ s\): /);
        expect(f.error).toContain(`policy 'bad-answers' threw: ${text}`);
      }
    }
  });
});

describe('a user policy whose route() returns what is not an agent, HOLD or REJECT', () => {
  // A string would index the class-by-agent table by concatenation; a bigint or a symbol throws in
  // the core's own arithmetic; true counts as 1. Each is the policy's failure, shown with its type.
  for (const [answer, text] of [
    ['string', '"0" (a string)'],
    ['boolean', 'true (a boolean)'],
    ['bigint', '0n (a bigint)'],
    ['symbol', 'Symbol(pick) (a symbol)'],
    ['range', '4'],
  ]) {
    it(`${answer}: picked ${text}`, async () => {
      const failures = await failuresOf(`${BAD}:answer=${answer}`);
      expect(failures).toHaveLength(2);
      for (const f of failures) {
        expect(f.kind).toBe('policy');
        expect(f.error).toMatch(/^task id \d+ \(arrival #\d+, class 'default', arrived at [\d.]+ s\): /);
        expect(f.error).toContain(
          `policy 'bad-answers' picked ${text}, which is not an agent index (0..3), HOLD or REJECT`,
        );
      }
    });
  }
});

describe('a user policy whose release() returns what it does not hold', () => {
  const contract =
    'which is neither the id of a task the policy holds (route() answered HOLD for it, release() has not returned it yet) nor -1 (none)';
  for (const [answer, returned] of [
    ['release-unknown', /12345/],
    ['release-nan', /NaN/],
    ['release-never', /\d+/],
    ['release-twice', /\d+/],
    ['release-minus-two', /-2/],
  ] as const) {
    it(`${answer}: the policy's failure, naming the agent and what it returned`, async () => {
      // At 7 tasks/s on 4 agents most tasks are held, and release() is asked often.
      const failures = await failuresOf(`${BAD}:answer=${answer}`, ['workload.arrivals.rate=7']);
      expect(failures).toHaveLength(2);
      for (const f of failures) {
        expect(f.kind).toBe('policy');
        const m = /^policy 'bad-answers': release\(agent [0-3]\) returned (\S+), (.*)$/.exec(f.error);
        expect(m, f.error).not.toBeNull();
        expect(m![1]).toMatch(returned);
        expect(m![2]).toBe(contract);
      }
    });
  }

  it('a policy that releases what it holds is unaffected, also past the table growing (thousands held)', async () => {
    // 8 tasks/s on 4 agents of rate 1: about 4 more held each second, over 5,000 by the stop.
    const c = await runComparison(
      smallScenario(['replications=2', 'workload.arrivals.rate=8']),
      [`${BAD}:answer=none`, 'shared-queue'],
      executeInProcess,
    );
    expect(c.failures).toEqual([]);
    expect(c.runs).toHaveLength(2);
    // The same late binding in the same order (FIFO; the agent may differ): the same task counts.
    const [mine, shared] = c.runs;
    expect(mine!.metrics.completed.value).toBe(shared!.metrics.completed.value);
  });
});

describe('guardPolicy(definition)', () => {
  it("names an instance whose name is not a string by its definition's (a symbol would throw in a message)", () => {
    const def = {
      name: 'odd-name',
      summary: '',
      params: z.looseObject({}),
      create: () => ({ name: Symbol('n'), route: () => 0 }) as unknown as RoutingPolicy,
    };
    expect(guardPolicy(def).create({}, {} as PolicyContext).name).toBe('odd-name');
  });

  it('refuses an optional method that is neither a function nor left out, naming it', () => {
    const def = {
      name: 'nullobs',
      summary: '',
      params: z.looseObject({}),
      create: () => ({ name: 'nullobs', route: () => 0, observe: null }) as unknown as RoutingPolicy,
    };
    expect(() => guardPolicy(def).create({}, {} as PolicyContext)).toThrow(
      "policy 'nullobs': observe must be a function or left out, got null",
    );
  });
});

describe('a run that cannot reach its stop', () => {
  it('a run that stops by time is not cut off, however many tasks it turns away', async () => {
    // 3 tasks/s for 3,400,000 s: 10.2 million arrivals, every one rejected, and the stop comes.
    const s = smallScenario(['replications=1', 'stop={ time: 3400000 }', 'warmup={ time: 100 }']);
    const c = await runComparison(s, [REJECTS], executeInProcess);
    expect(c.failures).toEqual([]);
    expect(c.runs[0]!.metrics.rejected.value).toBeGreaterThan(10_000_000);
  });

  it('ends after 10,000,000 arrivals with none completed, saying why', async () => {
    const c = await runComparison(smallScenario(['replications=1']), [REJECTS], executeInProcess);
    expect(c.failures).toHaveLength(1);
    expect(c.failures[0]!.kind).toBe('input');
    expect(c.failures[0]!.error).toMatch(
      /^10,000,000 tasks arrived by [\d.]+ s and none completed: every task was rejected \(queue capacities, rules, or the policy\) or is still held/,
    );
  });
});
