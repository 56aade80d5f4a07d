// Which file a pool's worker threads load from dist/: the bundled worker (worker-loader.js over
// worker.bundle.cjs, made by `npm run build` after tsc) while nothing that went into the bundle
// (listed in worker.bundle.json) is newer; else the compiled worker.js, so workers never compute
// something else than the main thread (bundle-fresh.ts).
import { join, resolve } from 'node:path';
import { bundleIsFresh } from '../bundle-fresh.js';

/** The worker module's file name inside `runnerDir` (dist/src/runner under the project root). */
export function workerFileName(runnerDir: string): 'worker-loader.js' | 'worker.js' {
  const root = resolve(runnerDir, '..', '..', '..');
  const fresh = bundleIsFresh(
    join(runnerDir, 'worker.bundle.cjs'),
    join(runnerDir, 'worker.bundle.json'),
    root,
  );
  return fresh ? 'worker-loader.js' : 'worker.js';
}
