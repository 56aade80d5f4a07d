// JSON text in chunks, for results too big for one string. `JSON.stringify(result, null, 2)` of a
// sweep of 20,000 runs (~800 MB of JSON) is longer than V8's longest string (~512 MB) and throws
// `RangeError: Invalid string length` after all the runs are done. jsonChunks writes the
// same bytes as pieces: it walks the big arrays and plain objects itself, writing their brackets,
// commas, keys and indentation exactly as JSON.stringify does, and hands every small value to
// JSON.stringify whole (fast, native), indented to where it sits. No chunk holds more than about
// one small value, so memory stays bounded whatever the size of the result.

/**
 * Where to split: a value is written by one JSON.stringify call when its text is estimated to be
 * shorter than `subtree` characters, else walked here; chunks shorter than `flush` are gathered
 * into one of at least that length. The defaults suit results; tests pass 0 to walk every
 * container and get every piece as its own chunk.
 */
export interface ChunkLimits {
  readonly subtree?: number;
  readonly flush?: number;
}

// Why a size estimate and not a fixed depth: what makes a result big sits at different depths
// (compare: runs[i]; sweep: points[i].runs[j]; each run's replicationResults below that), so one
// depth would hand too much to one JSON.stringify call for one command and walk too finely in
// JavaScript for another; it is the size of a value that bounds a chunk. The estimate stops
// counting at `subtree`, so judging a big value costs at most that much, and a small one is
// walked once more than JSON.stringify walks it.
// With 64 KiB, a sweep's point (one policy's run, ~60-80 KB, most of it its replications) is
// walked down to its replications, each one native call and one write of tens of kilobytes.
const SUBTREE = 64 * 1024;
const FLUSH = 16 * 1024;

/** What JSON.stringify leaves out of an object and writes as `null` in an array. */
const isSkipped = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol';

const hasToJSON = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/** `v.toJSON(key)` when it has one, as JSON.stringify calls it (objects and bigints), else `v`. */
function resolve(v: unknown, key: string): unknown {
  if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
    const toJSON = (v as unknown as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(v, key);
  }
  return v;
}

/**
 * An array, or an object JSON.stringify writes as its own keys and that is surely nothing else
 * (Object.prototype or no prototype). Anything else (Date, Map, a boxed number, a class
 * instance) is left to JSON.stringify whole, which is always right.
 */
function isContainer(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The indentation JSON.stringify makes of its `space` argument. */
function gapOf(indent: number | string): string {
  if (typeof indent === 'string') return indent.slice(0, 10);
  const n = Math.min(10, Math.trunc(Number.isNaN(indent) ? 0 : indent));
  return n >= 1 ? ' '.repeat(n) : '';
}

/** A container being counted by fits: its keys (none for an array), and the next to count. */
interface Counting {
  readonly value: object;
  readonly keys: readonly string[] | undefined;
  readonly length: number;
  readonly depth: number;
  next: number;
}

/** About how many characters JSON gives a number: a fraction or a big integer has many digits. */
const numberLength = (v: number): number => (Number.isInteger(v) && Math.abs(v) < 1e6 ? 6 : 20);

/**
 * Whether `value`'s JSON text, indented by `gap` and starting `indentNow` characters in, is
 * likely shorter than `budget` characters. A rough count (a value with toJSON as 32 characters),
 * depth first, that gives up as soon as the budget is spent: a huge value costs no more than a
 * small one, and what lies past the budget is not even read.
 */
function fits(value: unknown, gap: string, indentNow: number, budget: number): boolean {
  let left = budget;
  const stack: Counting[] = [];
  const count = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') left -= v.length + 2;
    else if (typeof v === 'number') left -= numberLength(v);
    else if (typeof v !== 'object' || v === null) left -= 5;
    else if (hasToJSON(v)) left -= 32;
    else {
      const keys = Array.isArray(v) ? undefined : Object.keys(v);
      const length = keys === undefined ? (v as unknown[]).length : keys.length;
      // Brackets; per entry a comma, a newline and the indentation; per key its quotes and `: `.
      const line = gap === '' ? 1 : 2 + indentNow + (depth + 1) * gap.length;
      left -= 2 + length * (keys === undefined ? line : line + 4);
      if (length > 0) stack.push({ value: v, keys, length, depth, next: 0 });
    }
    return left >= 0;
  };
  if (!count(value, 0)) return false;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.length) {
      stack.pop();
      continue;
    }
    const i = top.next++;
    let child: unknown;
    if (top.keys === undefined) child = (top.value as unknown[])[i];
    else {
      const key = top.keys[i]!;
      left -= key.length;
      child = (top.value as Record<string, unknown>)[key];
    }
    if (!count(child, top.depth + 1)) return false;
  }
  return true;
}

