// Bundles the pool's worker thread (dist/src/runner/worker.js and everything it imports, zod and
// d3-array included) into one CommonJS file, dist/src/runner/worker.bundle.cjs, and saves V8's
// code cache for it (worker.bundle.cache), which dist/src/runner/worker-loader.js loads. A
// worker then starts in about 50 ms instead of 135 ms: one file instead of ~100 modules to
// resolve and read, and no parsing or compiling of its 900 KB. Run after tsc, by `npm run build`.
import { existsSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { build } from 'esbuild';
import { writeManifest } from './bundle-manifest.mjs';

const dir = 'dist/src/runner';
const entry = `${dir}/worker.js`;
if (!existsSync(entry)) {
  console.error(`bundle-worker: ${entry} is missing: run tsc -p tsconfig.build.json first`);
  process.exit(2);
}
const out = resolve(`${dir}/worker.bundle.cjs`);
// Inputs compiled after this moment (tsc --watch during the build) must count as newer.
const started = new Date();
const result = await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // tsx loads user policies written in TypeScript; it installs loader hooks and stays a package.
  external: ['tsx', 'tsx/*'],
  // CommonJS has no import.meta: give the modules that read it the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  metafile: true,
});
const source = result.outputFiles[0].text;
// Whole, for a thread that starts meanwhile, and dated when the build started.
writeFileSync(`${out}.tmp`, source);
renameSync(`${out}.tmp`, out);
utimesSync(out, started, started);
// What went into it: the pool loads the bundle only while none of these is newer.
writeManifest(`${dir}/worker.bundle.json`, result.metafile);

// Compile and run the bundle once, as a worker would, then keep what V8 compiled.
const { encodeCache, runCommonJs, wrapCommonJs } = await import(
  pathToFileURL(resolve(`${dir}/code-cache.js`)).href
);
const script = new Script(wrapCommonJs(source), { filename: out });
const worker = runCommonJs(script, out);
if (typeof worker.default !== 'function' || typeof worker.ready !== 'function')
  throw new Error('bundle-worker: the bundle does not export the worker (default and ready)');
// Short runs of the bundled scenario under every built-in policy, so the simulator's functions
// are compiled too and land in the cache (V8 compiles a function when first called).
const { routingPolicyNames } = await import(
  pathToFileURL(resolve('dist/src/policies/routing/index.js')).href
);
const { loadScenarioFile } = await import(pathToFileURL(resolve('dist/src/workload/load-scenario.js')).href);
const scenario = loadScenarioFile('scenarios/mmc.yaml', {
  knownPolicies: routingPolicyNames,
  overrides: ['stop.completed=2000', 'warmup.completed=200'],
});
for (const policy of routingPolicyNames) {
  const outcome = await worker.default({
    task: { scenario: { ...scenario, routing: { policy } }, replication: 0 },
    pulses: new SharedArrayBuffer(worker.PULSE_CELLS * 8),
    index: 0,
  });
  if (!outcome.ok) throw new Error(`bundle-worker: a short ${policy} run failed: ${outcome.error}`);
}
const cache = out.replace(/\.cjs$/, '.cache');
writeFileSync(`${cache}.tmp`, encodeCache(Buffer.from(source, 'utf8'), script.createCachedData()));
renameSync(`${cache}.tmp`, cache);
