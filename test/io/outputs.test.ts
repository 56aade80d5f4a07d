// Output paths: refused before any run when they could not be written, and written whole.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkWritable } from '../../src/io/writable.js';
import { writeAtomic } from '../../src/io/write-atomic.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-out-'));

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
});
