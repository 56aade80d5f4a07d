// What `orchlab report` does (its options are in ../commands/report.ts). The same steps as
// report/write-report.ts, in an order that keeps a failure from leaving part of the output: every
// path is checked and every chart drawn before the first file is written.
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkWritable } from '../../io/writable.js';
import { type PendingFile, writeEach } from '../../io/write-atomic.js';
import { loadBundles } from '../../report/bundles.js';
import { renderReportHtml } from '../../report/html.js';
import { loadResult } from '../../report/load-result.js';
import { renderSvg } from '../../report/svg.js';
import { reportPage } from '../../report/write-report.js';
import type { ReportFlags } from '../commands/report.js';
import { invocation } from '../invocation.js';
import { checkOutputs } from '../output.js';

export async function reportAction(path: string, flags: ReportFlags, cmd: Command): Promise<void> {
  const result = loadResult(path);
  checkOutputs({ out: flags.out });
  if (flags.svg !== undefined) checkWritable('--svg', flags.svg, 'directory');
  const page = reportPage(result, { command: invocation(cmd), source: path });
  const files: PendingFile[] = [];
  if (flags.svg !== undefined) {
    for (const chart of page.charts) {
      const file = join(flags.svg, `${chart.id}.svg`);
      // A folder named like a chart's file is in the way: found now, not after other files are out.
      checkWritable('--svg', file, 'file');
      files.push({ path: file, content: await renderSvg(chart.spec), label: `--svg ${file}` });
    }
  }
  files.push({
    path: flags.out,
    content: renderReportHtml(page, loadBundles()),
    label: `--out ${flags.out}`,
  });
  writeEach(files);
  if (flags.quiet !== true)
    process.stderr.write(
      `wrote ${flags.out}${flags.svg === undefined ? '' : ` and SVG charts in ${flags.svg}`}\n`,
    );
}
