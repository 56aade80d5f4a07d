// `--set path=value` overrides: YAML-typed values, nested paths, list indexes and error messages.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { applyOverrides } from '../../src/workload/overrides.js';

const base = () => ({
  name: 'mmc',
  agents: [{ name: 'worker', count: 16, skills: ['general'] }],
  workload: { arrivals: { process: 'poisson', rate: 14.4 } },
  routing: { policy: 'shared-queue' },
});

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('applyOverrides', () => {
  it('sets numbers through list indexes and nested mappings', () => {
    const out = applyOverrides(base(), ['agents.0.count=100', 'workload.arrivals.rate=90']) as ReturnType<
      typeof base
    >;
    expect(out.agents[0]!.count).toBe(100);
    expect(out.workload.arrivals.rate).toBe(90);
  });

  it('parses values as YAML: strings, booleans, lists and flow mappings', () => {
    const out = applyOverrides(base(), [
      'routing.policy=jsq',
      'routing.sticky=true',
      'agents.0.skills=[a, b]',
      'workload.size={dist: constant, value: 1}',
    ]);
    expect(out).toMatchObject({
      routing: { policy: 'jsq', sticky: true },
      agents: [{ skills: ['a', 'b'] }],
      workload: { size: { dist: 'constant', value: 1 } },
    });
  });

  it('creates missing mapping keys along the path', () => {
    const out = applyOverrides(base(), ['routing.d=3', 'queueing.discipline=edf']);
    expect(out).toMatchObject({ routing: { policy: 'shared-queue', d: 3 }, queueing: { discipline: 'edf' } });
  });

  it('applies overrides in order, later ones winning', () => {
    const out = applyOverrides(base(), ['routing.policy=jsq', 'routing.policy=random']);
    expect(out).toMatchObject({ routing: { policy: 'random' } });
  });

  it('leaves its input untouched', () => {
    const input = base();
    applyOverrides(input, ['agents.0.count=1', 'routing.policy=jsq']);
    expect(input).toEqual(base());
  });

  it('rejects an index past the end of a list, saying which items there are', () => {
    const err = errorOf(() => applyOverrides(base(), ['agents.5.count=1']));
    expect(err.message).toBe('--set agents.5.count=1: agents has 1 item (index 0); there is no item 5');
    const skills = (list: string[]) => ({ ...base(), agents: [{ ...base().agents[0]!, skills: list }] });
    expect(errorOf(() => applyOverrides(skills([]), ['agents.0.skills.0=x'])).message).toBe(
      '--set agents.0.skills.0=x: agents.0.skills is an empty list; there is no item 0',
    );
    expect(errorOf(() => applyOverrides(skills(['a', 'b']), ['agents.0.skills.2=x'])).message).toBe(
      '--set agents.0.skills.2=x: agents.0.skills has 2 items (0 and 1); there is no item 2',
    );
    expect(errorOf(() => applyOverrides(skills(['a', 'b', 'c']), ['agents.0.skills.5=x'])).message).toBe(
      '--set agents.0.skills.5=x: agents.0.skills has 3 items (0 to 2); there is no item 5',
    );
    expect(applyOverrides(skills(['a', 'b', 'c']), ['agents.0.skills.2=x'])).toMatchObject({
      agents: [{ skills: ['a', 'b', 'x'] }],
    });
  });

  it('rejects a non-numeric index into a list', () => {
    const err = errorOf(() => applyOverrides(base(), ['agents.first.count=1']));
    expect(err.message).toBe(
      "--set agents.first.count=1: agents is a list; expected an item number, got 'first'",
    );
  });

  it('rejects a path into a value that is not a mapping', () => {
    const err = errorOf(() => applyOverrides(base(), ['name.first=x']));
    expect(err.message).toBe("--set name.first=x: name is a string, so it has no 'first'");
  });

  it('rejects an override without =', () => {
    const err = errorOf(() => applyOverrides(base(), ['foo']));
    expect(err.message).toBe('--set foo: expected path=value');
  });

  it('rejects an empty path segment', () => {
    expect(errorOf(() => applyOverrides(base(), ['agents..count=1'])).message).toMatch(
      /^--set agents\.\.count=1: /,
    );
    expect(errorOf(() => applyOverrides(base(), ['=1'])).message).toMatch(/^--set =1: expected path=value/);
  });

  it('rejects a value that is not valid YAML', () => {
    const err = errorOf(() => applyOverrides(base(), ['agents.0.skills=[a, b']));
    expect(err.message).toMatch(/^--set agents\.0\.skills=\[a, b: the value is not valid YAML: /);
  });

  it('rejects a tag YAML cannot resolve, in one line (no Node warning)', () => {
    expect(errorOf(() => applyOverrides(base(), ["description=!!js/function 'x'"])).message).toBe(
      "--set description=!!js/function 'x': the value is not valid YAML: Unresolved tag: tag:yaml.org,2002:js/function",
    );
  });

  it('refuses an item number with leading zeros: agents.00 would be agents.0 under another spelling', () => {
    expect(errorOf(() => applyOverrides(base(), ['agents.00.count=10'])).message).toBe(
      "--set agents.00.count=10: expected an item number without leading zeros, got '00' (write 0)",
    );
    expect(errorOf(() => applyOverrides(base(), ['agents.0.skills.01=x'])).message).toMatch(
      /got '01' \(write 1\)$/,
    );
    expect(applyOverrides(base(), ['agents.0.count=10'])).toMatchObject({ agents: [{ count: 10 }] });
  });

  it('says the scenario replays a trace when a path goes into the arrivals it does not have', () => {
    const replay = () => ({ ...base(), workload: { trace: { file: 't.jsonl', preset: 'mooncake' } } });
    expect(errorOf(() => applyOverrides(replay(), ['workload.arrivals.rate=8'])).message).toBe(
      '--set workload.arrivals.rate=8: the scenario replays a trace (workload.trace), so it has no ' +
        'workload.arrivals to change; scale the replay with workload.trace.rateScale or workload.trace.targetUtilization',
    );
    expect(errorOf(() => applyOverrides(base(), ['workload.trace.rateScale=2'])).message).toBe(
      '--set workload.trace.rateScale=2: the scenario has synthetic arrivals (workload.arrivals), not a trace, ' +
        'so it has no workload.trace to change',
    );
    // Fields that are there, or a whole value replaced, are set as before.
    expect(applyOverrides(replay(), ['workload.trace.rateScale=2'])).toMatchObject({
      workload: { trace: { rateScale: 2 } },
    });
    expect(applyOverrides(base(), ['workload.arrivals.rate=8'])).toMatchObject({
      workload: { arrivals: { rate: 8 } },
    });
  });

  it('refuses prototype keys', () => {
    const err = errorOf(() => applyOverrides(base(), ['__proto__.polluted=1']));
    expect(err.message).toBe("--set __proto__.polluted=1: '__proto__' cannot be set");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
