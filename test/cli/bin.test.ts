// The orchlab process (src/cli/bin.ts) when stdout fails: run from the sources in a child
// process, since what is tested is how the process ends. No device node is written: a file over
// the process's size limit stands in for a full disk (`> /dev/full`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid, leaveTemp, underFileLimit } from '../support/left-temps.js';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';
const ORCHLAB = ['--import', 'tsx', 'src/cli/bin.ts'];
const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-bin-'));

describe('orchlab when stdout fails', () => {
  it('a reader that closed the pipe (`| head`): no stack trace, exit 0, and --report is still written', async () => {
    const html = join(scratch(), 'r.html');
    const args = ['compare', SMALL, '--policies', 'jsq,random', '--workers', '1', '--format', 'json'];
    const child = spawn(process.execPath, [...ORCHLAB, ...args, '--report', html], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes before orchlab has started, so its one write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`wrote ${html}\n`);
    expect(existsSync(html)).toBe(true);
  });

  it('--out /dev/stdout into a slow pipe writes it whole (a non-blocking pipe fills at 64 KiB)', () => {
    const args = ['run', SMALL, '--replications', '40', '--workers', '1', '--quiet', '--format', 'json'];
    const whole = spawnSync(process.execPath, [...ORCHLAB, ...args], { encoding: 'utf8' });
    expect(whole.status).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(2 * 65_536);
    // The reader starts late, so the pipe is full when orchlab writes.
    const r = spawnSync(
      'sh',
      ['-c', '"$@" | (sleep 1; wc -c)', 'sh', process.execPath, ...ORCHLAB, ...args, '--out', '/dev/stdout'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(Number(r.stdout.trim())).toBe(Buffer.byteLength(whole.stdout));
  });

  it('any other write error: one line in words and exit 1 (here a file over the size limit)', () => {
    const out = join(scratch(), 'out.json');
    // SIGXFSZ ignored, so a write past `ulimit -f 0` fails with EFBIG instead of killing node;
    // tsx's cache is off since it could not be written either.
    const r = spawnSync(
      'sh',
      [
        '-c',
        `trap '' XFSZ; ulimit -f 0; exec "$@" > '${out}'`,
        'sh',
        process.execPath,
        ...ORCHLAB,
        'policies',
        '--format',
        'json',
      ],
      { encoding: 'utf8', env: { ...process.env, TSX_DISABLE_CACHE: '1' } },
    );
    expect(r.stderr).toBe('orchlab: cannot write to standard output (file too large)\n');
    expect(r.status).toBe(1);
  });
});

describe('orchlab when --out fails for a reason not in the input', () => {
  it('a file over the size limit: one line, exit 1 (not 2: the place given was fine), no temporary file', () => {
    const dir = scratch();
    const out = join(dir, 'out.json');
    // A run's JSON is well over the limit's 1 KiB.
    const r = spawnSync(
      'sh',
      underFileLimit(2, [
        process.execPath,
        ...ORCHLAB,
        'run',
        SMALL,
        '--workers',
        '1',
        '--format',
        'json',
        '--quiet',
        '--out',
        out,
      ]),
      { encoding: 'utf8', env: { ...process.env, TSX_DISABLE_CACHE: '1' } },
    );
    expect(r.stderr).toBe(`orchlab: --out ${out}: cannot write (file too large)\n`);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('orchlab killed while it writes (SIGTERM from kill or timeout: no handler can run)', () => {
  it('leaves a temporary file beside --out, removed by a later write of the same path once 10 minutes old', async () => {
    const dir = scratch();
    const out = join(dir, 'out.json');
    // As a killed orchlab leaves it: `.NAME.PID.tmp`, its PID no longer running.
    const dead = deadPid();
    const left = (name: string, stale = true) => leaveTemp(dir, name, stale);
    left(`.out.json.${dead}.tmp`);
    // Not this write's to remove: another file's, a running process's (this test's parent), one
    // written a moment ago (its writer may be on another machine sharing the folder), not a pid.
    const kept = [
      `.other.json.${dead}.tmp`,
      `.out.json.${process.ppid}.tmp`,
      `.out.json.${dead + 1}.tmp`,
      '.out.json.99999999999.tmp',
    ];
    for (const [i, name] of kept.entries()) left(name, i !== 2);
    const r = spawnSync(
      process.execPath,
      [...ORCHLAB, 'run', SMALL, '--workers', '1', '--quiet', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...kept, 'out.json'].sort());
  });
});

describe('orchlab on Ctrl-C', () => {
  it('stops a policy caught in a loop in the main thread (--workers 1): exit 130, one line, nothing written', async () => {
    const out = join(scratch(), 'never.json');
    const args = [
      'compare',
      SMALL,
      '--policies',
      'test/fixtures/policies/announces-then-loops.ts',
      '--workers',
      '1',
    ];
    const child = spawn(process.execPath, [...ORCHLAB, ...args, '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // Ctrl-C once the policy is in its loop: the event loop cannot run until the step ends.
      if (chunk.includes('looping')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(
      /^looping\norchlab: interrupted after 0 of 3 runs; runs stopped, nothing written\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('orchlab when an error escapes the runs', () => {
  it("a policy module's timer that throws: one line saying so, exit 1, not Node's bare dump", () => {
    const args = [
      'run',
      SMALL,
      '--policy',
      'test/fixtures/policies/throws-later.ts',
      '--workers',
      '1',
      '--quiet',
    ];
    const r = spawnSync(process.execPath, [...ORCHLAB, ...args], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      "orchlab: an error escaped the runs (from a policy module's timer or promise, or a bug in orchlab): Error: boom from a timer",
    );
    expect(r.stderr).not.toContain('Node.js v');
  });
});
