import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerFileName } from '../../src/runner/worker-file.js';

function fakeRunnerDir(): string {
  const runner = join(mkdtempSync(join(tmpdir(), 'orchlab-dist-')), 'src', 'runner');
  mkdirSync(runner, { recursive: true });
  writeFileSync(join(runner, 'worker.js'), '');
  return runner;
}

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('the worker file a pool loads from dist/', () => {
  it('is the bundle loader when the bundle was made after tsc compiled the worker', () => {
    const runner = fakeRunnerDir();
    at(join(runner, 'worker.js'), 1000);
    writeFileSync(join(runner, 'worker.bundle.cjs'), '');
    at(join(runner, 'worker.bundle.cjs'), 2000);
    expect(workerFileName(runner)).toBe('worker-loader.js');
  });

  it('is the compiled worker when tsc ran after the bundle was made (the bundle holds old code)', () => {
    const runner = fakeRunnerDir();
    writeFileSync(join(runner, 'worker.bundle.cjs'), '');
    at(join(runner, 'worker.bundle.cjs'), 2000);
    at(join(runner, 'worker.js'), 3000);
    expect(workerFileName(runner)).toBe('worker.js');
  });

  it('is the compiled worker when no bundle was built', () => {
    expect(workerFileName(fakeRunnerDir())).toBe('worker.js');
  });
});
