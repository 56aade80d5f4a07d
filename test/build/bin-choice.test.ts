// Which CLI bin/orchlab.js starts: the bundle while it is fresh, else the compiled modules. Runs a
// copy of bin/orchlab.js over a stand-in dist/ whose two entries only say which one ran.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A package root with bin/orchlab.js, the compiled entry and a bundle made after it (t=2000). */
function standIn(): string {
  const root = mkdtempSync(join(tmpdir(), 'orchlab-bin-'));
  roots.push(root);
  write(root, 'package.json', '{"type":"module"}');
  mkdirSync(join(root, 'bin'));
  copyFileSync('bin/orchlab.js', join(root, 'bin/orchlab.js'));
  mkdirSync(join(root, 'dist/src'), { recursive: true });
  copyFileSync('dist/src/bundle-fresh.js', join(root, 'dist/src/bundle-fresh.js'));
  write(root, 'dist/src/cli/bin.js', "process.stdout.write('modules');");
  at(join(root, 'dist/src/cli/bin.js'), 1000);
  write(root, 'dist/src/cli/bundle/manifest.json', JSON.stringify({ inputs: ['dist/src/cli/bin.js'] }));
  write(root, 'dist/src/cli/bundle/bin.js', "process.stdout.write('bundle');");
  at(join(root, 'dist/src/cli/bundle/bin.js'), 2000);
  return root;
}

async function started(root: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'bin/orchlab.js')], {
    env: { ...process.env, ...env },
  });
  return stdout;
}

describe('bin/orchlab.js', () => {
  it('starts the bundle while nothing that went into it is newer (ORCHLAB_NO_BUNDLE unset or empty)', async () => {
    expect(await started(standIn())).toBe('bundle');
    expect(await started(standIn(), { ORCHLAB_NO_BUNDLE: '' })).toBe('bundle');
  });

  it('starts the compiled modules when an input is newer (tsc alone) or the manifest is gone', async () => {
    const newer = standIn();
    at(join(newer, 'dist/src/cli/bin.js'), 3000);
    expect(await started(newer)).toBe('modules');
    const noManifest = standIn();
    rmSync(join(noManifest, 'dist/src/cli/bundle/manifest.json'));
    expect(await started(noManifest)).toBe('modules');
  });

  it('starts the compiled modules with ORCHLAB_NO_BUNDLE, or from a dist/ built before the bundle existed', async () => {
    expect(await started(standIn(), { ORCHLAB_NO_BUNDLE: '1' })).toBe('modules');
    const old = standIn();
    rmSync(join(old, 'dist/src/bundle-fresh.js'));
    expect(await started(old)).toBe('modules');
  });

  it('says how to build when dist/ is missing', async () => {
    const root = standIn();
    rmSync(join(root, 'dist'), { recursive: true });
    const failed = await run(process.execPath, [join(root, 'bin/orchlab.js')]).catch((err: unknown) => err);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('run `npm run build`') });
  });
});
