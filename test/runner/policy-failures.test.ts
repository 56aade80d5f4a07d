// A user policy's failures, wherever in the policy they happen, are the policy's (kind 'policy',
// exit code 3) and read the same with any number of workers; a run that can never reach its stop
// ends with a message instead of running forever.
import { beforeAll, describe, expect, it } from 'vitest';
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

describe('a run that cannot reach its stop', () => {
  it('ends after 10,000,000 arrivals with none completed, saying why', async () => {
    const c = await runComparison(smallScenario(['replications=1']), [REJECTS], executeInProcess);
    expect(c.failures).toHaveLength(1);
    expect(c.failures[0]!.kind).toBe('input');
    expect(c.failures[0]!.error).toMatch(
      /^10,000,000 tasks arrived by [\d.]+ s and none completed: every task was rejected \(queue capacities, rules, or the policy\) or is still held/,
    );
  });
});
