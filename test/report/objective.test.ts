import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_OBJECTIVE, readObjective } from '../../src/report/objective.js';

const KNOWN = ['responseTime.p99', 'responseTime.mean', 'cost'];

describe('readObjective(scenarioSpec, where, known)', () => {
  it('is the lowest p99 response time when the scenario has no objective', () => {
    expect(readObjective({ name: 'x' }, 's.yaml', KNOWN)).toEqual(DEFAULT_OBJECTIVE);
    expect(DEFAULT_OBJECTIVE).toEqual({ metric: 'responseTime.p99', subjectTo: {} });
  });

  it('reads cost subject to a p99 target', () => {
    const spec = { objective: { metric: 'cost', subjectTo: { 'responseTime.p99': 5 } } };
    expect(readObjective(spec, 's.yaml', KNOWN)).toEqual({
      metric: 'cost',
      subjectTo: { 'responseTime.p99': 5 },
    });
  });

  it('rejects an unknown metric or a malformed bound, naming the source', () => {
    expect(() => readObjective({ objective: { metric: 'speed' } }, 's.yaml', KNOWN)).toThrow(
      "s.yaml: scenario objective: unknown metric 'speed'; expected one of responseTime.p99, responseTime.mean, cost",
    );
    expect(() =>
      readObjective(
        { objective: { metric: 'cost', subjectTo: { 'responseTime.p99': 'fast' } } },
        's.yaml',
        KNOWN,
      ),
    ).toThrow('s.yaml: scenario objective: subjectTo.responseTime.p99: expected an upper bound (a number)');
    expect(() => readObjective({ objective: { metric: 'cost', goal: 'max' } }, 's.yaml', KNOWN)).toThrow(
      InputError,
    );
  });
});
