// Where results go (src/cli/output.ts): --out and --report may not name one file, a failed write
// to stdout is one line in words, and --out into a fifo writes in place.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs, sameFile, stdoutFailure } from '../../src/cli/output.js';
import { InputError } from '../../src/errors.js';
import { fast, runCli } from '../support/run-cli.js';
import { fifoWithReader } from '../support/fifo.js';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';
const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-output-'));

/** The message checkOutputs refuses --out and --report with, or 'accepted'. */
function refusal(out: string, report: string): string {
  try {
    checkOutputs({ out, report });
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
}

describe('checkOutputs({ out, report })', () => {
  it('refuses one file named twice, however it is spelled', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.json'), '{}');
    symlinkSync('real.json', join(dir, 'link.json'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'alias'));
    const same = (path: string) => `--out and --report name the same file: ${path}`;
    expect(refusal(join(dir, 'new.json'), join(dir, 'new.json'))).toBe(same(join(dir, 'new.json')));
    expect(refusal(join(dir, 'new.json'), `${dir}/sub/../new.json`)).toBe(same(join(dir, 'new.json')));
    expect(refusal(join(dir, 'link.json'), join(dir, 'real.json'))).toBe(same(join(dir, 'link.json')));
    expect(refusal(join(dir, 'alias', 'new.json'), join(dir, 'new.json'))).toBe(
      same(join(dir, 'alias', 'new.json')),
    );
    expect(refusal(join(dir, 'a.json'), join(dir, 'a.html'))).toBe('accepted');
  });

  it('lets a stream be named twice: both thrown away into one fifo or device is no clash', () => {
    const fifo = join(scratch(), 'ff');
    execFileSync('mkfifo', [fifo]);
    expect(sameFile(fifo, fifo)).toBe(false);
  });

  it('compare --out F --report F exits 2 before any run, naming the file', async () => {
    const file = join(scratch(), 'same.json');
    const r = await runCli('compare', SMALL, '--policies', 'jsq', '--out', file, '--report', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`orchlab: --out and --report name the same file: ${file}\n`);
    expect(existsSync(file)).toBe(false);
  });
});

describe('--out into a fifo or a device', () => {
  it('writes in place: the fifo’s reader gets the result and it stays a fifo', async () => {
    // A fifo stands for every non-regular target (devices take the same path). No test writes a
    // real device: as root a regression would replace /dev/null with a plain file.
    const fifo = join(scratch(), 'ff');
    const { reader, received } = fifoWithReader(fifo);
    const args = ['run', SMALL, '--replications', '1', '--workers', '1', '--format', 'json'];
    const r = await runCli(...args, '--out', fifo);
    const stillFifo = lstatSync(fifo).isFIFO();
    if (!stillFifo) reader.kill();
    expect(stillFifo).toBe(true);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await received).format).toBe('orchlab.run/1');
  });

  it('a reader that stops early has what it wants, as `| head` on stdout: exit 0, no error', async () => {
    const fifo = join(scratch(), 'ff');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('head', ['-c', '100', fifo], { stdio: ['ignore', 'ignore', 'ignore'] });
    const closed = new Promise((done) => reader.on('close', done));
    // Ten replications are some 200 KB of JSON, far more than a pipe holds: head leaves mid-write.
    const run = ['run', SMALL, ...fast('--replications', '10'), '--format', 'json', '--quiet'];
    const r = await runCli(...run, '--out', fifo);
    await closed;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('stdoutFailure(err)', () => {
  const error = (code: string) => Object.assign(new Error(`${code}: write`), { code });
  it('is nothing for a reader that closed the pipe, one line in words for anything else', () => {
    expect(stdoutFailure(error('EPIPE'))).toBeUndefined();
    expect(stdoutFailure(error('ENOSPC'))).toBe('cannot write to standard output (no space left on device)');
    expect(stdoutFailure(error('EFBIG'))).toBe('cannot write to standard output (file too large)');
  });
});
