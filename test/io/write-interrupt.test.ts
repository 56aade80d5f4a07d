// writeAtomicAsync (src/io/write-atomic.ts): the write of a big output that Ctrl-C can stop. An
// aborted signal stops it with WriteAborted and leaves nothing: no temporary file, the old file
// untouched; a fifo keeps what it took and the error says it was cut short. Fifos stand in for
// devices: no device node is written here.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { TURN_CHARS, WriteAborted, writeAtomicAsync } from '../../src/io/write-atomic.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-write-interrupt-'));

const CHUNK = 'x'.repeat(64 * 1024);

/** `count` chunks of 64 KiB; `abort` is called as chunk `at` is handed out. */
function* chunks(count: number, at: number, abort: () => void): Generator<string> {
  for (let i = 0; i < count; i++) {
    if (i === at) abort();
    yield CHUNK;
  }
}

describe('writeAtomicAsync(path, chunks, { signal })', () => {
  it('writes the same bytes as the chunks, and nothing else, when not aborted', async () => {
    const dir = scratch();
    const target = join(dir, 'out.json');
    const stop = new AbortController();
    await writeAtomicAsync(
      target,
      chunks(40, -1, () => {}),
      { signal: stop.signal },
    );
    expect(readFileSync(target, 'utf8')).toBe(CHUNK.repeat(40));
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('aborted part-way into folders it made: the folders go too', async () => {
    const dir = scratch();
    const target = join(dir, 'new', 'sub', 'out.json');
    const stop = new AbortController();
    const count = Math.ceil((4 * TURN_CHARS) / CHUNK.length);
    const write = writeAtomicAsync(
      target,
      chunks(count, 2, () => stop.abort()),
      { signal: stop.signal },
    );
    await expect(write).rejects.toThrow(WriteAborted);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('aborted part-way: WriteAborted, no temporary file, the old file untouched', async () => {
    const dir = scratch();
    const target = join(dir, 'out.json');
    writeFileSync(target, 'old result\n');
    const stop = new AbortController();
    // Far more than one TURN_CHARS after the abort: the write must stop before the end.
    const count = Math.ceil((4 * TURN_CHARS) / CHUNK.length);
    let handedOut = 0;
    const counted = function* () {
      for (const c of chunks(count, 2, () => stop.abort())) {
        handedOut++;
        yield c;
      }
    };
    const write = writeAtomicAsync(target, counted(), { label: '--out out.json', signal: stop.signal });
    await expect(write).rejects.toThrow(WriteAborted);
    await write.catch((err: WriteAborted) => expect(err.cutShort).toBeUndefined());
    expect(handedOut).toBeLessThan(count);
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(target, 'utf8')).toBe('old result\n');
  });

  it('aborted while its last chunk is written, before the rename: still nothing written', async () => {
    const dir = scratch();
    const stop = new AbortController();
    // Less than TURN_CHARS in all: the only check is the one before the rename.
    const write = writeAtomicAsync(
      join(dir, 'out.json'),
      chunks(3, 2, () => stop.abort()),
      {
        signal: stop.signal,
      },
    );
    await expect(write).rejects.toThrow(WriteAborted);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a signal aborted before it starts: nothing is opened', async () => {
    const dir = scratch();
    const stop = new AbortController();
    stop.abort();
    await expect(writeAtomicAsync(join(dir, 'out.json'), 'x', { signal: stop.signal })).rejects.toThrow(
      WriteAborted,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('into a fifo: it keeps what it took, and the error names the output as cut short', async () => {
    const dir = scratch();
    const fifo = join(dir, 'ff');
    execFileSync('mkfifo', [fifo]);
    // A reader that counts what it gets (it holds no output back while this thread writes).
    const reader = spawn('sh', ['-c', 'wc -c < "$0"', fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let counted = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      counted += chunk;
    });
    const closed = new Promise((done) => reader.on('close', done));
    try {
      const stop = new AbortController();
      const count = Math.ceil((4 * TURN_CHARS) / CHUNK.length);
      const write = writeAtomicAsync(
        fifo,
        chunks(count, 2, () => stop.abort()),
        {
          label: `--out ${fifo}`,
          signal: stop.signal,
        },
      );
      await expect(write).rejects.toThrow(`--out ${fifo} cut short`);
      await closed;
      const bytes = Number(counted.trim());
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(count * CHUNK.length);
      expect(readdirSync(dir)).toEqual(['ff']);
    } finally {
      reader.kill();
    }
  });

  it('a path that cannot be written: an input error naming it, as writeAtomic', async () => {
    const dir = scratch();
    const file = join(dir, 'f');
    writeFileSync(file, '');
    const write = writeAtomicAsync(join(file, 'x.json'), 'x', { label: '--out f/x.json' });
    await expect(write).rejects.toThrow(InputError);
    await expect(write).rejects.toThrow('--out f/x.json: cannot write');
  });
});