/**
 * JSON.stringify of a value whose toJSON (if any) was already called. When the result has a
 * toJSON of its own, JSON.stringify would call it again: a replacer hands the value in at the top
 * instead, past that call (slow, but only for this odd case).
 */
function stringifyResolved(v: unknown, gap: string): string {
  if (!hasToJSON(v)) return JSON.stringify(v, null, gap);
  let top = true;
  return JSON.stringify(
    null,
    (_key: string, x: unknown) => {
      if (!top) return x;
      top = false;
      return v;
    },
    gap,
  );
}

/**
 * The text of `JSON.stringify(value, null, indent)` as chunks, in order: joined, they are the
 * same bytes. A value JSON.stringify makes undefined of (undefined, a function, a symbol) gives no
 * chunk. Throws as JSON.stringify does (a cycle, a bigint).
 */
export function* jsonChunks(
  value: unknown,
  indent: number | string = 2,
  limits: ChunkLimits = {},
): Generator<string> {
  const flush = limits.flush ?? FLUSH;
  let pending = '';
  for (const piece of jsonPieces(value, gapOf(indent), limits.subtree ?? SUBTREE)) {
    if (piece.length >= flush) {
      if (pending !== '') yield pending;
      pending = '';
      if (piece !== '') yield piece;
    } else {
      pending += piece;
      if (pending.length >= flush) {
        yield pending;
        pending = '';
      }
    }
  }
  if (pending !== '') yield pending;
}

/** The pieces of the text, small and large, before they are gathered into chunks. */
function* jsonPieces(root: unknown, gap: string, subtree: number): Generator<string> {
  // The containers being walked, as JSON.stringify keeps them, to refuse a cycle.
  const open = new Set<object>();

  function* write(v: unknown, indentNow: string): Generator<string> {
    if (!isContainer(v) || fits(v, gap, indentNow.length, subtree)) {
      const text = stringifyResolved(v, gap);
      // Strings hold no raw newline (JSON escapes it), so every newline starts a line to indent.
      yield indentNow === '' ? text : text.replaceAll('\n', `\n${indentNow}`);
      return;
    }
    if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
    open.add(v);
    const inner = indentNow + gap;
    if (Array.isArray(v)) {
      const length = v.length;
      if (length === 0) yield '[]';
      else {
        yield gap === '' ? '[' : `[\n${inner}`;
        for (let i = 0; i < length; i++) {
          if (i > 0) yield gap === '' ? ',' : `,\n${inner}`;
          const element = resolve(v[i], String(i));
          if (isSkipped(element)) yield 'null';
          else yield* write(element, inner);
        }
        yield gap === '' ? ']' : `\n${indentNow}]`;
      }
    } else {
      let empty = true;
      yield '{';
      for (const key of Object.keys(v)) {
        const member = resolve((v as Record<string, unknown>)[key], key);
        if (isSkipped(member)) continue;
        const before = empty ? (gap === '' ? '' : `\n${inner}`) : gap === '' ? ',' : `,\n${inner}`;
        yield `${before}${JSON.stringify(key)}${gap === '' ? ':' : ': '}`;
        empty = false;
        yield* write(member, inner);
      }
      yield empty || gap === '' ? '}' : `\n${indentNow}}`;
    }
    open.delete(v);
  }

  const top = resolve(root, '');
  if (!isSkipped(top)) yield* write(top, '');
}
