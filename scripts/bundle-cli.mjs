// Bundles the CLI (dist/src/cli/bin.js, everything it imports and its packages) into a few ES
// modules in dist/src/cli/bundle/ (bin.js, a chunk per command, shared chunks), which
// bin/orchlab.js loads while they are fresh (src/bundle-fresh.ts, against manifest.json there).
// A command then starts without resolving, reading and linking some 360 modules. Run after tsc,
// by `npm run build`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { writeManifest } from './bundle-manifest.mjs';

const entry = 'dist/src/cli/bin.js';
if (!existsSync(entry)) {
  console.error(`bundle-cli: ${entry} is missing: run tsc -p tsconfig.build.json first`);
  process.exit(2);
}
const outdir = resolve('dist/src/cli/bundle');
const out = resolve(outdir, 'bin.js');
// An old bundle must not outlive a failed build.
rmSync(outdir, { recursive: true, force: true });

// Each compiled module keeps its own URL: import.meta.url becomes the URL the module has
// unbundled (the pool finds its worker beside pool.js, the version walks up from version.js).
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const path = relative(outdir, args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(path)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  outdir,
  // A chunk per command, loaded when the command runs: --version and --help read little.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // tsx installs loader hooks; piscina starts its threads from its own files; vega's packages
  // load only for reports, and a report reads their browser builds from node_modules anyway.
  external: ['tsx', 'tsx/*', 'piscina', 'vega', 'vega-lite', 'vega-embed'],
  // The CommonJS packages bundled here call require() for Node's modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [ownUrl],
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  metafile: true,
});
mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) writeFileSync(file.path, file.contents);

// The bundle must start: a broken one is removed, and the build fails.
try {
  const version = execFileSync(process.execPath, [out, '--version'], { encoding: 'utf8' }).trim();
  const expected = JSON.parse(await readFile('package.json', 'utf8')).version;
  if (version !== expected) throw new Error(`--version printed ${JSON.stringify(version)}, not ${expected}`);
} catch (err) {
  rmSync(outdir, { recursive: true, force: true });
  console.error(`bundle-cli: the bundled CLI does not start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
// What went into it: bin/orchlab.js loads the bundle only while none of these is newer.
writeManifest(resolve(outdir, 'manifest.json'), result.metafile);
