// Errors a user can fix. The CLI prints `message` alone (no stack) and exits with `exitCode`.

/** Bad input from a user: a scenario, a flag, a trace or a result file. Exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * An output that could not be written for a reason that is not in the input: a full disk, a
 * quota, a file too large. The input was fine, so not exit code 2: 1, as for standard output.
 */
export class OutputError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** A policy broke its contract (threw, or picked an agent it may not use). */
export class PolicyError extends Error {
  readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** The `code` of a system error (`ENOENT`, `EPIPE`), or undefined for any other thrown value. */
export function errorCode(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file could not be read, in words (for messages like `x.yaml: cannot read (no such file)`). */
export function readFailure(err: unknown): string {
  const code = errorCode(err);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/**
 * A thrown value as text, for a message; never throws. What String() gives ("Error: boom",
 * "Symbol(x)", "undefined"), else, for a value String() cannot convert (an object without a
 * prototype, a toString() that throws), its message if it has one, else its tag ("[object Object]").
 */
export function thrownText(err: unknown): string {
  try {
    return String(err);
  } catch {
    // Reading `message` may run a getter that throws too.
    try {
      const message: unknown = (err as { message?: unknown }).message;
      if (typeof message === 'string') return message;
    } catch {}
    const kind = typeof err === 'function' ? 'a function' : 'an object';
    return `${kind} that cannot be turned into text (${valueTag(err)})`;
  }
}

/** Object.prototype.toString's tag, or the type's name if even that throws (a revoked proxy). */
function valueTag(v: unknown): string {
  try {
    return Object.prototype.toString.call(v);
  } catch {
    return typeof v;
  }
}

/**
 * A value a policy returned where a number was due, for a message: a number as it is, anything else
 * with its type ("'2' (a string)", "0n (a bigint)"); never throws and runs none of the value's code.
 */
export function returnedText(v: unknown): string {
  switch (typeof v) {
    case 'number':
    case 'undefined':
      return String(v);
    case 'string':
      return `${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)} (a string)`;
    case 'bigint':
      return `${v}n (a bigint)`;
    case 'boolean':
      return `${v} (a boolean)`;
    case 'symbol':
      return `${String(v)} (a symbol)`;
    case 'function':
      return 'a function';
    default:
      return v === null ? 'null' : 'an object';
  }
}
