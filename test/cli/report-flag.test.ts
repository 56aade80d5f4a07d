// `compare --report` and `sweep --report` write the HTML report beside their normal output.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';

describe('--report on compare and sweep', () => {
  it('compare --report writes a self-contained report naming the winner and the command', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'c.html');
    const r = await runCli(
      'compare',
      SMALL,
      '--policies',
      'jsq,random',
      '--workers',
      '1',
      '--quiet',
      '--report',
      out,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('jsq');
    expect(html).toContain(`--report ${out}`);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('sweep --report writes a report of the sweep', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 's.html');
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq,round-robin',
      '--vary',
      'workload.arrivals.rate=2,3',
      '--replications',
      '2',
      '--workers',
      '1',
      '--quiet',
      '--report',
      out,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('workload.arrivals.rate');
  });
});
