// compare/sweep --report: the report is drawn before anything is written, and a Ctrl-C that came
// while it was drawn (a signal aborted by then) stops the command with nothing written.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { emitWithReport } from '../../src/cli/emit-with-report.js';
import { RunAborted } from '../../src/runner/executor.js';
import { compareResult } from '../report/support/results.js';

const dir = mkdtempSync(join(tmpdir(), 'orchlab-emit-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('emitWithReport(flags, result, table, cmd, signal)', () => {
  it('writes --out and --report when no Ctrl-C came', async () => {
    const flags = {
      format: 'json' as const,
      out: join(dir, 'a.json'),
      report: join(dir, 'a.html'),
      quiet: true,
    };
    await emitWithReport(
      flags,
      await compareResult(),
      () => '',
      new Command('compare'),
      new AbortController().signal,
    );
    expect([existsSync(flags.out), existsSync(flags.report)]).toEqual([true, true]);
  });

  it('writes neither when Ctrl-C came while the report was drawn', async () => {
    const flags = {
      format: 'json' as const,
      out: join(dir, 'b.json'),
      report: join(dir, 'b.html'),
      quiet: true,
    };
    const stop = new AbortController();
    stop.abort();
    const result = await compareResult();
    await expect(
      emitWithReport(flags, result, () => '', new Command('compare'), stop.signal),
    ).rejects.toThrow(RunAborted);
    expect([existsSync(flags.out), existsSync(flags.report)]).toEqual([false, false]);
  });
});
