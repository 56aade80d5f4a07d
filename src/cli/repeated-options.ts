// commander keeps only the last value of an option given twice (`compare --policies jsq
// --policies random` compared only random, silently). Options that take one value are refused
// when repeated, on every command, in one place; the repeatable ones (--set, --vary: their parser
// is `collect`) and flags without a value (`--quiet --quiet` says the same thing twice) are left
// alone. The hook listens to commander's own `option:NAME` events, so `--opt value` and
// `--opt=value` are both seen, and nothing after `--` (an operand there is no option).
import type { EventEmitter } from 'node:events';
import type { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { collect } from './collect.js';

/** Whether `option` takes a single value, so a second one would silently replace the first. */
function takesOneValue(option: Option): boolean {
  return (option.required || option.optional) && !option.variadic && option.parseArg !== collect;
}

/** Makes `command` and its subcommands refuse an option of one value given twice (InputError, exit 2). */
export function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if (!takesOneValue(option)) continue;
    let first: string | undefined;
    // Prepended: it must run before commander's own listener records the value as given. A Command
    // is an EventEmitter at run time; its typings declare only on().
    (command as unknown as EventEmitter).prependListener(`option:${option.name()}`, (value: unknown) => {
      const text = String(value);
      if (first === undefined || command.getOptionValueSource(option.attributeName()) !== 'cli') {
        first = text;
        return;
      }
      throw new InputError(`${option.long ?? option.flags} given twice: ${first}, ${text}; give it once`);
    });
  }
  for (const sub of command.commands) refuseRepeatedOptions(sub);
}
