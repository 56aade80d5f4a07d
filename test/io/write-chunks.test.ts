// writeAtomic with chunks (src/io/write-atomic.ts): the same bytes as with the one string, to a
// file, a fifo and a descriptor; and a failure part-way leaves no temporary file and no part of
// the output. Fifos stand in for devices: no device node is written here.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { jsonChunks } from '../../src/io/json-chunks.js';
import { chunksOf, writeAtomic } from '../../src/io/write-atomic.js';
import { fifoWithReader } from '../support/fifo.js';
import { underFileLimit } from '../support/left-temps.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-chunks-'));

/** A result-like value with text that is not ASCII, and its chunks (small ones: many of them). */
const VALUE = {
  format: 'orchlab.sweep/1',
  note: 'déjà vu 😀 \u2028 "quoted"',
  points: Array.from({ length: 40 }, (_, i) => ({
    at: { seed: i },
    runs: [{ mean: i / 3, name: `run ${i} ✓` }],
  })),
};
const TEXT = `${JSON.stringify(VALUE, null, 2)}\n`;
function* chunks(): Generator<string> {
  yield* jsonChunks(VALUE, 2, { subtree: 64, flush: 0 });
  yield '\n';
}

/** Chunks that stop with an error after some were written. */
function* failing(): Generator<string> {
  yield 'x'.repeat(100_000);
  yield 'y'.repeat(100_000);
  throw new Error('the result broke part-way');
}

describe('writeAtomic(path, chunks)', () => {
  it('writes the same bytes as with the string, to a file', () => {
    expect([...chunks()].length).toBeGreaterThan(100);
    const dir = scratch();
    writeAtomic(join(dir, 'string.json'), TEXT);
    writeAtomic(join(dir, 'chunks.json'), chunks());
    expect(readFileSync(join(dir, 'chunks.json'))).toEqual(readFileSync(join(dir, 'string.json')));
    expect(readFileSync(join(dir, 'chunks.json'), 'utf8')).toBe(TEXT);
    expect(readdirSync(dir).sort()).toEqual(['chunks.json', 'string.json']);
  });

  it('writes the same bytes into a fifo, in place', async () => {
    const dir = scratch();
    const fifo = join(dir, 'ff');
    const { reader, received } = fifoWithReader(fifo);
    writeAtomic(fifo, chunks());
    const stillFifo = lstatSync(fifo).isFIFO();
    if (!stillFifo) reader.kill();
    expect(stillFifo).toBe(true);
    expect(await received).toBe(TEXT);
    expect(readdirSync(dir)).toEqual(['ff']);
  });

  it('writes the same bytes through a descriptor (/dev/fd/N)', () => {
    const file = join(scratch(), 'log.txt');
    writeFileSync(file, 'before\n');
    const fd = openSync(file, 'a');
    try {
      writeAtomic(`/dev/fd/${fd}`, chunks());
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(`before\n${TEXT}`);
  });

  it('keeps a surrogate pair split across two chunks whole', () => {
    const dir = scratch();
    const [high, low] = ['😀'.charAt(0), '😀'.charAt(1)];
    writeAtomic(join(dir, 'pair.txt'), ['a', high, `${low}b${high}`, low, '', high]);
    expect(readFileSync(join(dir, 'pair.txt'))).toEqual(Buffer.from(`a😀b😀${high}`, 'utf8'));
    expect([...chunksOf('')]).toEqual([]);
    expect([...chunksOf('one string')]).toEqual(['one string']);
  });

  it('chunks that fail part-way: the error as it was, no temporary file, the old file untouched', () => {
    const dir = scratch();
    const target = join(dir, 'result.json');
    expect(() => writeAtomic(join(dir, 'new.json'), failing(), '--out new.json')).toThrow(
      'the result broke part-way',
    );
    writeFileSync(target, 'old result\n');
    expect(() => writeAtomic(target, failing(), `--out ${target}`)).toThrow('the result broke part-way');
    expect(readdirSync(dir)).toEqual(['result.json']);
    expect(readFileSync(target, 'utf8')).toBe('old result\n');
  });

  it('a disk that fills part-way (a file size limit): an output error (exit 1), no temporary file, the old file untouched', () => {
    const dir = scratch();
    const target = join(dir, 'result.json');
    writeFileSync(target, 'old result\n');
    // The first chunk fits under `ulimit -f 16` (16 blocks: at least 8 KiB), the second does not:
    // the write fails with EFBIG after the temporary file holds part of the output. SIGXFSZ is
    // ignored so node sees the error, and tsx's cache is off since it could not be written either.
    const script = `import(${JSON.stringify(resolve('src/io/write-atomic.ts'))}).then((m) => {
      function* chunks() { yield 'a'.repeat(4000); yield 'b'.repeat(1 << 20); }
      try { m.writeAtomic(${JSON.stringify(target)}, chunks(), '--out result.json'); console.log('written'); }
      catch (err) { console.log(err.name + ': ' + err.message); }
    });`;
    const r = spawnSync('sh', underFileLimit(16, [process.execPath, '--import', 'tsx', '-e', script]), {
      encoding: 'utf8',
      env: { ...process.env, TSX_DISABLE_CACHE: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${new OutputError('').name}: --out result.json: cannot write (file too large)\n`);
    expect(readdirSync(dir)).toEqual(['result.json']);
    expect(readFileSync(target, 'utf8')).toBe('old result\n');
  });

  it('a temporary file removed while it is written (another process sweeping the folder): an output error, not an input one', () => {
    const dir = scratch();
    const target = join(dir, 'result.json');
    function* chunks() {
      yield 'a';
      for (const name of readdirSync(dir)) rmSync(join(dir, name));
      yield 'b';
    }
    let caught: unknown;
    try {
      writeAtomic(target, chunks(), '--out result.json');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(OutputError);
    expect((caught as Error).message).toBe(
      '--out result.json: cannot write (its temporary file was removed while it was being written)',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
