// --cache DIR: a run already computed for the same inputs is read back instead of re-run.
// The key is the SHA-256 of the normalized scenario (keys sorted; the replication-count fields,
// which cannot change one replication, left out), the policy's name and parameters, the seed,
// the replication, the orchlab version and the contents of every file the run reads (a trace; a
// policy module and the local files it imports, followed recursively: module-graph.ts). One JSON
// file per run, written atomically; a file that does not parse or does not match its key is a
// miss. Only successful runs are cached.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../io/write-atomic.js';
import { VERSION } from '../version.js';
import type { Executor, RunOutcome, RunTask } from './executor.js';
import { throwIfAborted } from './executor.js';
import { createModuleHasher, type ModuleGraph } from './module-graph.js';
import { resolvePolicy } from './resolve-policy.js';
import type { ReplicationSummary } from './run-result.js';
import { isPolicyPath } from './user-policy.js';

export const CACHE_FORMAT = 'orchlab.cache/1';

/** Scenario fields that only say how many replications to run. */
const NOT_IN_KEY = new Set(['replications', 'precision', 'maxReplications', 'description', '$schema']);

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

const fileHashes = new Map<string, string>();

function fileHash(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isFile()) return undefined;
  const memo = `${path}\0${stat.size}\0${stat.mtimeMs}`;
  let hash = fileHashes.get(memo);
  if (hash === undefined) {
    hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    fileHashes.set(memo, hash);
  }
  return hash;
}

/** Hashes of the files a scenario names in a `file:` field anywhere (a trace). */
function inputFiles(scenario: RunTask['scenario']): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) {
        if (k === 'file' && typeof v === 'string') files[v] = fileHash(v) ?? 'missing';
        else visit(v);
      }
  };
  visit(scenario);
  return files;
}

/** Hashes a policy module and the local files it imports (one hasher per command reads each file once). */
export type PolicyHasher = (path: string) => ModuleGraph;

/**
 * The cache key of one run (64 hex digits). Needs the run's policy module loaded. Pass one
 * `hashPolicy` for all the runs of a command; without it, the policy's files are read afresh.
 */
export function runKey(task: RunTask, hashPolicy: PolicyHasher = createModuleHasher()): string {
  const { definition, params } = resolvePolicy(task.scenario.routing);
  const scenario = Object.fromEntries(Object.entries(task.scenario).filter(([k]) => !NOT_IN_KEY.has(k)));
  const files = inputFiles(task.scenario);
  const policy = task.scenario.routing.policy;
  const graph = isPolicyPath(policy) ? hashPolicy(policy) : undefined;
  if (graph !== undefined) files[policy] = graph.hash ?? 'missing';
  const inputs = {
    orchlab: VERSION,
    scenario,
    policy: { name: definition.name, params },
    seed: task.scenario.seed,
    replication: task.replication,
    files,
    // Only when there are any: the key of a policy that imports nothing stays what it was.
    policyImports: graph !== undefined && Object.keys(graph.imports).length > 0 ? graph.imports : undefined,
  };
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

// JSON has no NaN or ±Infinity (a run without keys has affinityHitRate NaN): store them tagged.
const encode = (_key: string, v: unknown) =>
  typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v;
const decode = (_key: string, v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as { $number?: unknown }).$number === 'string'
    ? Number((v as { $number: string }).$number)
    : v;

interface CacheFile {
  readonly format: string;
  readonly orchlab: string;
  readonly key: string;
  readonly summary: ReplicationSummary;
}

export function readCachedRun(dir: string, key: string, replication: number): ReplicationSummary | undefined {
  const path = join(dir, `${key}.json`);
  if (!existsSync(path)) return undefined;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8'), decode) as CacheFile;
    const fits =
      file.format === CACHE_FORMAT && file.key === key && file.summary?.replication === replication;
    return fits ? file.summary : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedRun(dir: string, key: string, summary: ReplicationSummary): void {
  const file: CacheFile = { format: CACHE_FORMAT, orchlab: VERSION, key, summary };
  writeAtomic(join(dir, `${key}.json`), JSON.stringify(file, encode));
}

/** An executor that answers from `dir` what it can and hands the rest to `inner`, caching what it runs. */
export function cachingExecutor(dir: string, inner: Executor): Executor {
  // One per command: every run of a policy, and every round of replications: auto, shares it.
  const hashPolicy = createModuleHasher();
  return async (tasks, options) => {
    throwIfAborted(options.signal);
    const keys = tasks.map((task) => runKey(task, hashPolicy));
    const outcomes = new Array<RunOutcome>(tasks.length);
    const missing: number[] = [];
    tasks.forEach((task, i) => {
      const summary = readCachedRun(dir, keys[i]!, task.replication);
      if (summary === undefined) {
        missing.push(i);
        return;
      }
      outcomes[i] = { ok: true, summary, cached: true };
      options.onOutcome?.(i, outcomes[i]);
    });
    const ran = await inner(
      missing.map((i) => tasks[i]!),
      {
        signal: options.signal,
        onOutcome: (j, outcome) => {
          const i = missing[j]!;
          if (outcome.ok) writeCachedRun(dir, keys[i]!, outcome.summary);
          options.onOutcome?.(i, outcome);
        },
        onPulse: (j, pulse) => options.onPulse?.(missing[j]!, pulse),
      },
    );
    ran.forEach((outcome, j) => {
      outcomes[missing[j]!] = outcome;
    });
    return outcomes;
  };
}
