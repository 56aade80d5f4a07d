// What `orchlab report` does (its options are in ../commands/report.ts).
import type { Command } from 'commander';
import { loadResult } from '../../report/load-result.js';
import { writeReport } from '../../report/write-report.js';
import type { ReportFlags } from '../commands/report.js';
import { invocation } from '../invocation.js';

export async function reportAction(path: string, flags: ReportFlags, cmd: Command): Promise<void> {
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
}
