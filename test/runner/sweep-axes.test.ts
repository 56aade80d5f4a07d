import { describe, expect, it } from 'vitest';
import { pointScenario } from '../../src/runner/sweep.js';
import { smallScenario } from './small-scenario.js';
import {
  checkAxesAgainstSets,
  crossProduct,
  parseAxes,
  parseVary,
  rangeValues,
} from '../../src/runner/sweep-axes.js';

describe('rangeValues(from, to, step)', () => {
  it('steps from + i·step, inclusive, rounded to 12 significant digits', () => {
    // (15.2 − 8) / 0.8 = 8.999999999999998 in floating point; the end still counts.
    expect(rangeValues(8, 15.2, 0.8)).toEqual([8, 8.8, 9.6, 10.4, 11.2, 12, 12.8, 13.6, 14.4, 15.2]);
    expect(rangeValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(rangeValues(1, 1, 5)).toEqual([1]);
    expect(rangeValues(1, 2.9, 1)).toEqual([1, 2]);
  });
});

describe('parseVary(text)', () => {
  it('reads path=from:to:step as a range and path=a,b,c as YAML scalars', () => {
    expect(parseVary('workload.arrivals.rate=2:3:0.5')).toEqual({
      path: 'workload.arrivals.rate',
      values: [2, 2.5, 3],
    });
    expect(parseVary('agents.0.count=16,24')).toEqual({ path: 'agents.0.count', values: [16, 24] });
    expect(parseVary('queueing.discipline=fifo,edf')).toEqual({
      path: 'queueing.discipline',
      values: ['fifo', 'edf'],
    });
    expect(parseVary('x=true, 1.5 ,null').values).toEqual([true, 1.5, null]);
  });

  it('rejects malformed axes with the flag in the message', () => {
    expect(() => parseVary('rate')).toThrow(/--vary rate: expected path=/);
    expect(() => parseVary('rate=')).toThrow(/no values/);
    expect(() => parseVary('rate=1:2:0')).toThrow(/step must be a number > 0/);
    expect(() => parseVary('rate=3:2:1')).toThrow(/from <= to/);
    expect(() => parseVary('rate=1:100000:1')).toThrow(/more than 10000 values/);
    expect(() => parseVary('rate=1,,2')).toThrow(/empty value/);
    expect(() => parseAxes(['a=1', 'a=2'])).toThrow(/more than once/);
    expect(() => parseAxes([])).toThrow(/at least one/);
    // --policies sets each point's policy; an axis over it would be silently overwritten.
    expect(() => parseVary('routing.policy=jsq,random')).toThrow(
      '--vary routing.policy=jsq,random: the policy is not an axis; list the policies with --policies',
    );
    expect(parseVary('routing.d=2,3').values).toEqual([2, 3]);
    expect(() => parseVary('rate=8:15')).toThrow(
      '--vary rate=8:15: a range is from:to:step (three numbers), got 2',
    );
    // A list value may hold a colon when it is not all numbers (a YAML string).
    expect(parseVary('name=a:b,c').values).toEqual(['a:b', 'c']);
  });
});

describe('checkAxesAgainstSets and duplicate values', () => {
  it('refuses a value listed twice in one --vary', () => {
    expect(() => parseVary('agents.0.count=8,16,8')).toThrow(
      '--vary agents.0.count=8,16,8: 8 is listed more than once',
    );
    expect(() => parseVary('queueing.discipline=fifo,edf')).not.toThrow();
  });

  it('refuses an axis that --set, --seed or --replications also fixes (the axis would win silently)', () => {
    const rate = [parseVary('workload.arrivals.rate=10,12')];
    expect(() => checkAxesAgainstSets(rate, ['workload.arrivals.rate=5'], {})).toThrow(
      '--vary workload.arrivals.rate: --set workload.arrivals.rate=5 fixes it too; vary it or set it, not both',
    );
    // A --set of the field that holds the axis, or of a field inside it, overlaps too.
    expect(() => checkAxesAgainstSets(rate, ['workload.arrivals={ process: poisson, rate: 5 }'], {})).toThrow(
      'fixes it too',
    );
    expect(() => checkAxesAgainstSets([parseVary('replications=2,5')], [], { replications: '3' })).toThrow(
      '--vary replications: --replications 3 fixes it too',
    );
    expect(() => checkAxesAgainstSets([parseVary('seed=1,2')], [], { seed: '7' })).toThrow(
      '--seed 7 fixes it too',
    );
    // Neighbouring fields do not: workload.arrivals.rate and workload.arrivals.rateScale.
    expect(() =>
      checkAxesAgainstSets(rate, ['workload.arrivals.rateScale=2', 'agents.0.count=4'], {}),
    ).not.toThrow();
  });
});

describe('crossProduct(axes)', () => {
  it('gives every combination, the first axis varying slowest', () => {
    const points = crossProduct([
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(points).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
  });
});

describe('pointScenario(base, values)', () => {
  it('words a point the schema refuses as --set would: the --vary, the field, what was expected and got', () => {
    const base = smallScenario();
    expect(() => pointScenario(base, { 'agents.0.count': 0 })).toThrow(
      '--vary agents.0.count=0: agents.0.count: expected a whole number >= 1 and <= 1000000 (agents in the group), got 0',
    );
    expect(() => pointScenario(base, { 'foo.bar': 1 })).toThrow(
      /^--vary foo\.bar=1: foo: unknown key 'foo'; allowed keys: /,
    );
    expect(pointScenario(base, { 'agents.0.count': 6 }).agents[0]!.count).toBe(6);
  });
});
