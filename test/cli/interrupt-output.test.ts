// Ctrl-C once the runs are over, while the output is being written: the orchlab process, run from
// the sources in a child process with a real SIGINT. The output goes into a fifo, so the signal can
// be sent at a known moment: when the first bytes arrive, every run is done and megabytes are
// still to come. orchlab must stop, say so in one line, and exit 130. No device node is written.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';
const ORCHLAB = ['--import', 'tsx', 'src/cli/bin.ts'];

describe('orchlab on Ctrl-C while it writes the output', () => {
  it('--out into a fifo: stops part-way, one line saying the output was cut short, exit 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-interrupt-'));
    const fifo = join(dir, 'out.json');
    execFileSync('mkfifo', [fifo]);
    // About 11 KB of JSON a replication: some 6 MB, far more than is written before a Ctrl-C is heard.
    const args = [
      'run',
      SMALL,
      '--replications',
      '600',
      '--set',
      'stop.completed=500',
      '--set',
      'warmup.completed=50',
    ];
    const child = spawn(
      process.execPath,
      [...ORCHLAB, ...args, '--workers', '1', '--format', 'json', '--out', fifo],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const ended = new Promise<number | null>((done) => child.on('close', done));
    let received = 0;
    let total = 0;
    await new Promise<void>((done, fail) => {
      const reader = createReadStream(fifo);
      reader.on('data', (chunk) => {
        if (received === 0) child.kill('SIGINT');
        received += chunk.length;
      });
      reader.on('end', () => {
        total = received;
        done();
      });
      reader.on('error', fail);
    });
    const code = await ended;
    expect(stderr).toMatch(
      /\norchlab: interrupted after the runs \(600 runs done\), before the output was complete; --out .*out\.json cut short\n$/,
    );
    expect(code, stderr).toBe(130);
    // The whole output is some 6.7 MB; a Ctrl-C is heard within a megabyte or two.
    expect(total).toBeLessThan(3_000_000);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
