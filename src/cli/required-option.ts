// An option a command cannot do without, checked in its action: commander checks required options
// before arguments, so `orchlab compare` alone would ask for --policies before the missing
// <scenario>. Same words and exit code as commander's own check.
import type { Command } from 'commander';

export function requiredOption<T>(value: T | undefined, flag: string, cmd: Command): T {
  if (value === undefined)
    cmd.error(`error: required option '${flag}' not specified`, {
      code: 'commander.missingMandatoryOptionValue',
    });
  return value;
}
