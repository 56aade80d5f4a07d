// The pool's worker thread when orchlab runs from dist/: it loads the bundled worker
// (worker.bundle.cjs, everything worker.ts imports in one file) through V8's code cache
// (worker.bundle.cache). Both are made by scripts/bundle-worker.mjs after tsc. A missing or
// stale cache only costs time: the bundle is then compiled from source.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { decodeCache, wrapCommonJs } from './code-cache.js';
import { installImporter } from './dynamic-import.js';
import type { ReadyTask } from './worker.js';
import type { RunOutcome, RunTask } from './executor.js';

interface WorkerModule {
  default: (task: RunTask) => Promise<RunOutcome>;
  ready: (task: ReadyTask) => boolean;
}

type ModuleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

const bundle = fileURLToPath(new URL('./worker.bundle.cjs', import.meta.url));
const wrapped = wrapCommonJs(readFileSync(bundle, 'utf8'));

function cachedData(): Buffer | undefined {
  try {
    return decodeCache(wrapped, readFileSync(bundle.replace(/\.cjs$/, '.cache')));
  } catch {
    return undefined;
  }
}

const data = cachedData();
const script = new Script(wrapped, {
  filename: bundle,
  ...(data === undefined ? {} : { cachedData: data }),
});
// import() inside the bundle would fail (dynamic-import.ts): it imports through this module.
installImporter((specifier) => import(specifier));

/** Whether this thread started from the code cache (tests check the build made a usable one). */
export const codeCache: 'used' | 'rejected' | 'missing' =
  data === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used';

const mod = { exports: {} as WorkerModule };
(script.runInThisContext() as ModuleFunction)(
  mod.exports,
  createRequire(bundle),
  mod,
  bundle,
  dirname(bundle),
);

export default mod.exports.default;
export const ready = mod.exports.ready;
