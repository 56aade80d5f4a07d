import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerFileName } from '../../src/runner/worker-file.js';

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

/** A project root with dist/src/runner holding a bundle made at t=2000 from inputs dated t=1000. */
function builtProject(): { root: string; runner: string } {
  const root = mkdtempSync(join(tmpdir(), 'orchlab-dist-'));
  const runner = join(root, 'dist', 'src', 'runner');
  mkdirSync(join(root, 'dist', 'src', 'sim'), { recursive: true });
  mkdirSync(runner, { recursive: true });
  mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
  const inputs = ['dist/src/runner/worker.js', 'dist/src/sim/simulate.js'];
  for (const input of inputs) {
    writeFileSync(join(root, input), '');
    at(join(root, input), 1000);
  }
  // A bundled package counts by its directory (a reinstall creates it anew).
  inputs.push('node_modules/dep');
  at(join(root, 'node_modules/dep'), 1000);
  writeFileSync(join(runner, 'worker.bundle.json'), JSON.stringify({ inputs }));
  writeFileSync(join(runner, 'worker.bundle.cjs'), '');
  at(join(runner, 'worker.bundle.cjs'), 2000);
  return { root, runner };
}

describe('the worker file a pool loads from dist/', () => {
  it('is the bundle loader when the bundle is newer than everything that went into it', () => {
    expect(workerFileName(builtProject().runner)).toBe('worker-loader.js');
  });

  it('is the compiled worker when a module was compiled after the bundle (tsc alone, tsc --watch)', () => {
    const { root, runner } = builtProject();
    at(join(root, 'dist/src/sim/simulate.js'), 3000);
    expect(workerFileName(runner)).toBe('worker.js');
  });

  it('is the compiled worker when a bundled package was reinstalled or an input is gone', () => {
    const changed = builtProject();
    at(join(changed.root, 'node_modules/dep'), 3000);
    expect(workerFileName(changed.runner)).toBe('worker.js');
    const gone = builtProject();
    rmSync(join(gone.root, 'dist/src/sim/simulate.js'));
    expect(workerFileName(gone.runner)).toBe('worker.js');
  });

  it('is the compiled worker when no bundle, or no list of its inputs, was built', () => {
    const noBundle = builtProject();
    rmSync(join(noBundle.runner, 'worker.bundle.cjs'));
    expect(workerFileName(noBundle.runner)).toBe('worker.js');
    const noList = builtProject();
    rmSync(join(noList.runner, 'worker.bundle.json'));
    expect(workerFileName(noList.runner)).toBe('worker.js');
  });
});
