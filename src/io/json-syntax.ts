// Where JSON text stops being JSON, and why, in words a person can act on: JSON.parse says
// `Unexpected token 'h', "hello world⏎" is not valid JSON` (quoting the text, line breaks and all,
// with no position) or `... at position 615033`. jsonSyntaxError walks UTF-8 bytes with the
// grammar JSON.parse uses (RFC 8259) and gives the first fault's line and column. Used only once
// parsing has failed: a plain loop over the bytes, with its own stack, so any nesting is fine.

export interface JsonSyntaxError {
  /** Why, e.g. `found 'hello' where a value should be`. */
  readonly reason: string;
  /** Byte offset of the fault. */
  readonly offset: number;
  /** 1-based line and column (in characters) of the fault. */
  readonly line: number;
  readonly column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isWordByte = (b: number) =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || isDigit(b) || b === 0x5f;
const isHex = (b: number) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
/** A byte that continues a UTF-8 sequence (10xxxxxx): not the start of a character. */
const isContinuation = (b: number) => (b & 0xc0) === 0x80;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LITERALS = new Set(['true', 'false', 'null']);

/** 1-based line and column (counting characters, not bytes) of byte `offset`. */
export function lineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let line = 1;
  let lineStart = 0;
  for (let i = buf.indexOf(NEWLINE); i >= 0 && i < offset; i = buf.indexOf(NEWLINE, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if (!isContinuation(bytes[i]!)) column++;
  return { line, column };
}

/** The character at byte `at`, for a message: `'x'`, `'é' (U+00E9)`, or `U+FEFF` when invisible. */
export function charText(bytes: Uint8Array, at: number): string {
  let end = at + 1;
  while (end < bytes.length && end < at + 4 && isContinuation(bytes[end]!)) end++;
  const ch = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', at, end);
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp > 0x20 && cp < 0x7f) return `'${ch}'`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) && cp !== 0xfffd ? `'${ch}' (${code})` : code;
}

/**
 * The first place where `bytes` (UTF-8) break the JSON grammar, or undefined when they are JSON.
 * Text that ends early is a fault at its end (`the text ends ...`).
 */
export function jsonSyntaxError(bytes: Uint8Array): JsonSyntaxError | undefined {
  const n = bytes.length;
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);
  const fault = (reason: string, offset: number): JsonSyntaxError => ({
    reason,
    offset,
    ...lineColumn(bytes, offset),
  });
  /** What is at `at`: a word (`'hello'`), one character, or the end. */
  const found = (at: number) => {
    if (at >= n) return 'the end of the text';
    if (!isWordByte(bytes[at]!)) return charText(bytes, at);
    let k = at;
    while (k < n && k < at + 20 && isWordByte(bytes[k]!)) k++;
    return `'${ascii(at, k)}${k < n && isWordByte(bytes[k]!) ? '…' : ''}'`;
  };

  // What the walk expects next: a value, or what may follow a member or an item.
  type Want = 'value' | 'key' | 'first-key' | 'colon' | 'after-member' | 'after-item' | 'first-item';
  const stack: ('object' | 'array')[] = [];
  let want: Want = 'value';
  let i = 0;

  /** Just past the string opening at `at`, or a fault inside it. */
  const string = (at: number): number | JsonSyntaxError => {
    let k = at + 1;
    while (k < n) {
      const b = bytes[k]!;
      if (b === QUOTE) return k + 1;
      if (b < 0x20) {
        const what =
          b === NEWLINE || b === 0x0d
            ? 'a line break (written \\n in JSON)'
            : b === 0x09
              ? 'a tab (written \\t in JSON)'
              : 'a control character';
        return fault(`${what}, ${charText(bytes, k)}, inside a string`, k);
      }
      if (b === BACKSLASH) {
        const e = bytes[k + 1];
        if (e === undefined) break;
        if (e === 0x75) {
          for (let h = k + 2; h < k + 6; h++)
            if (h >= n || !isHex(bytes[h]!))
              return fault(`a bad escape '\\u${ascii(k + 2, Math.min(h + 1, n))}' inside a string`, k);
          k += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(String.fromCharCode(e)))
          return fault(
            e > 0x20 && e < 0x7f
              ? `a bad escape '\\${String.fromCharCode(e)}' inside a string`
              : `a backslash before ${charText(bytes, k + 1)} inside a string`,
            k,
          );
        k += 2;
        continue;
      }
      k++;
    }
    return fault('the text ends inside a string', n);
  };

  /** Just past the scalar (number or literal) at `at`, or a fault. */
  const scalar = (at: number): number | JsonSyntaxError => {
    const b = bytes[at]!;
    if (b === 0x2d || isDigit(b)) {
      let k = at;
      while (k < n && (isDigit(bytes[k]!) || '+-.eE'.includes(String.fromCharCode(bytes[k]!)))) k++;
      const token = ascii(at, k);
      return NUMBER.test(token) ? k : fault(`a malformed number '${token}'`, at);
    }
    if (isWordByte(b)) {
      let k = at;
      while (k < n && k < at + 6 && isWordByte(bytes[k]!)) k++;
      const word = ascii(at, k);
      if (LITERALS.has(word)) return k;
      return fault(`found ${found(at)} where a value should be`, at);
    }
    return fault(`found ${found(at)} where a value should be`, at);
  };

  // Whether the top-level value is complete: only space may follow.
  let done = false;
  /** What the walk wants after a value closes: the container's next member or item, or the end. */
  const afterValue = (): Want => {
    const top = stack[stack.length - 1];
    done = top === undefined;
    return top === 'object' ? 'after-member' : 'after-item';
  };

  for (;;) {
    while (i < n && isSpace(bytes[i]!)) i++;
    if (done) return i < n ? fault(`found ${found(i)} after the end of the JSON value`, i) : undefined;
    if (i >= n) return fault('the text ends before the JSON value is complete', n);
    const b = bytes[i]!;
    switch (want) {
      case 'value':
      case 'first-item': {
        if (want === 'first-item' && b === 0x5d) {
          stack.pop();
          i++;
          want = afterValue();
          break;
        }
        if (b === 0x7b) {
          stack.push('object');
          want = 'first-key';
          i++;
        } else if (b === 0x5b) {
          stack.push('array');
          want = 'first-item';
          i++;
        } else {
          const end = b === QUOTE ? string(i) : scalar(i);
          if (typeof end !== 'number') return end;
          i = end;
          want = afterValue();
        }
        break;
      }
      case 'first-key':
      case 'key': {
        if (want === 'first-key' && b === 0x7d) {
          stack.pop();
          i++;
          want = afterValue();
          break;
        }
        if (b !== QUOTE) return fault(`expected a property name in double quotes, found ${found(i)}`, i);
        const end = string(i);
        if (typeof end !== 'number') return end;
        i = end;
        want = 'colon';
        break;
      }
      case 'colon':
        if (b !== 0x3a) return fault(`expected ':' after a property name, found ${found(i)}`, i);
        i++;
        want = 'value';
        break;
      case 'after-member':
      case 'after-item': {
        const close = want === 'after-member' ? 0x7d : 0x5d;
        if (b === 0x2c) {
          i++;
          want = want === 'after-member' ? 'key' : 'value';
        } else if (b === close) {
          stack.pop();
          i++;
          want = afterValue();
        } else
          return fault(
            want === 'after-member'
              ? `expected ',' or '}' after a property's value, found ${found(i)}`
              : `expected ',' or ']' after an array item, found ${found(i)}`,
            i,
          );
        break;
      }
    }
  }
}
