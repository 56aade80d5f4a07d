// --format json is written in chunks (src/io/json-chunks.ts, emit in src/cli/output.ts): the
// bytes are what `JSON.stringify(result, null, 2)` and a newline were before, to --out and to
// stdout, and a slow or closed pipe on stdout gets all of it or ends quietly.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStdout } from '../../src/cli/output.js';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

const TRACE = ['trace', 'inspect', 'test/fixtures/traces/small.csv', '--time', 'when', '--size', 'work'];
const ORCHLAB = ['--import', 'tsx', 'src/cli/bin.ts'];
const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-json-output-'));

/** JSON as the one-string code wrote it: parsed and written again, it is the same text. */
const asBefore = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;

describe('--format json, written in chunks', () => {
  const commands: [string, string[]][] = [
    ['sweep', ['sweep', SMALL, '--policies', 'jsq,random', '--vary', 'seed=1:3:1', ...FAST]],
    ['compare', ['compare', SMALL, '--policies', 'jsq,random', ...FAST]],
    ['run', ['run', SMALL, ...FAST]],
    ['trace inspect', TRACE],
  ];
  for (const [name, args] of commands)
    it(`${name} --format json --out F: byte for byte what JSON.stringify(result, null, 2) wrote, as on stdout`, async () => {
      const out = join(scratch(), 'result.json');
      const toFile = await runCli(...args, '--format', 'json', '--out', out, '--quiet');
      expect(toFile.code, toFile.stderr).toBe(0);
      expect(toFile.stdout).toBe('');
      const text = readFileSync(out, 'utf8');
      expect(text).toBe(asBefore(text));
      const toStdout = await runCli(...args, '--format', 'json');
      expect(toStdout.code, toStdout.stderr).toBe(0);
      expect(toStdout.stdout).toBe(text);
    });

  it('policies --format json prints what JSON.stringify(list, null, 2) printed', async () => {
    const r = await runCli('policies', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(asBefore(r.stdout));
    expect(JSON.parse(r.stdout).map((p: { name: string }) => p.name)).toContain('jsq');
  });
});

describe('writeStdout(chunks)', () => {
  it('writes the next chunk only when stdout has drained: memory holds a chunk, not the output', async () => {
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      written.push(chunk);
      return false;
    }) as typeof process.stdout.write;
    const turn = () => new Promise((done) => setImmediate(done));
    try {
      const done = writeStdout(['a', 'b', 'c']);
      await turn();
      expect(written).toEqual(['a']);
      process.stdout.emit('drain');
      await turn();
      expect(written).toEqual(['a', 'b']);
      process.stdout.emit('drain');
      await turn();
      process.stdout.emit('drain');
      await done;
      expect(written).toEqual(['a', 'b', 'c']);
    } finally {
      process.stdout.write = write;
    }
  });
});

describe('--format json on a pipe (the orchlab process)', () => {
  const args = ['run', SMALL, '--replications', '40', '--workers', '1', '--quiet', '--format', 'json'];

  it('a slow reader gets all of it, as --out writes it (the pipe fills at 64 KiB)', () => {
    const out = join(scratch(), 'whole.json');
    const whole = spawnSync(process.execPath, [...ORCHLAB, ...args, '--out', out], { encoding: 'utf8' });
    expect(whole.status, whole.stderr).toBe(0);
    const expected = readFileSync(out);
    expect(expected.length).toBeGreaterThan(2 * 65_536);
    // The reader starts late, so the pipe is full while orchlab still has chunks to write.
    const r = spawnSync('sh', ['-c', '"$@" | (sleep 1; cat)', 'sh', process.execPath, ...ORCHLAB, ...args], {
      maxBuffer: 64 << 20,
    });
    expect(r.stderr.toString()).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.equals(expected)).toBe(true);
  });

  it('a reader that stops part-way (`| head -c 1000`): no error, exit 0', async () => {
    const child = spawn(process.execPath, [...ORCHLAB, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    let read = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      read += chunk.length;
      // Gone after the first kilobyte: orchlab is waiting for the pipe to drain, or soon will be.
      if (read >= 1000) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(read).toBeGreaterThanOrEqual(1000);
  });
});
