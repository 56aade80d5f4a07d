// Which file a pool's worker threads load from dist/: the bundled worker (worker-loader.js over
// worker.bundle.cjs, made by `npm run build` after tsc) while nothing that went into the bundle
// (listed in worker.bundle.json: compiled modules, and packages by their directory) is newer. After `tsc` alone, `tsc --watch` or a
// dependency update the bundle would hold old code, and workers would compute something else
// than the main thread: then, or with no bundle, the compiled worker.js.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function modified(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

function bundleInputs(runnerDir: string): string[] | undefined {
  try {
    const { inputs } = JSON.parse(readFileSync(join(runnerDir, 'worker.bundle.json'), 'utf8')) as {
      inputs?: unknown;
    };
    return Array.isArray(inputs) && inputs.every((i) => typeof i === 'string') ? inputs : undefined;
  } catch {
    return undefined;
  }
}

/** The worker module's file name inside `runnerDir` (dist/src/runner under the project root). */
export function workerFileName(runnerDir: string): 'worker-loader.js' | 'worker.js' {
  const bundled = modified(join(runnerDir, 'worker.bundle.cjs'));
  const inputs = bundleInputs(runnerDir);
  if (Number.isNaN(bundled) || inputs === undefined) return 'worker.js';
  const root = resolve(runnerDir, '..', '..', '..');
  // A missing input (NaN) fails the comparison too.
  return inputs.every((input) => modified(join(root, input)) <= bundled) ? 'worker-loader.js' : 'worker.js';
}
