// --cache: an entry carries the SHA-256 of what it stores, and a damaged one (a figure missing, of
// the wrong type or edited, a file of an older format) is a miss, recomputed and rewritten: never a
// crash, never a wrong figure. A cache that cannot be written costs the caching, not the results.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeRuns } from '../../src/cli/execution.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess, executeRun } from '../../src/runner/executor.js';
import {
  CACHE_FORMAT,
  cachingExecutor,
  canonicalJson,
  readCachedRun,
  runKey,
  writeCachedRun,
} from '../../src/runner/run-cache.js';
import { VERSION } from '../../src/version.js';
import { loadScenarioFile } from '../../src/workload/load-scenario.js';
import { runCli } from '../support/run-cli.js';
import { SMALL_PATH, smallScenario } from './small-scenario.js';
import { withStderr } from '../support/with-stderr.js';
import { deadPid, leaveTemp } from '../support/left-temps.js';

/** The checksum a cache file carries: SHA-256 of the canonical JSON of its summary. */
const checksumOf = (summary: unknown) => createHash('sha256').update(canonicalJson(summary)).digest('hex');

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-cache-'));

/** `orchlab compare` on the small scenario in this thread, JSON on stdout (every figure of every replication). */
const compare = (...more: string[]) =>
  runCli(
    'compare',
    SMALL_PATH,
    '--policies',
    'jsq',
    '--replications',
    '2',
    '--workers',
    '1',
    '--quiet',
    '--format',
    'json',
    ...more,
  );

/** A cache file as parsed, as far as the damage below reaches into it. */
type StoredFile = Record<string, unknown> & { summary: { metrics?: { responseTime: { mean: unknown } } } };

/**
 * Fills a cache, replaces one of its files by `damage(file as parsed)` and runs the same command
 * again: what it printed, what a run without --cache prints, and the file before and after.
 */
async function afterDamage(damage: (file: StoredFile) => unknown) {
  const fresh = await compare();
  expect(fresh.code, fresh.stderr).toBe(0);
  const dir = scratch();
  expect((await compare('--cache', dir)).stdout).toBe(fresh.stdout);
  const path = join(dir, readdirSync(dir).sort()[0]!);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, JSON.stringify(damage(JSON.parse(before) as StoredFile)));
  const again = await compare('--cache', dir);
  return { ...again, fresh: fresh.stdout, before, after: readFileSync(path, 'utf8') };
}

describe('--cache: a damaged entry is a miss, recomputed and rewritten', () => {
  const cases: [string, (file: StoredFile) => unknown][] = [
    [
      'summary.metrics missing (the checksum made to match)',
      (file) => {
        delete file.summary.metrics;
        return { ...file, checksum: checksumOf(file.summary) };
      },
    ],
    [
      'a figure of the wrong type, a string for a mean (the checksum made to match)',
      (file) => {
        file.summary.metrics!.responseTime.mean = 'x';
        return { ...file, checksum: checksumOf(file.summary) };
      },
    ],
    [
      'a figure of the wrong type, the checksum left as it was',
      (file) => {
        file.summary.metrics!.responseTime.mean = 'x';
        return file;
      },
    ],
    [
      'a figure edited to another number (the checksum no longer matches)',
      (file) => {
        file.summary.metrics!.responseTime.mean = (file.summary.metrics!.responseTime.mean as number) * 2;
        return file;
      },
    ],
    [
      'a file of the previous format (orchlab.cache/1, no checksum) holding another figure',
      (file) => {
        file.summary.metrics!.responseTime.mean = 123;
        return { format: 'orchlab.cache/1', orchlab: file.orchlab, key: file.key, summary: file.summary };
      },
    ],
    [
      'another format version, with a checksum that matches its other figure',
      (file) => {
        file.summary.metrics!.responseTime.mean = 123;
        return { ...file, format: 'orchlab.cache/1', checksum: checksumOf(file.summary) };
      },
    ],
    [
      'a file of /2 (runs from before workloadEnded and the stricter trace reading), checksum and all',
      (file) => {
        file.summary.metrics!.responseTime.mean = 123;
        return { ...file, format: 'orchlab.cache/2', checksum: checksumOf(file.summary) };
      },
    ],
  ];
  for (const [name, damage] of cases)
    it(`${name}: the output is a fresh run's bytes`, async () => {
      const r = await afterDamage(damage);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(r.fresh);
      // Recomputed and written again, the same bytes as the first time.
      expect(r.after).toBe(r.before);
    });
});

