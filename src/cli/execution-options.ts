// The options `run`, `compare` and `sweep` share for how their runs execute, and the error their
// crashed runs end with. Registration only: executing them (worker pool, cache, progress) is
// execution.ts, loaded when a command runs.
import type { Command } from 'commander';
import { InputError } from '../errors.js';

export interface ExecutionFlags {
  readonly workers?: string;
  readonly cache?: string;
  readonly quiet?: boolean;
  readonly runTimeout?: string;
}

export function addExecutionOptions(command: Command): Command {
  return command
    .option(
      '--workers <n>',
      'worker threads, up to 4 per core; 1 runs in this thread unless --run-timeout is given (default: the number of cores)',
    )
    .option(
      '--run-timeout <seconds>',
      'stop a run still going after this long and list it as failed (runs go on worker threads)',
    )
    .option(
      '--cache <dir>',
      'reuse runs already computed for the same inputs (one JSON file per run in DIR)',
      cacheDir,
    )
    .option('--quiet', 'no progress or summary on stderr');
}

/** `--cache ""` would fill the current directory with hash-named files: refused before anything runs. */
function cacheDir(dir: string): string {
  if (dir === '') throw new InputError("--cache: expected a directory, got ''");
  return dir;
}

/**
 * Runs that failed, leaving nothing to write, when one crashed (a dead worker thread, a policy
 * that called process.exit, a bug): the CLI prints the message alone, as for InputError and
 * PolicyError, and exits with `exitCode` (1, as a crash). A crash's stack, if it has one, was
 * printed as the run crashed (execution.ts). Here rather than in execution.ts so that main.ts can
 * know it without loading the runner.
 */
export class RunsFailed extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'RunsFailed';
  }
}
