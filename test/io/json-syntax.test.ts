import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charText, jsonSyntaxError, lineColumn } from '../../src/io/json-syntax.js';
import { checkProperty } from '../support/check-property.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** `reason @line:column`, or 'JSON' when the text is JSON. */
function fault(text: string): string {
  const f = jsonSyntaxError(bytes(text));
  return f === undefined ? 'JSON' : `${f.reason} @${f.line}:${f.column}`;
}

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// JSON texts with up to three characters inserted or replaced, among those that break JSON.
const edits = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom(
      '',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      ' ',
      'a',
      '1',
      '-',
      '.',
      'e',
      'u',
      '\n',
      '\u0001',
      'é',
    ),
    fc.boolean(),
  ),
  { maxLength: 3 },
);
const nearlyJson = fc.tuple(fc.json({ maxDepth: 3 }), edits).map(([text, changes]) => {
  let s = text;
  for (const [at, c, replace] of changes) {
    const k = at % (s.length + 1);
    s = s.slice(0, k) + c + s.slice(replace ? k + 1 : k);
  }
  return s;
});

describe('jsonSyntaxError(bytes)', () => {
  it('finds a fault exactly when JSON.parse refuses the text', () => {
    checkProperty(
      'test/io/json-syntax.test.ts',
      fc.property(nearlyJson, (text) => {
        expect(jsonSyntaxError(bytes(text)) === undefined).toBe(parses(text));
      }),
      3000,
    );
  });

  it('says what it found where, on one line', () => {
    expect(fault('hello world\n')).toBe("found 'hello' where a value should be @1:1");
    expect(fault('{\n  "a": 1\n}\ngarbage\n')).toBe("found 'garbage' after the end of the JSON value @4:1");
    expect(fault('{"a": tru}')).toBe("found 'tru' where a value should be @1:7");
    expect(fault('{"a" 1}')).toBe("expected ':' after a property name, found '1' @1:6");
    expect(fault('{"a": 1,}')).toBe("expected a property name in double quotes, found '}' @1:9");
    expect(fault('{"a": 1 "b": 2}')).toBe("expected ',' or '}' after a property's value, found '\"' @1:9");
    expect(fault('[1 2]')).toBe("expected ',' or ']' after an array item, found '2' @1:4");
    expect(fault('[,]')).toBe("found ',' where a value should be @1:2");
    expect(fault('{"a": 01}')).toBe("a malformed number '01' @1:7");
    expect(fault('{"a": 1.}')).toBe("a malformed number '1.' @1:7");
    expect(fault('{"a": "x\ny"}')).toBe('a line break (written \\n in JSON), U+000A, inside a string @1:9');
    expect(fault('{"a": "\\q"}')).toBe("a bad escape '\\q' inside a string @1:8");
    expect(fault('"\\u12g4"')).toBe("a bad escape '\\u12g' inside a string @1:2");
    expect(fault('"\\é"')).toBe("a backslash before 'é' (U+00E9) inside a string @1:2");
    expect(fault('\uFEFF{}')).toBe('found U+FEFF where a value should be @1:1');
    expect(fault('  [1, {"é": [true, false, null, "x\\u00e9"]}] \n')).toBe('JSON');
  });

  it('counts columns in characters, not bytes, and lines from 1', () => {
    expect(fault('{"éé": 1 x}')).toBe("expected ',' or '}' after a property's value, found 'x' @1:10");
    expect(lineColumn(bytes('ab\ncdé\nf'), 8)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(bytes('ab\ncdé\nf'), 7)).toEqual({ line: 2, column: 4 });
  });
});

describe('charText(bytes, at)', () => {
  it('quotes a visible character, adds the code point beyond ASCII, gives only it for an invisible one', () => {
    expect(charText(bytes('x'), 0)).toBe("'x'");
    expect(charText(bytes('é'), 0)).toBe("'é' (U+00E9)");
    expect(charText(bytes('😀'), 0)).toBe("'😀' (U+1F600)");
    expect(charText(bytes('\uFEFF'), 0)).toBe('U+FEFF');
    expect(charText(bytes('\t'), 0)).toBe('U+0009');
  });
});
