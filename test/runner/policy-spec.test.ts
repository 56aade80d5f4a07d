import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import {
  entryParams,
  fileParams,
  parseEntry,
  parsePolicyList,
  policyEntryLabel,
  routingFor,
} from '../../src/runner/policy-spec.js';
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

describe('parseEntry(entry)', () => {
  it('takes an entry apart, reading each value as YAML', () => {
    expect(parseEntry('power-of-d:d=3:mode=weighted')).toEqual({
      name: 'power-of-d',
      params: [
        ['d', 3],
        ['mode', 'weighted'],
      ],
    });
    expect(parseEntry('jsq')).toEqual({ name: 'jsq', params: [] });
  });

  it('refuses a parameter given twice: only the last would run, under a label naming both', () => {
    expect(() => parseEntry('power-of-d:d=3:d=4')).toThrow(
      "--policies: parameter 'd' is given twice in 'power-of-d:d=3:d=4'; give each parameter once",
    );
    expect(() => parsePolicyList('jsq,power-of-d:d=3:mode=load:d=3')).toThrow(
      "--policies: parameter 'd' is given twice in 'power-of-d:d=3:mode=load:d=3'",
    );
    expect(() => routingFor(smallScenario(), 'power-of-d:d=3:d=4')).toThrow('is given twice');
  });

  it('refuses policy=, prototype keys and a value that is not YAML with an InputError, naming the pair', () => {
    const input = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as Error).message;
      }
      throw new Error('expected an InputError');
    };
    expect(input(() => parseEntry('power-of-d:policy=jsq'))).toBe(
      "--policies: 'policy=jsq' in 'power-of-d:policy=jsq': the policy is the entry's name (power-of-d); list another policy as its own entry",
    );
    expect(input(() => parseEntry('power-of-d:__proto__=1'))).toContain("'__proto__' cannot be a parameter");
    expect(input(() => parseEntry('power-of-d:d=[1'))).toMatch(
      /^--policies: 'd=\[1' in 'power-of-d:d=\[1': the value is not valid YAML: /,
    );
    expect(input(() => parseEntry(':d=3'))).toBe("--policies: empty policy name in ':d=3'");
    expect(input(() => parsePolicyList('power-of-d:d'))).toBe(
      "--policies: 'd' in 'power-of-d:d' is not param=value",
    );
  });
});

describe('fileParams(scenario, entry) and policyEntryLabel(entry, name, fromFile)', () => {
  const pod5 = () => smallScenario(['routing.policy=power-of-d', 'routing.d=5']);

  it("are the file's parameters an entry of the file's policy runs with, less those it sets", () => {
    expect(fileParams(pod5(), 'power-of-d')).toEqual({ d: 5 });
    expect(fileParams(pod5(), 'power-of-d:mode=weighted')).toEqual({ d: 5 });
    expect(fileParams(pod5(), 'power-of-d:d=2')).toEqual({});
    expect(fileParams(pod5(), 'jsq')).toEqual({});
    // routingFor is unchanged: the file's, then the entry's.
    expect(routingFor(pod5(), 'power-of-d:mode=weighted')).toEqual({
      policy: 'power-of-d',
      d: 5,
      mode: 'weighted',
    });
  });

  it('labels with the command-line pairs as given, then the file parameters', () => {
    expect(policyEntryLabel('power-of-d', 'power-of-d')).toBe('power-of-d');
    expect(policyEntryLabel('power-of-d:d=2', 'power-of-d')).toBe('power-of-d(d=2)');
    expect(policyEntryLabel('power-of-d', 'power-of-d', { d: 5 })).toBe('power-of-d(d=5)');
    expect(policyEntryLabel('power-of-d:mode=weighted', 'power-of-d', { d: 5 })).toBe(
      'power-of-d(mode=weighted,d=5)',
    );
    expect(policyEntryLabel('./m.ts', 'mine', { w: [1, 2], on: true, s: 'x' })).toBe(
      'mine(w=[1,2],on=true,s=x)',
    );
  });
});
