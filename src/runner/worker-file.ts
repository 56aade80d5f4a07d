// Which file a pool's worker threads load from dist/: the bundled worker (worker-loader.js over
// worker.bundle.cjs, made by `npm run build` after tsc) when the bundle is at least as new as the
// compiled worker.js. tsc rewrites every output on each build, so a worker.js newer than the
// bundle means a bare tsc ran since: the bundle would hold old code and workers would compute
// something else than the main thread. Then, or with no bundle, the compiled worker.js.
import { statSync } from 'node:fs';
import { join } from 'node:path';

function modified(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The worker module's file name inside `runnerDir` (dist/src/runner). */
export function workerFileName(runnerDir: string): 'worker-loader.js' | 'worker.js' {
  const bundled = modified(join(runnerDir, 'worker.bundle.cjs'));
  const compiled = modified(join(runnerDir, 'worker.js'));
  return bundled !== undefined && compiled !== undefined && compiled <= bundled
    ? 'worker-loader.js'
    : 'worker.js';
}
