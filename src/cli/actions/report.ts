// What `orchlab report` does (its options are in ../commands/report.ts).
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { checkWritable } from '../../io/writable.js';
import { loadResult } from '../../report/load-result.js';
import { writeReport } from '../../report/write-report.js';
import type { ReportFlags } from '../commands/report.js';
import { invocation } from '../invocation.js';
import { checkOutputs } from '../output.js';
import { createStageLine, sizeText } from '../stage-line.js';

// Results smaller than this are read and drawn in about a second: no status line for them.
const STAGES_FROM_BYTES = 16 * 1024 * 1024;

/** The result's size in bytes, or 0 when it cannot be read (loadResult then says why). */
function byteSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export async function reportAction(path: string, flags: ReportFlags, cmd: Command): Promise<void> {
  // Before the result is read (a sweep's may take seconds) and any chart drawn; writeReport
  // checks each chart's file (not over --out nor the result file) before drawing any.
  const inputs = [{ what: 'the result file', path }];
  checkOutputs({ out: flags.out }, inputs);
  if (flags.svg !== undefined) checkWritable('--svg', flags.svg, 'directory');
  const bytes = byteSize(path);
  const stage = createStageLine(
    process.stderr,
    flags.quiet !== true && process.stderr.isTTY === true && bytes >= STAGES_FROM_BYTES,
  );
  try {
    stage.show(`reading ${path} (${sizeText(bytes)})…`);
    const result = loadResult(path);
    stage.show(`drawing ${flags.out}…`);
    await writeReport(result, flags.out, {
      command: invocation(cmd),
      source: path,
      inputs,
      ...(flags.svg === undefined ? {} : { svgDir: flags.svg }),
    });
  } finally {
    stage.clear();
  }
  if (flags.quiet !== true)
    process.stderr.write(
      `wrote ${flags.out}${flags.svg === undefined ? '' : ` and SVG charts in ${flags.svg}`}\n`,
    );
}
