import { beforeAll, describe, expect, it } from 'vitest';
import { checkDistinctPolicies } from '../../src/runner/distinct-policies.js';
import { preloadPolicies } from '../../src/runner/resolve-policy.js';
import { runCli } from '../support/run-cli.js';
import { smallScenario } from './small-scenario.js';

const MODULE = 'test/fixtures/policies/marks-thread.ts';

describe('checkDistinctPolicies(scenario, entries)', () => {
  beforeAll(() => preloadPolicies([MODULE, `./${MODULE}`]));

  it('refuses two entries that are one policy once its defaults are filled in (power-of-d has d = 2)', () => {
    expect(() => checkDistinctPolicies(smallScenario(), ['jsq', 'power-of-d', 'power-of-d:d=2'])).toThrow(
      "--policies: 'power-of-d' and 'power-of-d:d=2' are the same policy with the same parameters (defaults filled in)",
    );
  });

  it('refuses one module given by two paths, and accepts different parameters', () => {
    expect(() => checkDistinctPolicies(smallScenario(), [MODULE, `./${MODULE}`])).toThrow(
      'are the same policy',
    );
    expect(() =>
      checkDistinctPolicies(smallScenario(), ['power-of-d', 'power-of-d:d=3', 'jsq']),
    ).not.toThrow();
  });

  it('leaves a malformed entry to be reported where the runs are prepared', () => {
    expect(() => checkDistinctPolicies(smallScenario(), ['power-of-d:d=0', 'jsq'])).not.toThrow();
  });

  it('compare refuses it with exit 2 before any run', async () => {
    const r = await runCli(
      'compare',
      'test/fixtures/scenarios/small-mmc.yaml',
      '--policies',
      'power-of-d,power-of-d:d=2',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'power-of-d' and 'power-of-d:d=2' are the same policy");
    expect(r.stdout).toBe('');
  });
});

describe('checkDistinctPolicies with parameters from the scenario file', () => {
  it('says which entry takes them from the file (power-of-d on a file with d: 5 is power-of-d:d=5)', () => {
    const pod5 = smallScenario(['routing.policy=power-of-d', 'routing.d=5']);
    expect(() => checkDistinctPolicies(pod5, ['power-of-d', 'power-of-d:d=5'])).toThrow(
      "--policies: 'power-of-d' and 'power-of-d:d=5' are the same policy with the same parameters " +
        "(defaults filled in; 'power-of-d' takes d=5 from the scenario file); each entry is one column of results",
    );
    // d=2 is the default, but the file's d: 5 applies to the bare entry: two policies.
    expect(() => checkDistinctPolicies(pod5, ['power-of-d', 'power-of-d:d=2'])).not.toThrow();
  });
});
