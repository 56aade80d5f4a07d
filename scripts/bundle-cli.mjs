// Bundles the CLI (dist/src/cli/bin.js, everything it imports and its packages) into a few ES
// modules in dist/src/cli/bundle/ (bin.js, a chunk per command, shared chunks), which
// bin/orchlab.js loads while they are fresh (src/bundle-fresh.ts, against manifest.json there).
// A command then starts without resolving, reading and linking some 360 modules. Run after tsc,
// by `npm run build`.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { manifestFiles, writeManifest } from './bundle-manifest.mjs';

const entry = 'dist/src/cli/bin.js';
if (!existsSync(entry)) {
  console.error(`bundle-cli: ${entry} is missing: run tsc -p tsconfig.build.json first`);
  process.exit(2);
}
const outdir = resolve('dist/src/cli/bundle');
const out = resolve(outdir, 'bin.js');
const manifest = resolve(outdir, 'manifest.json');
// The last build's files stay (a command already running loads its chunks later: the report's
// after the runs), but without a manifest the bundle is not used until this build succeeds.
const previous = manifestFiles(manifest);
rmSync(manifest, { force: true });
// Inputs compiled after this moment (tsc --watch during the build) must count as newer.
const started = new Date();

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
  // Stacks map to src/*.ts under --enable-source-maps (through tsc's maps).
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  metafile: true,
});
// Chunks are named by their content, so a running command's chunks are never overwritten with
// other code; the entry goes last, whole (renamed into place), dated when the build started.
mkdirSync(outdir, { recursive: true });
const files = result.outputFiles.map((f) => relative(outdir, f.path));
for (const file of result.outputFiles) if (file.path !== out) writeFileSync(file.path, file.contents);
writeFileSync(`${out}.tmp`, result.outputFiles.find((f) => f.path === out).contents);
renameSync(`${out}.tmp`, out);
utimesSync(out, started, started);

// The bundle must start: a broken one is removed, and the build fails.
try {
  const version = execFileSync(process.execPath, [out, '--version'], { encoding: 'utf8' }).trim();
  const expected = JSON.parse(await readFile('package.json', 'utf8')).version;
  if (version !== expected) throw new Error(`--version printed ${JSON.stringify(version)}, not ${expected}`);
} catch (err) {
  console.error(`bundle-cli: the bundled CLI does not start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
// What went into it: bin/orchlab.js loads the bundle only while none of these is newer.
writeManifest(manifest, result.metafile, files);
// Files of builds before the last one go.
const keep = new Set([...files, ...previous, 'manifest.json']);
for (const file of readdirSync(outdir)) if (!keep.has(file)) rmSync(resolve(outdir, file), { force: true });
