// jsonChunks (src/io/json-chunks.ts): the chunks, joined, are JSON.stringify's text to the byte,
// and a big value never becomes one big chunk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChunkLimits, jsonChunks } from '../../src/io/json-chunks.js';
import { checkProperty } from '../support/check-property.js';

const FILE = 'test/io/json-chunks.test.ts';

/** What a call gives: its text, or the kind of error it throws (a bigint, a cycle). */
function outcome(f: () => string | undefined): string {
  try {
    return `text ${f() ?? '(undefined)'}`;
  } catch (err) {
    return `throws ${err instanceof Error ? err.constructor.name : typeof err}`;
  }
}

const joined = (v: unknown, indent: number | string, limits?: ChunkLimits) =>
  outcome(() => {
    const chunks = [...jsonChunks(v, indent, limits)];
    return chunks.length === 0 ? undefined : chunks.join('');
  });
const stringified = (v: unknown, indent: number | string) => outcome(() => JSON.stringify(v, null, indent));

/** Limits from none (every container walked, every piece a chunk) to the defaults. */
const limits: fc.Arbitrary<ChunkLimits | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ subtree: 0, flush: 0 }),
  fc.record({ subtree: fc.nat(300), flush: fc.nat(40) }),
);

const indents = fc.constantFrom<number | string>(0, 1, 2);

/** Leaves JSON.stringify leaves out or turns: undefined, functions, symbols, toJSON of every sort. */
const oddLeaves: fc.Arbitrary<unknown>[] = [
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.constant({ toJSON: (key: string) => `key ${key}` }),
  fc.constant({ toJSON: () => undefined }),
  fc.constant({ toJSON: () => ({ toJSON: () => 'called twice', a: [1, {}] }) }),
  fc.constant({ toJSON: () => new Date(0) }),
  fc.constant({ a: 1, toJSON: 'not a function' }),
  fc.constant(Object.assign(Object.create(null) as object, { 'no prototype': [] })),
  fc.constant(new Date(86_400_000)),
  fc.constant(new Date(Number.NaN)),
  fc.constant(-0),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
];

/** Keys in full UTF-16, lone surrogates, quotes, backslashes and control characters included. */
const keys = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\n', '\u2028', '\ud800', '\udc00x', '__proto__', 'toJSON', '0', '10', ''),
);

const anything = fc.anything({
  key: keys,
  values: [
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ unit: 'binary' }),
    fc.constant(null),
    fc.constantFrom([], {}, [[]], [{}], { a: [] }, { a: {} }),
    ...oddLeaves,
  ],
  maxDepth: 5,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withBigInt: true,
});

describe('jsonChunks(value, indent)', () => {
  it('joined, is JSON.stringify(value, null, indent) for every JSON value (indents 0, 1, 2)', () => {
    checkProperty(
      FILE,
      fc.property(fc.jsonValue(), indents, limits, (v, indent, lim) => {
        expect(joined(v, indent, lim)).toBe(stringified(v, indent));
      }),
      300,
    );
  });

  it('is JSON.stringify for anything: undefined, functions and symbols inside, toJSON, odd keys, errors', () => {
    checkProperty(
      FILE,
      fc.property(anything, indents, limits, (v, indent, lim) => {
        expect(joined(v, indent, lim)).toBe(stringified(v, indent));
      }),
      500,
    );
  });

  it('writes nested empties, skipped members and toJSON keys as JSON.stringify does', () => {
    const value = {
      empty: [[], {}, [[]], [{}], { a: {} }],
      skipped: { u: undefined, f: () => 1, s: Symbol('s') },
      elements: [undefined, () => 1, Symbol('s'), 1],
      keyed: { here: { toJSON: (k: string) => k }, list: [{ toJSON: (k: string) => k }] },
      '\u00e9\ud83d\ude00 "quoted" \\ \n': 1,
    };
    for (const indent of [0, 1, 2, 4, '\t'])
      for (const lim of [undefined, { subtree: 0, flush: 0 }])
        expect(joined(value, indent, lim)).toBe(stringified(value, indent));
    expect(joined({ toJSON: (k: string) => `top ${JSON.stringify(k)}` }, 2)).toBe('text "top \\"\\""');
  });

  it('gives no chunk for what JSON.stringify makes undefined, and refuses a cycle as it does', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1)]).toEqual([]);
    const cycle: { self?: unknown; pad: number[] } = { pad: Array.from({ length: 100_000 }, (_, i) => i) };
    cycle.self = { inner: [cycle] };
    expect(() => [...jsonChunks(cycle)]).toThrow(TypeError);
    expect(() => [...jsonChunks(cycle, 2, { subtree: 0 })]).toThrow(TypeError);
  });
});

/** A run's worth of JSON (~40 KB indented), like one entry of a sweep's `runs`. */
function fakeRun(seed: number) {
  return {
    policy: 'jsq',
    seed,
    metrics: { responseTime: { mean: seed / 7, p99: seed / 3 }, utilization: 0.8 },
    series: Array.from({ length: 400 }, (_, t) => ({ t, queue: (seed * t) % 11, wait: (seed * t) / 9973 })),
  };
}

describe('jsonChunks of a big result', () => {
  it('never makes one chunk larger than one run’s text, however many runs there are', () => {
    const runs = Array.from({ length: 120 }, (_, i) => fakeRun(i + 1));
    const result = {
      format: 'orchlab.sweep/1',
      points: [
        { at: { seed: 1 }, runs },
        { at: { seed: 2 }, runs },
      ],
    };
    const chunks = [...jsonChunks(result, 2)];
    const whole = JSON.stringify(result, null, 2);
    // Compared as a boolean: a failing diff of megabytes would take minutes to print.
    expect(chunks.join('') === whole).toBe(true);
    // A run sits at points[i].runs[j]: four levels in, indented by 8 spaces.
    const runText = (run: object) => JSON.stringify(run, null, 2).replaceAll('\n', `\n${' '.repeat(8)}`);
    const largestRun = Math.max(...runs.map(runText).map((t) => t.length));
    expect(largestRun).toBeGreaterThan(30_000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(largestRun);
    expect(chunks.length).toBeGreaterThanOrEqual(2 * runs.length);
    expect(whole.length).toBeGreaterThan(100 * largestRun);
  });

  it('splits a long flat array too: chunks of a few kilobytes, not one per number', () => {
    const big = { samples: Array.from({ length: 300_000 }, (_, i) => i / 7) };
    const chunks = [...jsonChunks(big, 2)];
    expect(chunks.join('') === JSON.stringify(big, null, 2)).toBe(true);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
    expect(chunks.length).toBeGreaterThan(50);
    expect(chunks.length).toBeLessThan(2000);
  });

  it('hands out its first chunks before it reads the last element', () => {
    const runs: unknown[] = Array.from({ length: 50 }, (_, i) => fakeRun(i));
    Object.defineProperty(runs, 49, {
      enumerable: true,
      get() {
        throw new Error('read the last run');
      },
    });
    const seen: string[] = [];
    expect(() => {
      for (const chunk of jsonChunks({ runs })) seen.push(chunk);
    }).toThrow('read the last run');
    expect(seen.join('').length).toBeGreaterThan(40 * 30_000);
  });
});
