// The pool's worker thread when orchlab runs from dist/: it loads the bundled worker
// (worker.bundle.cjs, everything worker.ts imports in one file) through V8's code cache
// (worker.bundle.cache). Both are made by scripts/bundle-worker.mjs after tsc. A missing or
// stale cache only costs time (the bundle is compiled from source); a bundle that cannot be
// loaded at all costs the speed-up only: the thread falls back to the compiled worker.js.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { decodeCache, runCommonJs, wrapCommonJs } from './code-cache.js';
import { installImporter } from './dynamic-import.js';
import type { RunOutcome } from './executor.js';
import type { PoolTask, ReadyTask } from './worker.js';

interface WorkerModule {
  default: (task: PoolTask) => Promise<RunOutcome>;
  ready: (task: ReadyTask) => boolean;
}

type CacheStatus = 'used' | 'rejected' | 'missing';

function cachedData(bundle: string, bytes: Uint8Array): Buffer | undefined {
  try {
    return decodeCache(bytes, readFileSync(bundle.replace(/\.cjs$/, '.cache')));
  } catch {
    return undefined;
  }
}

function loadBundle(): { worker: WorkerModule; cache: CacheStatus } {
  const bundle = fileURLToPath(new URL('./worker.bundle.cjs', import.meta.url));
  const bytes = readFileSync(bundle);
  const wrapped = wrapCommonJs(bytes.toString('utf8'));
  const data = cachedData(bundle, bytes);
  const script = new Script(wrapped, {
    filename: bundle,
    ...(data === undefined ? {} : { cachedData: data }),
  });
  // import() cannot run inside the bundle (dynamic-import.ts): it imports through this module.
  installImporter((specifier) => import(specifier));
  const worker = runCommonJs(script, bundle) as Partial<WorkerModule>;
  if (typeof worker.default !== 'function' || typeof worker.ready !== 'function')
    throw new Error('the bundle does not export the worker');
  return {
    worker: worker as WorkerModule,
    cache: data === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used',
  };
}

let loaded: { worker: WorkerModule; cache: CacheStatus | 'failed' };
try {
  loaded = loadBundle();
} catch (err) {
  process.stderr.write(
    `orchlab: the bundled worker failed to load (${err instanceof Error ? err.message : String(err)}); ` +
      'using the compiled modules; `npm run build` rebuilds the bundle\n',
  );
  loaded = { worker: (await import('./worker.js')) as WorkerModule, cache: 'failed' };
}

/** How this thread started: from the code cache, or why not (tests check the build's bundle). */
export const codeCache: CacheStatus | 'failed' = loaded.cache;

export default loaded.worker.default;
export const ready = loaded.worker.ready;
