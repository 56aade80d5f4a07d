// The built package as users run it: bin/orchlab.js over the CLI's bundle in dist/src/cli/bundle/
// (scripts/bundle-cli.mjs), whose worker threads load the bundled worker through its V8 code cache (dist/src/runner/worker-loader.js, worker.bundle.cjs
// and worker.bundle.cache, made by scripts/bundle-worker.mjs). The other CLI tests run the
// TypeScript sources in this process and never touch the bundle.
// `npm ci` and `npm test` build dist/; after editing src/, `npm run build` refreshes it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../src/bundle-fresh.js';
import { workerFileName } from '../../src/runner/worker-file.js';
import { VERSION } from '../../src/version.js';

const run = promisify(execFile);
const BUNDLE = 'dist/src/runner/worker.bundle.cjs';
const CLI_BUNDLE = 'dist/src/cli/bundle/bin.js';
const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

const orchlab = (...args: string[]) => orchlabWith({}, args);

async function orchlabWith(env: Record<string, string>, args: readonly string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/orchlab.js', ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The newest modification time of a .ts file under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (entry.endsWith('.ts')) newest = Math.max(newest, statSync(join(dir, entry)).mtimeMs);
  return newest;
}

describe('the built CLI and its bundled worker', () => {
  it('is built from the current sources (`npm test` builds first; after editing src/, `npm run build`)', () => {
    for (const bundle of [BUNDLE, CLI_BUNDLE]) {
      expect(existsSync(bundle), `${bundle} is missing`).toBe(true);
      expect(newestSource('src') <= statSync(bundle).mtimeMs, 'dist/ is older than src/').toBe(true);
    }
  });

  it('runs the CLI from its bundle, fresh after the build and dated from before the build read its inputs', () => {
    const manifest = 'dist/src/cli/bundle/manifest.json';
    expect(bundleIsFresh(CLI_BUNDLE, manifest, '.')).toBe(true);
    // An input compiled while the build ran (tsc --watch) must count as newer than the bundle.
    const { files } = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
    const dated = statSync(CLI_BUNDLE).mtimeMs;
    const chunks = files.filter((f) => f !== 'bin.js');
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks)
      expect(dated).toBeLessThan(statSync(join('dist/src/cli/bundle', chunk)).mtimeMs);
  });

  it('prints the same bytes from the CLI bundle as from the compiled modules (ORCHLAB_NO_BUNDLE)', async () => {
    // A TypeScript user policy in this thread: tsx resolves it from the bundled module's own URL.
    const args = [
      'compare',
      SMALL,
      '--policies',
      'jsq,examples/policies/fastest-free.ts',
      '--format',
      'json',
    ];
    const bundled = await orchlab(...args, '--workers', '1');
    const modules = await orchlabWith({ ORCHLAB_NO_BUNDLE: '1' }, [...args, '--workers', '1']);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(modules.code, modules.stderr).toBe(0);
    expect(bundled.stdout).toBe(modules.stdout);
    expect(JSON.parse(bundled.stdout).runs).toHaveLength(2);
    expect((await orchlab('--version')).stdout.trim()).toBe(VERSION);
  });

  it('runs its workers from the bundle, whose code cache V8 accepts', async () => {
    expect(workerFileName('dist/src/runner')).toBe('worker-loader.js');
    const loader = (await import(pathToFileURL(resolve('dist/src/runner/worker-loader.js')).href)) as {
      codeCache: string;
      default: unknown;
      ready: unknown;
    };
    expect(loader.codeCache).toBe('used');
    expect(typeof loader.default).toBe('function');
    expect(typeof loader.ready).toBe('function');
  });

  it('prints the same bytes with --workers 1 (this thread) and --workers 2 (bundled workers)', async () => {
    const args = ['compare', SMALL, '--policies', 'jsq,random,shared-queue', '--format', 'json'];
    const one = await orchlab(...args, '--workers', '1');
    const two = await orchlab(...args, '--workers', '2');
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).runs).toHaveLength(3);
  });

  it('loads a TypeScript user policy inside a bundled worker (tsx stays a package)', async () => {
    const r = await orchlab(
      'compare',
      SMALL,
      '--policies',
      'jsq,test/fixtures/policies/throws.ts',
      '--format',
      'json',
      '--workers',
      '2',
    );
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.failures[0].error).toContain("policy 'throws-on-ten' threw: Error: boom");
  });
});
