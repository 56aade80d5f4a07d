import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytesError, parseJsonBytes } from '../../src/io/parse-json-bytes.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** What parsing `text` gives: the value, or that it failed (and whether as truncated). */
function outcome(parse: () => unknown): { value: unknown } | { failed: true } {
  try {
    return { value: parse() };
  } catch {
    return { failed: true };
  }
}

// Any JSON value, with keys and strings that need escapes (quotes, backslashes, control and
// non-ASCII characters, "__proto__") and numbers of every kind; `tricky` strings are made mostly
// of the bytes a scanner must not take for structure.
const tricky = fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', 'é', '\n');
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
  fc.jsonValue({ maxDepth: 4, stringUnit: tricky }),
);
const indent = fc.constantFrom(undefined, 2, '\t');
// 0 walks every object and array; small budgets mix walked and whole values.
const whole = fc.constantFrom(0, 1, 8, 64, 1024);

describe('parseJsonBytes gives what JSON.parse gives', () => {
  it('for any JSON value, indented or not, however much is parsed whole', () => {
    fc.assert(
      fc.property(json, indent, whole, (value, space, limit) => {
        const text = JSON.stringify(value, null, space);
        expect(parseJsonBytes(bytes(text), limit)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('strings ending in escaped quotes and backslashes, keys named __proto__', () => {
    const text = '{"a\\\\":"\\"","b":["\\\\\\"x\\\\",{"]":"}"}],"__proto__":{"c":[]}, "\\u00e9":"é😀" }';
    for (const limit of [0, 8, 1024]) {
      const parsed = parseJsonBytes(bytes(text), limit) as Record<string, unknown>;
      expect(parsed).toStrictEqual(JSON.parse(text));
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
      expect(Object.keys(parsed)).toEqual(['a\\', 'b', '__proto__', 'é']);
    }
  });

  it('and fails where JSON.parse fails, for text with a byte removed, doubled or replaced', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('remove', 'double', 'replace'),
      by: fc.constantFrom(...'{}[],:" 0e-.tn\\x'),
    });
    fc.assert(
      fc.property(json, indent, whole, edit, (value, space, limit, { at, kind, by }) => {
        const text = JSON.stringify(value, null, space);
        const i = at % text.length;
        const edited =
          kind === 'remove'
            ? text.slice(0, i) + text.slice(i + 1)
            : kind === 'double'
              ? text.slice(0, i + 1) + text.slice(i)
              : text.slice(0, i) + by + text.slice(i + 1);
        // Compared with the text the bytes hold: an edit can split a surrogate pair, which UTF-8
        // cannot hold (it becomes U+FFFD).
        const b = bytes(edited);
        expect(outcome(() => parseJsonBytes(b, limit))).toStrictEqual(
          outcome(() => JSON.parse(b.toString('utf8'))),
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseJsonBytes says why the bytes are not JSON', () => {
  it('text that stops inside an object, an array or a string is truncated', () => {
    const text = JSON.stringify({ points: [{ runs: [1, 2.5, 'a"b'] }, { runs: [] }], n: null });
    for (let cut = 1; cut < text.length; cut++) {
      let error: unknown;
      try {
        parseJsonBytes(bytes(text.slice(0, cut)), 0);
      } catch (err) {
        error = err;
      }
      expect(error, `cut at ${cut}`).toBeInstanceOf(JsonBytesError);
      expect((error as JsonBytesError).truncated, `cut at ${cut}`).toBe(true);
    }
  });

  it('walks at most 100 long containers one inside the other, then says why (not a stack overflow)', () => {
    const nested = (depth: number) => bytes(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(JSON.stringify(parseJsonBytes(nested(100), 0))).toBe('['.repeat(100) + ']'.repeat(100));
    for (const depth of [101, 20_000]) {
      let error: unknown;
      try {
        parseJsonBytes(nested(depth), 0);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(JsonBytesError);
      expect((error as Error).message).toMatch(
        /^objects and arrays nested more than 100 deep around values over 0 bytes \(at byte 100\)/,
      );
    }
    // Short containers are parsed whole, however deep: the bound is on the walk only.
    expect(JSON.stringify(parseJsonBytes(nested(1000)))).toBe('['.repeat(1000) + ']'.repeat(1000));
  });

  it.each([
    ['[1,]', 3],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a":1}x', 7],
    ['[1}', 2],
    ['{"a":1,}', 7],
    ['   ', 3],
  ])('%j: not JSON, at byte %i', (text, at) => {
    let error: unknown;
    try {
      parseJsonBytes(bytes(text), 0);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(JsonBytesError);
    expect((error as JsonBytesError).truncated).toBe(false);
    expect((error as JsonBytesError).offset).toBe(at);
    expect((error as Error).message).toMatch(new RegExp(`\\(at byte ${at}\\)$`));
  });
});
