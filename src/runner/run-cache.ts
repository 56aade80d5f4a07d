// --cache DIR: a run already computed for the same inputs is read back instead of re-run.
// The key is the SHA-256 of the normalized scenario (keys sorted; the fields that cannot change
// one replication left out: the replication count, the objective policies are ranked by), the
// policy's name and parameters, the seed, the replication, the orchlab version and the contents
// of every file the run reads (a trace; a policy module and the local files it imports, followed
// recursively: module-graph.ts). One JSON
// file per run, written atomically, carrying the SHA-256 of the canonical JSON of the summary it
// stores; a file that does not parse, or whose format, key, checksum or shape does not match, is
// a miss (the run is then recomputed and the file rewritten). Only successful runs are cached.
// The cache is an optimisation: a write that fails prints one warning and the command goes on
// without writing to it. Temporary files a killed orchlab left in it are removed once per command.
// A directory that can be read but not written (a shared cache mounted read-only, a full disk) is
// read from and never written to, with one warning up front.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { readOnlyReason } from '../io/writable.js';
import { removeStaleTemps, writeAtomic } from '../io/write-atomic.js';
import { VERSION } from '../version.js';
import type { Executor, RunOutcome, RunTask } from './executor.js';
import { throwIfAborted } from './executor.js';
import { createModuleHasher, type ModuleGraph } from './module-graph.js';
import { resolvePolicy } from './resolve-policy.js';
import type { ReplicationSummary } from './run-result.js';
import { isPolicyPath } from './user-policy.js';
import { isMapping } from '../is-mapping.js';

/**
 * The file layout, and the revision of what a run gives for the same inputs: a file of another
 * format is a miss, then rewritten. Bump it when runs of the same inputs change (VERSION stays
 * 0.1.0 between releases). /1 had no checksum; /2's runs predate workloadEnded and skippedRows
 * and read traces as they no longer are (a CSV row with an extra field, the first row's unit).
 */
export const CACHE_FORMAT = 'orchlab.cache/3';

/** Scenario fields that change no replication: how many to run, how policies are ranked, words. */
const NOT_IN_KEY = new Set([
  'replications',
  'precision',
  'maxReplications',
  'objective',
  'description',
  '$schema',
]);

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

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** The stored tree with its tags turned back into numbers (an unknown tag stays an object: a wrong shape). */
function decodeNumbers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeNumbers);
  if (!isMapping(v)) return v;
  const keys = Object.keys(v);
  const tag = v.$number;
  if (keys.length === 1 && typeof tag === 'string' && Object.hasOwn(NON_FINITE, tag)) return NON_FINITE[tag];
  return Object.fromEntries(keys.map((k) => [k, decodeNumbers(v[k])]));
}

/** SHA-256 of the canonical JSON of a stored (tagged) tree. */
const checksumOf = (stored: unknown): string =>
  createHash('sha256').update(canonicalJson(stored)).digest('hex');

// The shape of a ReplicationSummary, checked on every hit: a field missing, of the wrong type or
// not known makes the file a miss rather than a crash or a wrong figure further on.
type Check = (v: unknown) => boolean;
const number: Check = (v) => typeof v === 'number';
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const string: Check = (v) => typeof v === 'string';
const arrayOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const recordOf =
  (value: Check): Check =>
  (v) =>
    isMapping(v) && Object.values(v).every(value);
/** An object with exactly these fields (the optional ones may be absent), each passing its check. */
const shape =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v) =>
    isMapping(v) &&
    Object.entries(required).every(([k, check]) => Object.hasOwn(v, k) && check(v[k])) &&
    Object.keys(v).every(
      (k) => Object.hasOwn(required, k) || (Object.hasOwn(optional, k) && optional[k]!(v[k])),
    );

const quantiles = shape({ mean: number, p50: number, p90: number, p95: number, p99: number, p999: number });
const isSummary = shape(
  {
    replication: count,
    events: count,
    decisionHash: string,
    warmupEndSeconds: number,
    endSeconds: number,
    metrics: shape({
      responseTime: quantiles,
      waitTime: quantiles,
      throughput: number,
      utilization: number,
      utilizationByGroup: recordOf(number),
      numberInSystem: number,
      numberInQueue: number,
      completed: count,
      rejected: count,
      cost: number,
      costPerTask: number,
      affinityHitRate: number,
      prefixHitRate: number,
      classes: recordOf(
        shape({ responseTime: quantiles, waitTime: quantiles, completed: count, rejected: count }),
      ),
    }),
    timeline: shape(
      {
        bucketSeconds: number,
        numberInSystem: arrayOf(number),
        numberInQueue: arrayOf(number),
        utilization: arrayOf(number),
        completed: arrayOf(count),
      },
      { agentUtilization: arrayOf(arrayOf(number)) },
    ),
  },
  {
    warmupCut: shape({ completed: count, seconds: number }, { atLimit: (v) => v === true }),
    workloadEnded: (v) => v === true,
    skippedRows: shape({ rows: count, reasons: arrayOf(string) }),
  },
);

