// The bundled worker's loader on a damaged build: a copy of dist/ whose bundle throws when it
// loads. The thread must fall back to the compiled modules (one line on stderr) and still run.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the worker loader', () => {
  it('falls back to the compiled modules when the bundle cannot load', async () => {
    const root = mkdtempSync(join(tmpdir(), 'orchlab-broken-bundle-'));
    cpSync('dist', join(root, 'dist'), { recursive: true });
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    const bundle = join(root, 'dist/src/runner/worker.bundle.cjs');
    writeFileSync(bundle, `throw new Error('damaged bundle');\n${readFileSync(bundle, 'utf8')}`);
    const loader = pathToFileURL(join(root, 'dist/src/runner/worker-loader.js')).href;
    const { stdout, stderr } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(loader)}); console.log(m.codeCache, typeof m.default, typeof m.ready);`,
    ]);
    expect(stdout.trim()).toBe('failed function function');
    expect(stderr).toContain(
      'orchlab: the bundled worker failed to load (damaged bundle); using the compiled modules',
    );
  });
});
