// `orchlab report RESULT.json --out reports/x.html [--svg DIR]`: a self-contained HTML report
// (charts, headline, every figure with its CI, the command and scenario) from a compare, sweep or
// run result. A bad result file is an InputError naming it (exit code 2).
import type { Command } from 'commander';
import { loadResult } from '../../report/load-result.js';
import { writeReport } from '../../report/write-report.js';

export { writeReport } from '../../report/write-report.js';
export type { ReportOptions } from '../../report/write-report.js';

interface ReportFlags {
  out: string;
  svg?: string;
}

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

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write a self-contained HTML report (Vega-Lite charts, every figure with its CI) from a result JSON file',
    )
    .argument('<result>', 'result of `orchlab compare`, `sweep` or `run` with --format json')
    .requiredOption('--out <file>', 'the HTML file to write (atomically)')
    .option('--svg <dir>', 'also write every chart as an SVG file in this folder')
    .action(async (path: string, flags: ReportFlags, cmd: Command) => {
      const result = loadResult(path);
      const command = invocation(cmd);
      await writeReport(result, flags.out, {
        command,
        source: path,
        ...(flags.svg === undefined ? {} : { svgDir: flags.svg }),
      });
      process.stderr.write(
        `wrote ${flags.out}${flags.svg === undefined ? '' : ` and SVG charts in ${flags.svg}`}\n`,
      );
    });
}
