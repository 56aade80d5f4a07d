import { describe, expect, it } from 'vitest';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { entryParams, parsePolicyList, routingFor } from '../../src/runner/policy-spec.js';
import { samePolicy } from '../../src/runner/user-policy.js';
import { smallScenario } from './small-scenario.js';

describe('parsePolicyList(text)', () => {
  it('reads names, parameters and module paths, and expands all', () => {
    expect(parsePolicyList('jsq, power-of-d:d=3 ,./mine.ts')).toEqual(['jsq', 'power-of-d:d=3', './mine.ts']);
    expect(parsePolicyList('all')).toEqual([...routingPolicyNames]);
    // The same policy with other parameters is another entry.
    expect(parsePolicyList('power-of-d:d=2,power-of-d:d=3')).toHaveLength(2);
  });

  it('refuses empty entries, entries listed twice and unknown names, naming --policies', () => {
    expect(() => parsePolicyList(' , ')).toThrow(
      '--policies: expected a comma-separated list of policies, or all',
    );
    expect(() => parsePolicyList('jsq,,random')).toThrow("--policies: empty entry in 'jsq,,random'");
    expect(() => parsePolicyList('jsq,')).toThrow('--policies: empty entry');
    expect(() => parsePolicyList('jsq,jsq')).toThrow("--policies: 'jsq' is listed twice");
    expect(() => parsePolicyList('all,jsq')).toThrow("--policies: 'jsq' is listed twice");
    expect(() => parsePolicyList('jsq,jsqq')).toThrow(
      "--policies: unknown policy 'jsqq'; did you mean 'jsq'?",
    );
    expect(() => parsePolicyList('nothing-like-it')).toThrow(
      /^--policies: unknown policy 'nothing-like-it'\. Known policies: /,
    );
  });
});

describe('entryParams(entry)', () => {
  it('names the parameters an entry sets, skipping pairs that are not param=value', () => {
    expect(entryParams('power-of-d')).toEqual([]);
    expect(entryParams('power-of-d:d=3:mode=weighted')).toEqual(['d', 'mode']);
    expect(entryParams('./mine.ts:alpha=0.5')).toEqual(['alpha']);
    expect(entryParams('power-of-d:d:=3')).toEqual([]);
  });
});

describe('routingFor(scenario, entry)', () => {
  it("keeps the scenario's own parameters for its policy module however the path is spelled", () => {
    const s = smallScenario();
    const withModule = { ...s, routing: { policy: 'test/fixtures/policies/throws.ts', k: 7 } };
    for (const entry of ['test/fixtures/policies/throws.ts', './test/fixtures/policies/throws.ts'])
      expect(routingFor(withModule, entry)).toEqual({ policy: entry, k: 7 });
    expect(routingFor(withModule, 'jsq')).toEqual({ policy: 'jsq' });
  });
});

describe('samePolicy(a, b)', () => {
  it('is one registered name, or two paths to one file', () => {
    expect(samePolicy('jsq', 'jsq')).toBe(true);
    expect(samePolicy('jsq', 'random')).toBe(false);
    expect(samePolicy('p.ts', './p.ts')).toBe(true);
    expect(samePolicy('a/../p.ts', 'p.ts')).toBe(true);
    expect(samePolicy('p.ts', 'q.ts')).toBe(false);
  });
});
