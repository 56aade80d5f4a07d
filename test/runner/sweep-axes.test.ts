import { describe, expect, it } from 'vitest';
import { pointScenario } from '../../src/runner/sweep.js';
import { smallScenario } from './small-scenario.js';
import {
  checkAxesAgainstSets,
  crossProduct,
  decimalOf,
  parseAxes,
  parseVary,
  varyText,
} from '../../src/runner/sweep-axes.js';

const range = (text: string) => parseVary(`x=${text}`).values;

describe('ranges (from:to:step)', () => {
  it('steps from + i·step, inclusive, exactly in decimal', () => {
    // (15.2 − 8) / 0.8 = 8.999999999999998 in floating point; the end still counts.
    expect(range('8:15.2:0.8')).toEqual([8, 8.8, 9.6, 10.4, 11.2, 12, 12.8, 13.6, 14.4, 15.2]);
    expect(range('0.1:0.3:0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(range('1:1:5')).toEqual([1]);
    expect(range('1e-3:3e-3:1e-3')).toEqual([0.001, 0.002, 0.003]);
    expect(range('1e2:3e2:1e2')).toEqual([100, 200, 300]);
  });

  it('passes through exactly 0 when a range crosses it, every value its shortest decimal', () => {
    // -0.3 + 3·0.1 is 5.55e-17 in floating point.
    const values = range('-0.3:0.3:0.1');
    expect(values).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(values.map(String)).toEqual(['-0.3', '-0.2', '-0.1', '0', '0.1', '0.2', '0.3']);
    expect(Object.is(values[3], 0)).toBe(true);
  });

  it('stops at the last value not past `to` when the step does not divide the range', () => {
    expect(range('1:2.9:1')).toEqual([1, 2]);
    expect(range('0:1:0.3')).toEqual([0, 0.3, 0.6, 0.9]);
  });

  it('keeps values 12 significant digits could not tell apart, and refuses those a number cannot', () => {
    // Rounding to 12 significant digits made these ten points one value, run ten times.
    const close = range('8:8.0000000000001:0.00000000000001');
    expect(close).toHaveLength(11);
    expect(new Set(close).size).toBe(11);
    expect(close[1]).toBe(8.00000000000001);
    expect(() => range('8:8.00000000000000001:0.00000000000000001')).toThrow(
      '--vary x=8:8.00000000000000001:0.00000000000000001: the step 0.00000000000000001 is too small next to 8: ' +
        'values that close are the same number once stored (about 16 significant digits are kept); use a larger step',
    );
  });

  it('reads plain decimal notation exactly', () => {
    expect(decimalOf('0.1')).toEqual({ digits: 1n, scale: 1 });
    expect(decimalOf('-2.50')).toEqual({ digits: -250n, scale: 2 });
    expect(decimalOf('.5')).toEqual({ digits: 5n, scale: 1 });
    expect(decimalOf('1.5e2')).toEqual({ digits: 150n, scale: 0 });
    expect(decimalOf('15e-3')).toEqual({ digits: 15n, scale: 3 });
    for (const bad of ['', '.', '-', '0x10', '1e', 'Infinity', '1_000', '1e999999999'])
      expect(decimalOf(bad)).toBeUndefined();
  });

  it('words a malformed range as a range, naming the part and what was expected', () => {
    expect(() => parseVary('rate=:')).toThrow(
      '--vary rate=:: a range is from:to:step (three numbers), got 2 parts, all empty',
    );
    expect(() => parseVary('rate=8::1')).toThrow(
      '--vary rate=8::1: a range is from:to:step (three numbers); to is missing',
    );
    expect(() => parseVary('rate=8:9:')).toThrow('step is missing');
    expect(() => parseVary('rate=8:9:1:2')).toThrow('a range is from:to:step (three numbers), got 4 parts');
    expect(() => parseVary('rate=0x8:9:1')).toThrow(
      "--vary rate=0x8:9:1: from must be a number in decimal notation like 0.5 or 1e-3, got '0x8'",
    );
    expect(() => parseVary('rate=8:9:1,10')).toThrow(
      "--vary rate=8:9:1,10: '8:9:1' in the list looks like a range; give either one range",
    );
    expect(() => parseVary('rate=1:2:-1')).toThrow("the step must be a number > 0, got '-1'");
    expect(() => parseVary('rate=-1:-2:1')).toThrow('expected from <= to in from:to:step, got -1 > -2');
  });
});

describe('ranges with a part that is not a number (any a:b:c is a range)', () => {
  it('names the part and what was found, with how to give the value as text', () => {
    expect(() => parseVary('workload.arrivals.rate=8:9:abc')).toThrow(
      "--vary workload.arrivals.rate=8:9:abc: step must be a number in decimal notation like 0.5 or 1e-3, got 'abc'; " +
        'a value with two colons is read as from:to:step (to give it as text, quote it: --vary \'workload.arrivals.rate="8:9:abc"\')',
    );
    // A mapping with colons is YAML, as before: not a range.
    expect(parseVary('routing.weights=a: {b: c}').values).toEqual([{ a: { b: 'c' } }]);
    expect(() => parseVary('rate=abc:9:1')).toThrow(
      "--vary rate=abc:9:1: from must be a number in decimal notation like 0.5 or 1e-3, got 'abc'; ",
    );
    expect(() => parseVary('rate=8:x:1')).toThrow(
      "to must be a number in decimal notation like 0.5 or 1e-3, got 'x'",
    );
    expect(() => parseVary('rate=8 : 9 : abc')).toThrow('step must be a number in decimal notation');
    expect(() => parseVary('rate=abc::1')).toThrow('from must be a number in decimal notation');
  });

  it('refuses Infinity and numbers past the largest double as parts', () => {
    expect(() => parseVary('rate=Infinity:1:1')).toThrow(
      "--vary rate=Infinity:1:1: from must be a finite number, got 'Infinity' (numbers go up to about 1.8e308)",
    );
    expect(() => parseVary('rate=1:1e400:1')).toThrow(
      "--vary rate=1:1e400:1: to must be a finite number, got '1e400' (numbers go up to about 1.8e308)",
    );
    expect(() => parseVary('rate=-1e400:1:1')).toThrow("from must be a finite number, got '-1e400'");
    expect(() => parseVary('rate=1:2:1e400')).toThrow("step must be a finite number, got '1e400'");
  });

  it('keeps text that is not of that shape, or quoted, bracketed or tagged, as text', () => {
    expect(parseVary('name=a:b').values).toEqual(['a:b']);
    expect(parseVary('name=a:b:c:d').values).toEqual(['a:b:c:d']);
    expect(parseVary('name="a:b:c"').values).toEqual(['a:b:c']);
    expect(parseVary("name='a:b:c'").values).toEqual(['a:b:c']);
    expect(parseVary('name=!!str a:b:c').values).toEqual(['a:b:c']);
    expect(parseVary('x={a: x:y}').values).toEqual([{ a: 'x:y' }]);
    // One value of a list is never a range: text with two colons there stays text.
    expect(parseVary('name=a:b:c,d').values).toEqual(['a:b:c', 'd']);
  });
});

describe('lists split at commas outside brackets and quotes', () => {
  it('reads a bracketed or quoted value with commas as one value', () => {
    expect(parseVary('agents.0.skills=[general,x]').values).toEqual([['general', 'x']]);
    expect(parseVary('agents.0.skills=[general,x],[general]').values).toEqual([
      ['general', 'x'],
      ['general'],
    ]);
    expect(parseVary('x={a: 1, b: [2, 3]},auto').values).toEqual([{ a: 1, b: [2, 3] }, 'auto']);
    expect(parseVary('x=[{a: 1}, {b: "2,3"}],[]').values).toEqual([[{ a: 1 }, { b: '2,3' }], []]);
    expect(parseVary('x="a,b",c').values).toEqual(['a,b', 'c']);
    expect(parseVary("x='it''s, here',y").values).toEqual(["it's, here", 'y']);
    expect(parseVary('x="a\\",b",c').values).toEqual(['a",b', 'c']);
    expect(parseVary('x=[a, "b],c"]').values).toEqual([['a', 'b],c']]);
    // Inside brackets a quote starts a value only where a value starts: [it's,x] is two items.
    expect(parseVary("x=[it's,x]").values).toEqual([["it's", 'x']]);
  });

  it('splits plain values at every comma, their brackets and quotes being text as before', () => {
    expect(parseVary('x=a,b,c').values).toEqual(['a', 'b', 'c']);
    expect(parseVary("x=it's,fine").values).toEqual(["it's", 'fine']);
    expect(parseVary('x=a]b,c[d').values).toEqual(['a]b', 'c[d']);
  });

  it('says where a bracket or a quote is not closed, or closes the wrong one', () => {
    expect(() => parseVary('agents.0.skills=[general,x')).toThrow(
      "--vary agents.0.skills=[general,x: the '[' at character 1 after '=' is not closed by a ']'",
    );
    expect(() => parseVary('x=a,[b,[c]')).toThrow("the '[' at character 3 after '=' is not closed by a ']'");
    expect(() => parseVary('x=[{a: 1}, {b: 2]')).toThrow(
      "--vary x=[{a: 1}, {b: 2]: the ']' at character 15 after '=' does not close the '{' at character 10 (expected '}')",
    );
    expect(() => parseVary('x=a,],b')).toThrow(
      "--vary x=a,],b: the ']' at character 3 after '=' closes no bracket",
    );
    expect(() => parseVary('x=a,"b,c')).toThrow(
      "--vary x=a,\"b,c: the double quote at character 3 after '=' is not closed",
    );
    expect(() => parseVary("x=['b,c]")).toThrow("the single quote at character 2 after '=' is not closed");
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

describe('axes over one field', () => {
  it('refuses an item number with leading zeros, another spelling of the same field', () => {
    expect(() => parseVary('agents.00.count=20,22')).toThrow(
      "--vary agents.00.count=20,22: expected an item number without leading zeros, got '00' (write 0)",
    );
    expect(() => parseVary('agents.01.count=1')).toThrow("got '01' (write 1)");
    expect(() => parseVary('__proto__.x=1')).toThrow("'__proto__' cannot be set");
    expect(parseVary('agents.10.count=1').path).toBe('agents.10.count');
  });

  it('refuses two axes where one path equals or contains the other, in either order', () => {
    expect(() => parseAxes(['agents.0.skills.0=general,x', 'agents.0.skills=[general]'])).toThrow(
      '--vary agents.0.skills.0 and --vary agents.0.skills: one lies inside the other, so one would ' +
        'overwrite the other at every point; vary fields that do not contain each other',
    );
    expect(() => parseAxes(['agents.0=1', 'workload.arrivals.rate=1', 'agents.0.count=2'])).toThrow(
      '--vary agents.0 and --vary agents.0.count: one lies inside the other',
    );
    expect(() => parseAxes(['agents.0.count=16,18', 'agents.0.count=20'])).toThrow(
      '--vary: agents.0.count is given more than once',
    );
    // Neighbours, and a path that merely starts with the same letters, are separate fields.
    expect(
      parseAxes([
        'agents.0.count=1',
        'agents.1.count=2',
        'workload.arrivals.rate=1',
        'workload.arrivals.rateScale=2',
      ]),
    ).toHaveLength(4);
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

describe('varyText(axis): the --vary argument that gives the axis again', () => {
  it('a range when the values are one, which parses back to the same values', () => {
    for (const text of [
      'workload.arrivals.rate=8:15.2:0.8',
      'seed=1:1000:1',
      'x=-0.3:0.3:0.1',
      'x=1e-7:5e-7:1e-7',
    ]) {
      const axis = parseVary(text);
      expect(varyText(axis)).toBe(text);
      expect(parseVary(varyText(axis)).values).toEqual(axis.values);
    }
  });

  it('a list otherwise: two values, uneven steps, strings, a last value off the step', () => {
    expect(varyText({ path: 'a', values: [1, 2] })).toBe('a=1,2');
    expect(varyText({ path: 'a', values: [1, 2, 4] })).toBe('a=1,2,4');
    expect(varyText({ path: 'a', values: [3, 2, 1] })).toBe('a=3,2,1');
    expect(varyText({ path: 'a', values: ['x', 'y', 'z'] })).toBe('a=x,y,z');
    expect(varyText({ path: 'a', values: [0.1, 0.2, 0.30000000000000004] })).toBe(
      'a=0.1,0.2,0.30000000000000004',
    );
    expect(varyText({ path: 'a', values: [1, 2, 3, 5] })).toBe('a=1,2,3,5');
  });

  it('text quoted where, written plain, it would read back as something else', () => {
    expect(varyText({ path: 'name', values: ['a:b:c', 'd'] })).toBe('name="a:b:c",d');
    expect(varyText({ path: 'name', values: ['a,b', '8', 'true', 'x'] })).toBe('name="a,b","8","true",x');
    for (const values of [['a:b:c'], ['a,b', ' c'], ["it's", 'a]b', '[x']])
      expect(parseVary(varyText({ path: 'name', values })).values).toEqual(values);
  });

  it('a list value with commas as JSON, which parses back to the same value', () => {
    const axis = parseVary('agents.0.skills=[general,x],[general]');
    expect(varyText(axis)).toBe('agents.0.skills=["general","x"],["general"]');
    expect(parseVary(varyText(axis)).values).toEqual(axis.values);
  });

  it('a mapping value as JSON (YAML too), which parses back to the same value', () => {
    const axis = parseVary('warmup={time: 10},auto');
    expect(varyText(axis)).toBe('warmup={"time":10},auto');
    expect(parseVary(varyText(axis)).values).toEqual([{ time: 10 }, 'auto']);
  });
});