/**
 * A cache file, one line of JSON:
 * `{"format":"orchlab.cache/3","orchlab":VERSION,"key":KEY,"checksum":SHA256,"summary":{...}}`
 * where `checksum` is the SHA-256 (hex) of the canonical JSON (canonicalJson) of `summary` as
 * stored, its non-finite numbers tagged `{"$number":"NaN"}`. `summary` keeps the run's own field
 * order, so a hit gives the same bytes as the run.
 */
interface CacheFile {
  readonly format: string;
  readonly orchlab: string;
  readonly key: string;
  readonly checksum: string;
  readonly summary: unknown;
}

/** The summary cached under `key`, or undefined for a miss (no file, or one that does not check out). */
export function readCachedRun(dir: string, key: string, replication: number): ReplicationSummary | undefined {
  const path = join(dir, `${key}.json`);
  if (!existsSync(path)) return undefined;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!isMapping(file) || file.format !== CACHE_FORMAT || file.key !== key || !isMapping(file.summary))
      return undefined;
    if (file.checksum !== checksumOf(file.summary)) return undefined;
    const summary = decodeNumbers(file.summary);
    return isSummary(summary) && (summary as ReplicationSummary).replication === replication
      ? (summary as ReplicationSummary)
      : undefined;
  } catch {
    // Unreadable (a directory, no permission) or not JSON.
    return undefined;
  }
}

/** Writes one cache file atomically; throws an InputError naming `--cache DIR` when it cannot. */
export function writeCachedRun(dir: string, key: string, summary: ReplicationSummary): void {
  const stored = JSON.stringify(summary, encode);
  const checksum = checksumOf(JSON.parse(stored));
  const head = { format: CACHE_FORMAT, orchlab: VERSION, key, checksum } satisfies Omit<CacheFile, 'summary'>;
  writeAtomic(
    join(dir, `${key}.json`),
    `${JSON.stringify(head).slice(0, -1)},"summary":${stored}}`,
    `--cache ${dir}: ${key}.json`,
    // cachingExecutor sweeps the directory once: not a listing of it per entry.
    { keepStale: true },
  );
}

/** What the cache writes: `KEY.json`, KEY a SHA-256 in hex. Only their temporary files are swept. */
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;

export interface CachingOptions {
  /** Where the one warning of a read-only cache or a failed cache write goes (stderr by default). */
  readonly warn?: (line: string) => void;
  /**
   * Why the directory is read-only, or undefined when it may be written: io/writable.ts's
   * readOnlyReason by default. Tests pass their own (as root, a chmod 0555 directory is writable).
   */
  readonly readOnly?: (dir: string) => string | undefined;
}

/**
 * An executor that answers from `dir` what it can and hands the rest to `inner`, caching what it
 * runs. Make one per command: when a write fails (a full disk, the directory removed for a file),
 * it warns once, `orchlab: --cache DIR: KEY.json: cannot write (reason); the runs go on, no more
 * of them cached`, writes nothing more, and the runs and their results go on. A read-only `dir`
 * (readOnlyReason: no permission, a read-only mount, a full disk) is said once as the executor is
 * made, `orchlab: --cache DIR: cannot write (reason); cached runs are read, new runs are not
 * stored`, and is never written to.
 */
export function cachingExecutor(dir: string, inner: Executor, options: CachingOptions = {}): Executor {
  const warn = options.warn ?? ((line: string) => process.stderr.write(line));
  const readOnly = (options.readOnly ?? readOnlyReason)(dir);
  if (readOnly !== undefined)
    warn(
      `orchlab: --cache ${dir}: cannot write (${readOnly}); cached runs are read, new runs are not stored\n`,
    );
  // Nothing can be removed from a read-only directory: no sweep to try.
  else removeStaleTemps(dir, (name) => ENTRY_NAME.test(name), Date.now());
  // One per command: every run of a policy, and every round of replications: auto, shares it.
  const hashPolicy = createModuleHasher();
  let writing = readOnly === undefined;
  const save = (key: string, summary: ReplicationSummary): void => {
    if (!writing) return;
    try {
      writeCachedRun(dir, key, summary);
    } catch (err) {
      if (!(err instanceof InputError || err instanceof OutputError)) throw err;
      writing = false;
      warn(`orchlab: ${err.message}; the runs go on, no more of them cached\n`);
    }
  };
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
          if (outcome.ok) save(keys[i]!, outcome.summary);
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