describe('the cache file', () => {
  it('carries the SHA-256 of the canonical JSON of the summary it stores', () => {
    const dir = scratch();
    const task = { scenario: smallScenario(['replications=1']), replication: 0 };
    const outcome = executeRun(task);
    if (!outcome.ok) throw new Error(outcome.error);
    const key = runKey(task);
    writeCachedRun(dir, key, outcome.summary);
    const text = readFileSync(join(dir, `${key}.json`), 'utf8');
    const file = JSON.parse(text) as { summary: unknown } & Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'orchlab', 'key', 'checksum', 'summary']);
    expect(file).toMatchObject({ format: CACHE_FORMAT, orchlab: VERSION, key });
    expect(CACHE_FORMAT).toBe('orchlab.cache/3');
    expect(file.checksum).toBe(checksumOf(file.summary));
    // NaN is stored tagged, and the checksum covers the tag.
    expect(text).toContain('"affinityHitRate":{"$number":"NaN"}');
    // A formatter's whitespace and key order leave the checksum, and so the hit, standing.
    writeFileSync(join(dir, `${key}.json`), JSON.stringify(JSON.parse(canonicalJson(file)), null, 2));
    expect(readCachedRun(dir, key, 0)).toEqual(outcome.summary);
    writeFileSync(join(dir, `${key}.json`), text.slice(0, -10));
    expect(readCachedRun(dir, key, 0)).toBeUndefined();
    // No summary, a summary that is no object, another key: misses, not errors.
    for (const damaged of [
      { ...file, summary: undefined },
      { ...file, summary: null, checksum: checksumOf(null) },
      { ...file, summary: [], checksum: checksumOf([]) },
      { ...file, key: runKey({ ...task, replication: 1 }) },
    ]) {
      writeFileSync(join(dir, `${key}.json`), JSON.stringify(damaged));
      expect(readCachedRun(dir, key, 0)).toBeUndefined();
    }
  });

  it("reads back every bundled scenario's runs (classes, keys, prompt prefixes, warmup: auto): no false miss", () => {
    const dir = scratch();
    const short = ['stop={completed: 4000}', 'replications=1'];
    const early = 'warmup={completed: 400}';
    for (const [name, warmup] of [
      ['priority', early],
      ['sessions', early],
      ['llm-fleet', 'warmup=auto'],
      ['skills', 'warmup=auto'],
      ['bursty', early],
    ] as const) {
      const scenario = loadScenarioFile(`scenarios/${name}.yaml`, {
        overrides: [...short, warmup],
        knownPolicies: routingPolicyNames,
      });
      const task = { scenario, replication: 0 };
      const outcome = executeRun(task);
      if (!outcome.ok) throw new Error(`${name}: ${outcome.error}`);
      const key = runKey(task);
      writeCachedRun(dir, key, outcome.summary);
      const back = readCachedRun(dir, key, 0);
      expect(back, name).toEqual(outcome.summary);
      expect(JSON.stringify(back), name).toBe(JSON.stringify(outcome.summary));
      if (outcome.summary.warmupCut === undefined) continue;
      const atLimit = {
        ...outcome.summary,
        warmupCut: { ...outcome.summary.warmupCut, atLimit: true as const },
      };
      writeCachedRun(dir, key, atLimit);
      expect(readCachedRun(dir, key, 0), name).toEqual(atLimit);
    }
  });
});

describe('--cache when a write fails', () => {
  it('warns once on stderr, writes nothing more, and the runs and their results go on', async () => {
    const dir = scratch();
    const s = smallScenario(['replications=2']);
    let swapped = false;
    // After the up-front check and the first run's file: the directory becomes a file, so the
    // three later writes fail (as root too, unlike a read-only directory).
    const { value: result, stderr } = await withStderr(() =>
      executeRuns({ workers: '1', cache: dir, quiet: true }, (execute, options) =>
        runComparison(s, ['jsq', 'random'], execute, {
          ...options,
          onProgress: (p) => {
            options.onProgress?.(p);
            if (p.done === 1 && !swapped) {
              swapped = true;
              rmSync(dir, { recursive: true });
              writeFileSync(dir, 'not a directory');
            }
          },
        }),
      ),
    );
    expect(swapped).toBe(true);
    expect(stderr).toMatch(
      new RegExp(
        `^orchlab: --cache ${dir}: [0-9a-f]{64}\\.json: cannot write \\(a file is in the way of its folder\\); the runs go on, no more of them cached\n$`,
      ),
    );
    const whole = await runComparison(s, ['jsq', 'random'], executeInProcess);
    expect(JSON.stringify(result)).toBe(JSON.stringify(whole));
    expect(readFileSync(dir, 'utf8')).toBe('not a directory');
  });

  it('warns once per executor across rounds (replications: auto), through the warn option', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'placeholder'), '');
    const s = smallScenario(['replications=auto', 'maxReplications=12', 'precision=0.0001']);
    const lines: string[] = [];
    // A file in place of the directory from the start: every write fails, and there are several rounds.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    const execute = cachingExecutor(dir, executeInProcess, { warn: (line) => lines.push(line) });
    const cached = await runComparison(s, ['jsq'], execute);
    const whole = await runComparison(s, ['jsq'], executeInProcess);
    expect(cached.runs[0]!.replications).toBe(12);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(whole));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^orchlab: --cache ${dir}: [0-9a-f]{64}\\.json: cannot write \\(a file is in the way of its folder\\); the runs go on, no more of them cached\n$`,
      ),
    );
  });
});

describe('temporary files a killed orchlab left in the cache', () => {
  it('are removed when the next command uses the cache, once 10 minutes old; nothing else is', async () => {
    const dir = scratch();
    const dead = deadPid();
    const put = (name: string, stale = true) => leaveTemp(dir, name, stale);
    const left = put(`.${'a'.repeat(64)}.json.${dead}.tmp`);
    const kept = [
      // A running process's (this one's parent: another orchlab at work on the same cache).
      put(`.${'b'.repeat(64)}.json.${process.ppid}.tmp`),
      // Written a moment ago: its writer may be on another machine or container sharing the folder.
      put(`.${'c'.repeat(64)}.json.${dead}.tmp`, false),
      // Not the cache's own: a --cache given as a folder that holds other things.
      put(`.notes.20240101.tmp`),
      put(`.draft.txt.${dead}.tmp`),
    ];
    const execute = cachingExecutor(dir, executeInProcess);
    await runComparison(smallScenario(['replications=2']), ['jsq'], execute);
    const files = readdirSync(dir);
    expect(files).not.toContain(left);
    for (const name of kept) expect(files).toContain(name);
    expect(files.filter((f) => f.endsWith('.json') && !f.startsWith('.'))).toHaveLength(2);
  });
});
