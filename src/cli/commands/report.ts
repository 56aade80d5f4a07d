// `orchlab report RESULT.json --out reports/x.html [--svg DIR]`: a self-contained HTML report
// (charts, headline, every figure with its CI, the command and scenario) from a compare, sweep or
// run result. A bad result file is an InputError naming it (exit code 2).
import type { Command } from 'commander';
import { quietOption } from '../output.js';
import { requiredOption } from '../required-option.js';

// Kept importable from here, where they used to live (the report command's tests import them).
export { commandText, invocation } from '../invocation.js';

export interface ReportFlags {
  out: string;
  svg?: string;
  quiet?: boolean;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write a self-contained HTML report (Vega-Lite charts, every figure with its CI) from a result JSON file',
    )
    .argument('<result>', 'result of `orchlab compare`, `sweep` or `run` with --format json')
    // Required: checked in the action (required-option.ts), after the <result> argument.
    .option('--out <file>', 'the HTML file to write (atomically)')
    .option('--svg <dir>', 'also write every chart as an SVG file in this folder')
    .addOption(quietOption())
    .action(async (path: string, flags: Partial<ReportFlags>, cmd: Command) => {
      const out = requiredOption(flags.out, '--out <file>', cmd);
      const { reportAction } = await import('../actions/report.js');
      await reportAction(path, { ...flags, out }, cmd);
    });
}
