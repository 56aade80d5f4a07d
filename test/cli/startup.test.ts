// Start-up stays lazy: `orchlab --version`, `--help` and `orchlab <cmd> --help` load commander and
// the command registrations only, and a command loads its own implementation, not the others'.
// Runs the built CLI (bin/orchlab.js over dist/, which `npm test` builds first; after editing
// src/, `npm run build`) under a loader hook, fixtures/record-modules.mjs, that logs the URL of
// every module the process loads: the compiled modules (ORCHLAB_NO_BUNDLE), whose module graph
// says what each command pulls in, and the bundle users run (dist/src/cli/bundle/), whose chunks
// keep that laziness.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HOOK = pathToFileURL(resolve('test/cli/fixtures/record-modules.mjs')).href;
const DIST = `${pathToFileURL(resolve('dist')).href}/`;
const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'orchlab-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Loaded {
  /** Modules of the project, relative to dist/ (e.g. src/cli/main.js). */
  readonly project: string[];
  /** Packages from node_modules (e.g. commander). */
  readonly packages: string[];
}

let count = 0;

/** The modules `orchlab ...args` loads, run as users run it. */
async function loadedBy(...args: string[]): Promise<Loaded> {
  return loaded(await moduleUrls({ ORCHLAB_NO_BUNDLE: '1' }, args));
}

/** The URLs of the modules `orchlab ...args` loads, with `env` added to the environment. */
async function moduleUrls(env: Record<string, string>, args: readonly string[]): Promise<string[]> {
  const log = join(tmp, `modules-${count++}.log`);
  await run(process.execPath, ['--import', HOOK, 'bin/orchlab.js', ...args], {
    env: { ...process.env, ...env, ORCHLAB_MODULE_LOG: log },
    maxBuffer: 1 << 26,
  });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

function loaded(urls: readonly string[]): Loaded {
  const packages = urls.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match === null ? [] : [match[1]!];
  });
  return {
    project: urls.filter((url) => url.startsWith(DIST)).map((url) => url.slice(DIST.length)),
    packages: [...new Set(packages)].sort(),
  };
}

/** What start-up may load: the CLI's registration code and the small modules it uses. */
const startup = /^src\/(cli\/(?!actions\/)|io\/|errors\.js$|version\.js$|plural\.js$)/;

describe('orchlab start-up', () => {
  it('runs the built CLI', () => {
    expect(existsSync('dist/src/cli/main.js'), 'dist/ is missing: run `npm run build`').toBe(true);
  });

  for (const args of [['--version'], ['--help'], ['run', '--help'], ['trace', 'inspect', '--help']]) {
    it(`\`orchlab ${args.join(' ')}\` loads commander and the command registrations only`, async () => {
      const loaded = await loadedBy(...args);
      expect(loaded.project).toContain('src/cli/main.js');
      expect(loaded.project).toContain('src/cli/commands/run.js');
      expect(loaded.project.filter((m) => !startup.test(m))).toEqual([]);
      expect(loaded.packages).toEqual(['commander']);
    });
  }

  it('`orchlab run` loads the simulator but not the report, conformance or other commands', async () => {
    const loaded = await loadedBy('run', SMALL, '--replications', '1', '--workers', '1', '--quiet');
    expect(loaded.project).toContain('src/cli/actions/run.js');
    expect(loaded.project).toContain('src/sim/simulate.js');
    const others = /^src\/(report\/|runner\/conformance|cli\/actions\/(?!run\.js$))/;
    expect(loaded.project.filter((m) => others.test(m))).toEqual([]);
    expect(loaded.packages.filter((p) => p.startsWith('vega'))).toEqual([]);
  });

  describe('from the bundle (dist/src/cli/bundle/, what users run)', () => {
    const BUNDLE = 'dist/src/cli/bundle/';
    const size = (url: string) => statSync(fileURLToPath(url)).size;
    // The build's own chunks (the folder also keeps the previous build's, and source maps).
    const files = (JSON.parse(readFileSync(join(BUNDLE, 'manifest.json'), 'utf8')) as { files: string[] })
      .files;
    const bundleBytes = files
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + statSync(join(BUNDLE, f)).size, 0);

    it('`orchlab --version` reads bundled code only, and under a sixth of it', async () => {
      const urls = await moduleUrls({}, ['--version']);
      const files = urls.filter((u) => u.startsWith('file:'));
      const bundled = files.filter((u) => u.startsWith(`${DIST}src/cli/bundle/`));
      expect(bundled.map((u) => u.slice(DIST.length))).toContain('src/cli/bundle/bin.js');
      // Besides the bundle: bin/orchlab.js and the freshness check it runs first.
      expect(files.filter((u) => !bundled.includes(u)).map((u) => u.slice(u.lastIndexOf('/') + 1))).toEqual([
        'orchlab.js',
        'bundle-fresh.js',
      ]);
      const read = bundled.reduce((sum, u) => sum + size(u), 0);
      expect(read).toBeLessThan(bundleBytes / 6);
    });

    it('`orchlab run` loads its chunks and no vega package', async () => {
      const urls = await moduleUrls({}, ['run', SMALL, '--replications', '1', '--workers', '1', '--quiet']);
      const { project, packages } = loaded(urls);
      expect(project.some((m) => /^src\/cli\/bundle\/run-[A-Z0-9]+\.js$/.test(m))).toBe(true);
      expect(project.filter((m) => !m.startsWith('src/cli/bundle/') && m !== 'src/bundle-fresh.js')).toEqual(
        [],
      );
      expect(packages.filter((p) => p.startsWith('vega'))).toEqual([]);
    });
  });
});
