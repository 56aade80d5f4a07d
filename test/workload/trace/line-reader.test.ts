// Lazy, chunked reading: lines split across chunk boundaries, CRLF, a last line without a
// newline, a byte-order mark, lines longer than the buffer, multi-byte characters.
import { afterAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LineReader } from '../../../src/workload/trace/line-reader.js';
import { TraceReader } from '../../../src/workload/trace/index.js';
import { tempDir } from './temp-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function allLines(name: string, chunkSize: number): string[] {
  const reader = new LineReader(join(tmp.dir, name), chunkSize);
  const out: string[] = [];
  for (let line = reader.next(); line !== undefined; line = reader.next()) out.push(line);
  reader.close();
  return out;
}

describe('LineReader', () => {
  const text = 'alpha\nbeta\r\n\ngamma delta\r\nε-ünïcode ✓\nlast line without newline';
  const expected = ['alpha', 'beta', '', 'gamma delta', 'ε-ünïcode ✓', 'last line without newline'];
  tmp.write('lines.txt', text);

  for (const chunkSize of [1, 2, 3, 5, 7, 16, 1 << 20]) {
    it(`next() with chunkSize ${chunkSize} yields every line, CRLF and multi-byte text intact`, () => {
      expect(allLines('lines.txt', chunkSize)).toEqual(expected);
    });
  }

  it('next() counts lines and a trailing newline adds no empty line', () => {
    tmp.write('trailing.txt', 'a\nb\n');
    const reader = new LineReader(join(tmp.dir, 'trailing.txt'), 2);
    expect([reader.next(), reader.line, reader.next(), reader.line, reader.next()]).toEqual([
      'a',
      1,
      'b',
      2,
      undefined,
    ]);
  });

  it('next() drops a UTF-8 byte-order mark before the first line only', () => {
    tmp.write('bom.txt', '\uFEFFtime,size\n\uFEFFx');
    expect(allLines('bom.txt', 2)).toEqual(['time,size', '\uFEFFx']);
  });

  it('next() of an empty file is undefined, and after close() too', () => {
    tmp.write('empty.txt', '');
    expect(allLines('empty.txt', 4)).toEqual([]);
    const reader = new LineReader(join(tmp.dir, 'lines.txt'), 4);
    expect(reader.next()).toBe('alpha');
    reader.close();
    expect(reader.next()).toBeUndefined();
  });
});

describe('TraceReader over a multi-MB file with a small chunk size', () => {
  // ~3.5 MB: 200,000 rows with varying widths so lines straddle every chunk boundary.
  const rows = 200_000;
  const lines = ['time,size,class'];
  for (let i = 0; i < rows; i++) lines.push(`${(i * 0.001).toFixed(3)},${(i * 7919) % 100_003},c${i % 13}`);
  tmp.write('big.csv', lines.join('\r\n'));

  it('next() yields every row in order with the right fields (chunkSize 4093)', () => {
    const reader = new TraceReader({ file: 'big.csv', columns: { class: 'class' } }, tmp.dir, {
      chunkSize: 4093,
    });
    let n = 0;
    let ok = true;
    for (let row = reader.next(); row !== undefined; row = reader.next()) {
      const good =
        row.line === n + 2 &&
        Math.abs(row.time - n * 0.001) < 1e-9 &&
        row.size === (n * 7919) % 100_003 &&
        row.cls === `c${n % 13}`;
      if (!good && ok) {
        ok = false;
        expect(row).toEqual({ line: n + 2, time: n * 0.001, size: (n * 7919) % 100_003, cls: `c${n % 13}` });
      }
      n++;
    }
    expect(ok).toBe(true);
    expect(n).toBe(rows);
  });

  it('next() reads the file lazily: one chunk for the first row, the whole file only at the end', () => {
    const size = statSync(join(tmp.dir, 'big.csv')).size;
    expect(size).toBeGreaterThan(2_000_000);
    const reader = new TraceReader({ file: 'big.csv' }, tmp.dir, { chunkSize: 4096 });
    expect(reader.next()?.line).toBe(2);
    expect(reader.bytesRead).toBe(4096);
    for (let i = 0; i < 1000; i++) reader.next();
    expect(reader.bytesRead).toBeLessThan(40_000);
    let n = 1001;
    while (reader.next() !== undefined) n++;
    expect(n).toBe(rows);
    expect(reader.bytesRead).toBe(size);
  });
});
