// Bundles the pool's worker thread (dist/src/runner/worker.js and everything it imports, zod and
// d3-array included) into one file, dist/src/runner/worker.bundle.js. A worker loads it in about
// a third of the time the ~100-file module graph takes (one file to resolve and read, not a
// hundred), and a comparison starts one worker per core. Run after tsc, by `npm run build`.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const entry = 'dist/src/runner/worker.js';
if (!existsSync(entry)) {
  console.error(`bundle-worker: ${entry} is missing: run tsc -p tsconfig.build.json first`);
  process.exit(2);
}
await build({
  entryPoints: [entry],
  outfile: 'dist/src/runner/worker.bundle.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // tsx loads user policies written in TypeScript; it installs loader hooks and stays a package.
  external: ['tsx', 'tsx/*'],
  legalComments: 'none',
  logLevel: 'warning',
});
