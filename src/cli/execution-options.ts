// The options `run`, `compare` and `sweep` share for how their runs execute. Registration only:
// executing them (worker pool, cache, progress) is execution.ts, loaded when a command runs.
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
