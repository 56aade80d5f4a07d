// JSON.parse for JSON bytes that may be longer than V8's longest string (~512 MB): a sweep near
// its 20,000-run cap can write that much (571 MB measured; json-chunks.ts writes it), and reading
// it back as one string throws `Cannot create a string longer than ...` before a byte is parsed.
// parseJsonBytes gives the value JSON.parse would give, without ever decoding more than one small
// value's text at a time: it walks the big objects and arrays itself and hands each value shorter
// than `whole` bytes to JSON.parse (native and fast). Cuts fall on the structural ASCII bytes, so
// no UTF-8 sequence is split.

/** Why the bytes are not JSON; `offset` is the byte where it was found. */
export class JsonBytesError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** The bytes end inside a string or with an object or array still open. */
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'JsonBytesError';
  }
}

// A value of up to 8 MB is one JSON.parse call: a sweep's point (hundreds of KB: its runs and their
// replications) and any run fall under it, so a big result is walked here only at its top level
// and its `points` or `runs` array.
const WHOLE = 8 * 1024 * 1024;

// Each container walked scans up to `whole` bytes of its first long child before walking it too:
// a bound on the nesting walked bounds that rescanning (and the stack), whatever the file.
const MAX_WALK_DEPTH = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * The value `JSON.parse` gives for the UTF-8 `bytes`, or a JsonBytesError. Values shorter than
 * `whole` bytes are parsed in one call (tests pass 0 to walk every object and array). Unlike
 * JSON.parse, it refuses containers longer than `whole` nested more than MAX_WALK_DEPTH deep.
 */
export function parseJsonBytes(bytes: Uint8Array, whole = WHOLE): unknown {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buf.length;

  const fail = (message: string, at: number): never => {
    throw new JsonBytesError(`${message} (at byte ${at})`, at, false);
  };
  const truncated = (): never => {
    throw new JsonBytesError(`unexpected end of JSON after ${n} bytes`, n, true);
  };

  /** The first byte at or after `at` that is not a space; the text must go on. */
  const skipSpace = (at: number): number => {
    let i = at;
    while (i < n && isSpace(buf[i]!)) i++;
    return i < n ? i : truncated();
  };

  /** Just past the string whose opening quote is at `at`. */
  const stringEnd = (at: number): number => {
    let i = at + 1;
    while (i < n) {
      const b = buf[i]!;
      if (b === QUOTE) return i + 1;
      i += b === BACKSLASH ? 2 : 1;
    }
    return truncated();
  };

  /** Just past the number, true, false or null at `at` (JSON.parse checks what it is). */
  const scalarEnd = (at: number): number => {
    let i = at;
    while (i < n) {
      const b = buf[i]!;
      if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) break;
      i++;
    }
    return i;
  };

  /**
   * Just past the object or array at `at` if it closes before `limit`, else -1. Counts brackets
   * only: a mismatched one is found by whoever parses the text.
   */
  const containerEnd = (at: number, limit: number): number => {
    let depth = 0;
    let inString = false;
    let i = at;
    while (i < n) {
      if (i >= limit) return -1;
      const b = buf[i]!;
      if (inString) {
        if (b === BACKSLASH) i++;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) return i + 1;
      i++;
    }
    return truncated();
  };

  const parseSlice = (from: number, to: number): unknown => {
    try {
      return JSON.parse(buf.toString('utf8', from, to));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return fail(`${reason}, in the value`, from);
    }
  };

  // Where the last value parsed by parseAt ends (a second return value, without an allocation).
  let end = 0;
  // Containers being walked, one inside the other.
  let walking = 0;

  /**
   * The value at `at` (not a space), in one JSON.parse call unless it is a long container; one in
   * a container must be followed by more text.
   */
  const parseAt = (at: number, inContainer: boolean): unknown => {
    const first = buf[at];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      const close = containerEnd(at, at + whole);
      if (close >= 0) end = close;
      else {
        if (walking === MAX_WALK_DEPTH)
          throw new JsonBytesError(
            `objects and arrays nested more than ${MAX_WALK_DEPTH} deep around values over ${whole} bytes (at byte ${at}); orchlab results nest about 5 deep`,
            at,
            false,
          );
        walking++;
        const value = first === OPEN_BRACE ? parseObject(at) : parseArray(at);
        walking--;
        return value;
      }
    } else {
      end = first === QUOTE ? stringEnd(at) : scalarEnd(at);
      if (inContainer && end === n) truncated();
    }
    return parseSlice(at, end);
  };

  /** Each member or element of the container that opens at `at`, in order; sets `end`. */
  const members = (
    at: number,
    close: number,
    keyed: boolean,
    take: (key: string, value: unknown) => void,
  ) => {
    let i = skipSpace(at + 1);
    if (buf[i] === close) {
      end = i + 1;
      return;
    }
    for (;;) {
      let key = '';
      if (keyed) {
        if (buf[i] !== QUOTE) fail('expected a property name in double quotes', i);
        const keyEnd = stringEnd(i);
        key = parseSlice(i, keyEnd) as string;
        i = skipSpace(keyEnd);
        if (buf[i] !== COLON) fail("expected ':' after a property name", i);
        i = skipSpace(i + 1);
      }
      take(key, parseAt(i, true));
      i = skipSpace(end);
      if (buf[i] === COMMA) i = skipSpace(i + 1);
      else if (buf[i] === close) {
        end = i + 1;
        return;
      } else fail(`expected ',' or '${String.fromCharCode(close)}'`, i);
    }
  };

  const parseObject = (at: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    members(at, CLOSE_BRACE, true, (key, value) => {
      // As JSON.parse: "__proto__" is an own property, not the object's prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    });
    return out;
  };

  const parseArray = (at: number): unknown[] => {
    const out: unknown[] = [];
    members(at, CLOSE_BRACKET, false, (_key, value) => {
      out.push(value);
    });
    return out;
  };

  let start = 0;
  while (start < n && isSpace(buf[start]!)) start++;
  if (start === n) fail('no JSON value', start);
  const value = parseAt(start, false);
  let after = end;
  while (after < n && isSpace(buf[after]!)) after++;
  if (after !== n) fail('unexpected text after the JSON value', after);
  return value;
}
