// What `orchlab report` does (its options are in ../commands/report.ts).
import type { Command } from 'commander';
import { checkWritable } from '../../io/writable.js';
import { loadResult } from '../../report/load-result.js';
import { writeReport } from '../../report/write-report.js';
import type { ReportFlags } from '../commands/report.js';
import { invocation } from '../invocation.js';
import { checkOutputs } from '../output.js';

export async function reportAction(path: string, flags: ReportFlags, cmd: Command): Promise<void> {
  // Before the result is read (a sweep's may take seconds) and any chart drawn; writeReport
  // checks each chart's file before writing any.
  checkOutputs({ out: flags.out }, [{ what: 'the result file', path }]);
  if (flags.svg !== undefined) checkWritable('--svg', flags.svg, 'directory');
  const result = loadResult(path);
  await writeReport(result, flags.out, {
    command: invocation(cmd),
    source: path,
    ...(flags.svg === undefined ? {} : { svgDir: flags.svg }),
  });
  if (flags.quiet !== true)
    process.stderr.write(
      `wrote ${flags.out}${flags.svg === undefined ? '' : ` and SVG charts in ${flags.svg}`}\n`,
    );
}
