// The command line a result was made with, as the HTML report shows it.
import type { Command } from 'commander';

/** How a command line reads back in the report: arguments with spaces or quotes are quoted. */
export function commandText(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * The command line a command was run with, rebuilt from what commander parsed: its operands, then
 * every option the user gave (in the order the command defines them), e.g.
 * `orchlab compare s.yaml --policies a,b --set x=1 --report r.html`.
 */
export function invocation(cmd: Command): string {
  const parts = ['orchlab', cmd.name(), ...cmd.args];
  for (const option of cmd.options) {
    const key = option.attributeName();
    if (cmd.getOptionValueSource(key) !== 'cli') continue;
    const flag = option.long ?? option.short ?? key;
    const value: unknown = cmd.getOptionValue(key);
    if (typeof value === 'boolean') parts.push(flag);
    else for (const v of Array.isArray(value) ? value : [value]) parts.push(flag, String(v));
  }
  return commandText(parts);
}
