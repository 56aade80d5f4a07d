// Output paths: refused before any run when they could not be written, and written whole.
// Symlinks are followed and fifos written in place. Real device nodes are never written here: a
// regression would replace them with plain files (as root it once did), so a fifo stands in.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { InputError, OutputError } from '../../src/errors.js';
import { checkWritable, type DirectoryProbe, readOnlyReason } from '../../src/io/writable.js';
import { writeAtomic, writeEach } from '../../src/io/write-atomic.js';
import { fifoWithReader } from '../support/fifo.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-out-'));

/**
 * src/io/writable.ts as one file in a folder anyone may read: the user the check runs as may not
 * be able to read the checkout (a clone in a private folder, mktemp -d's 0700).
 */
let writableBundle: string | undefined;
function bundledWritable(): string {
  if (writableBundle !== undefined) return writableBundle;
  const dir = scratch();
  chmodSync(dir, 0o755);
  const out = join(dir, 'writable.mjs');
  buildSync({
    entryPoints: [resolve('src/io/writable.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  chmodSync(out, 0o644);
  writableBundle = out;
  return out;
}

/** What `checkWritable(flag, path, 'file')` says when run as a user other than root. */
function checkAsUser(flag: string, path: string): string {
  const script = `import(${JSON.stringify(bundledWritable())}).then((m) => {
    try { m.checkWritable(${JSON.stringify(flag)}, ${JSON.stringify(path)}, 'file'); console.log('accepted'); }
    catch (err) { console.log(err.message); }
  });`;
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    ...asNobody,
    cwd: tmpdir(),
    env: { ...process.env, HOME: tmpdir() },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('checkWritable(flag, path, kind)', () => {
  it('accepts a new file in folders still to be made, and a directory that exists or can be made', () => {
    const dir = scratch();
    expect(() => checkWritable('--out', join(dir, 'a', 'b', 'x.json'), 'file')).not.toThrow();
    expect(() => checkWritable('--cache', dir, 'directory')).not.toThrow();
    expect(() => checkWritable('--cache', join(dir, 'new'), 'directory')).not.toThrow();
    // It creates nothing, and leaves no probe behind.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the flag and what is in the way', () => {
    const dir = scratch();
    const file = join(dir, 'f');
    writeFileSync(file, 'x');
    const refused = (flag: string, path: string, kind: 'file' | 'directory') => {
      try {
        checkWritable(flag, path, kind);
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(refused('--out', dir, 'file')).toBe(`--out ${dir}: is a directory`);
    expect(refused('--cache', file, 'directory')).toBe(`--cache ${file}: is a file, not a directory`);
    expect(refused('--report', join(file, 'r.html'), 'file')).toBe(
      `--report ${join(file, 'r.html')}: ${file} is a file, not a directory`,
    );
    expect(refused('--out', '/proc/orchlab.json', 'file')).toBe(
      '--out /proc/orchlab.json: cannot create it in /proc',
    );
  });

  it('judges a symlink by the file it names, a dangling one by where it points', () => {
    const dir = scratch();
    const file = join(dir, 'f');
    writeFileSync(file, 'x');
    symlinkSync('f/x.json', join(dir, 'into-file.json'));
    symlinkSync('new/x.json', join(dir, 'dangling.json'));
    expect(() => checkWritable('--out', join(dir, 'dangling.json'), 'file')).not.toThrow();
    expect(() => checkWritable('--out', join(dir, 'into-file.json'), 'file')).toThrow(
      `--out ${join(dir, 'into-file.json')}: ${file} is a file, not a directory`,
    );
  });

  it('accepts a fifo or device it may open for writing, though it may not write in its folder', () => {
    // Run as a user who is not root (root may write anywhere), as in the report: `--out /dev/null`
    // was refused with "cannot write in /dev".
    const dir = scratch();
    chmodSync(dir, 0o755);
    execFileSync('mkfifo', ['-m', '666', join(dir, 'ff')]);
    chmodSync(dir, 0o555);
    expect(checkAsUser('--out', join(dir, 'ff'))).toBe('accepted');
    expect(checkAsUser('--out', '/dev/null')).toBe('accepted');
    // The folder is still refused for a new file, so the check did not just stop looking.
    expect(checkAsUser('--out', join(dir, 'new.json'))).toBe(
      `--out ${join(dir, 'new.json')}: cannot create it in ${dir} (permission denied)`,
    );
    chmodSync(dir, 0o755);
  });
});

/** A probe whose writes fail with `code` (undefined: succeed): root writes anywhere, read-only mounts are not to hand. */
const probing = (code: string | undefined, readable = true): DirectoryProbe => ({
  write: () => (code === undefined ? undefined : Object.assign(new Error(code), { code })),
  readable: () => readable,
});

describe("checkWritable(flag, dir, 'cache directory') and readOnlyReason(dir)", () => {
  /** What checkWritable says of `path` as a cache, with `probe`. */
  const cacheCheck = (path: string, probe: DirectoryProbe, kind: 'directory' | 'cache directory') => {
    try {
      checkWritable('--cache', path, kind, probe);
      return 'accepted';
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return (err as Error).message;
    }
  };

  it('accepts a directory that can be read but not written (no permission, a read-only mount, a full disk)', () => {
    const dir = scratch();
    for (const [code, reason] of [
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['EROFS', 'read-only file system'],
      ['ENOSPC', 'no space left on device'],
    ] as const) {
      expect(cacheCheck(dir, probing(code), 'cache directory')).toBe('accepted');
      expect(readOnlyReason(dir, probing(code))).toBe(reason);
    }
    // Any other output directory is still refused.
    expect(cacheCheck(dir, probing('EACCES'), 'directory')).toBe(
      `--cache ${dir}: cannot write in ${dir} (permission denied)`,
    );
  });

  it('refuses what cannot be used: unreadable, failing otherwise, a file, a folder that cannot be made', () => {
    const dir = scratch();
    const file = join(dir, 'f');
    writeFileSync(file, 'x');
    expect(cacheCheck(dir, probing('EACCES', false), 'cache directory')).toBe(
      `--cache ${dir}: cannot read or write in ${dir}`,
    );
    expect(cacheCheck(file, probing(undefined), 'cache directory')).toBe(
      `--cache ${file}: is a file, not a directory`,
    );
    expect(cacheCheck(join(dir, 'new'), probing('EACCES'), 'cache directory')).toBe(
      `--cache ${join(dir, 'new')}: cannot create it in ${dir} (permission denied)`,
    );
    expect(cacheCheck(join(dir, 'new'), probing(undefined), 'cache directory')).toBe('accepted');
    // None of these is a read-only cache: the writes (or the check above) deal with them.
    expect(readOnlyReason(dir, probing('EACCES', false))).toBeUndefined();
    expect(readOnlyReason(dir, probing('ENAMETOOLONG'))).toBeUndefined();
    expect(readOnlyReason(dir, probing(undefined))).toBeUndefined();
    expect(readOnlyReason(file, probing('EACCES'))).toBeUndefined();
    expect(readOnlyReason(join(dir, 'new'), probing('EACCES'))).toBeUndefined();
  });

  it('a probe failing for the machine (a full disk, no inodes left) is an OutputError (exit 1) with the reason', () => {
    const dir = scratch();
    const refusal = (path: string, kind: 'file' | 'directory' | 'cache directory') => {
      try {
        checkWritable('--cache', path, kind, probing('ENOSPC'));
      } catch (err) {
        expect(err).toBeInstanceOf(OutputError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(refusal(dir, 'directory')).toBe(
      `--cache ${dir}: cannot write in ${dir} (no space left on device)`,
    );
    // A cache there is used read-only (above); one that must be made there cannot be.
    expect(refusal(dir, 'cache directory')).toBe('accepted');
    expect(refusal(join(dir, 'new'), 'cache directory')).toBe(
      `--cache ${join(dir, 'new')}: cannot write in ${dir} (no space left on device)`,
    );
    expect(refusal(join(dir, 'x.json'), 'file')).toBe(
      `--cache ${join(dir, 'x.json')}: cannot write in ${dir} (no space left on device)`,
    );
    expect(refusal(join(dir, 'new', 'deeper'), 'directory')).toBe(
      `--cache ${join(dir, 'new', 'deeper')}: cannot write in ${dir} (no space left on device)`,
    );
  });

  it('probes for real by default: a writable directory is not read-only, and no probe file is left', () => {
    const dir = scratch();
    expect(readOnlyReason(dir)).toBeUndefined();
    expect(() => checkWritable('--cache', dir, 'cache directory')).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeAtomic(path, content)', () => {
  it('writes the whole file and leaves no temporary beside it', () => {
    const dir = scratch();
    writeAtomic(join(dir, 'sub', 'x.json'), '{}\n');
    expect(readFileSync(join(dir, 'sub', 'x.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['x.json']);
  });

  it('reports a file in the way of its folder as an input error, not a crash of its clean-up', () => {
    const dir = scratch();
    const file = join(dir, 'f');
    writeFileSync(file, 'x');
    expect(() => writeAtomic(join(file, 'x.json'), '{}')).toThrow(InputError);
    expect(() => writeAtomic(join(file, 'x.json'), '{}')).toThrow(`${join(file, 'x.json')}: cannot write`);
    expect(existsSync(join(file, 'x.json'))).toBe(false);
  });

  it('names the output with its label and says why in words', () => {
    const file = join(scratch(), 'f');
    writeFileSync(file, 'x');
    expect(() => writeAtomic(join(file, 'x.json'), '{}', '--out y/x.json')).toThrow(
      '--out y/x.json: cannot write (a file is in the way of its folder)',
    );
  });

  it('writes through a symlink: the file it names is replaced and the link stays', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    writeAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('writes a dangling symlink’s target (making its folder) and keeps the link', () => {
    const dir = scratch();
    symlinkSync('sub/real.json', join(dir, 'link.json'));
    writeAtomic(join(dir, 'link.json'), 'new');
    expect(readlinkSync(join(dir, 'link.json'))).toBe('sub/real.json');
    expect(readFileSync(join(dir, 'sub', 'real.json'), 'utf8')).toBe('new');
  });

  it('follows a dangling link from the folder it really sits in, reached through a symlinked folder', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync(join(dir, 'real', 'sub'), join(dir, 'd'));
    symlinkSync('../x/new.json', join(dir, 'real', 'sub', 'l'));
    writeAtomic(join(dir, 'd', 'l'), 'new');
    expect(readFileSync(join(dir, 'real', 'x', 'new.json'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('writes into a fifo in place: its reader gets the bytes and it stays a fifo', async () => {
    const dir = scratch();
    const fifo = join(dir, 'ff');
    const { reader, received } = fifoWithReader(fifo);
    writeAtomic(fifo, 'through the fifo\n');
    const stillFifo = lstatSync(fifo).isFIFO();
    // Replaced by a file, the fifo would never see a writer: let the reader go.
    if (!stillFifo) reader.kill();
    expect(stillFifo).toBe(true);
    expect(await received).toBe('through the fifo\n');
    expect(readdirSync(dir)).toEqual(['ff']);
  });

  it('into a fifo whose reader stops early: the rest is dropped, no error, as for a pipe on stdout', async () => {
    const fifo = join(scratch(), 'ff');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('head', ['-c', '100', fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      got += chunk;
    });
    const closed = new Promise((done) => reader.on('close', done));
    // 1 MiB is far more than a pipe holds: the write is still going when head leaves (EPIPE).
    expect(() => writeAtomic(fifo, 'x'.repeat(1 << 20), '--out ff')).not.toThrow();
    await closed;
    expect(got).toBe('x'.repeat(100));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes /dev/fd/N through the descriptor, so a file opened for appending keeps what it held', () => {
    const file = join(scratch(), 'log.txt');
    writeFileSync(file, 'before\n');
    const fd = openSync(file, 'a');
    try {
      writeAtomic(`/dev/fd/${fd}`, 'after\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe('before\nafter\n');
  });
});

describe('writeEach(files)', () => {
  it('writes every file, and when one fails says which were written before it', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'b.svg'));
    const files = ['a.svg', 'b.svg', 'c.svg'].map((name) => ({
      path: join(dir, name),
      content: name,
      label: `--svg ${join(dir, name)}`,
    }));
    expect(() => writeEach(files)).toThrow(
      `--svg ${join(dir, 'b.svg')}: cannot write (it is a directory); already written before it: ${join(dir, 'a.svg')}`,
    );
    expect(existsSync(join(dir, 'c.svg'))).toBe(false);
    writeEach([files[0]!, files[2]!]);
    expect(readFileSync(join(dir, 'c.svg'), 'utf8')).toBe('c.svg');
  });
});
