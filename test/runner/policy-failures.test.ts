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

beforeAll(() => preloadPolicies([OUTSIDE, REJECTS]));

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

describe('guardPolicy(definition)', () => {
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
