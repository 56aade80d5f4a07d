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
