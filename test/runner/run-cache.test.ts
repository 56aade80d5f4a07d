import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/runner/auto-replications.js';
import { runComparison } from '../../src/runner/compare.js';
import { type Executor, executeInProcess, executeRun, RunAborted } from '../../src/runner/executor.js';
import { cachingExecutor, readCachedRun, runKey, writeCachedRun } from '../../src/runner/run-cache.js';
import { smallScenario } from './small-scenario.js';

/** executeInProcess that counts the runs it is asked to simulate. */
function counting(): { execute: Executor; count: () => number } {
  let n = 0;
  return {
    execute: (tasks, options) => {
      n += tasks.length;
      return executeInProcess(tasks, options);
    },
    count: () => n,
  };
}

describe('--cache: the run cache', () => {
  it('a second invocation runs nothing and gives the same result, digests included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cache-'));
    const s = smallScenario(['replications=2']);
    const first = counting();
    const a = await runComparison(s, ['jsq', 'random'], cachingExecutor(dir, first.execute));
    expect(first.count()).toBe(4);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(4);

    const second = counting();
    let last: RunProgress | undefined;
    const b = await runComparison(s, ['jsq', 'random'], cachingExecutor(dir, second.execute), {
      onProgress: (p) => {
        last = p;
      },
    });
    expect(second.count()).toBe(0);
    expect(last).toMatchObject({ done: 4, total: 4, cached: 4, events: 0 });
    expect(b.runs.map((r) => r.digest)).toEqual(a.runs.map((r) => r.digest));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));

    // More replications reuse the ones already there.
    const third = counting();
    await runComparison({ ...s, replications: 3 }, ['jsq', 'random'], cachingExecutor(dir, third.execute));
    expect(third.count()).toBe(2);
  });

  it('after an abort, the runs that finished are cached and the same command picks up from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cache-'));
    const s = smallScenario(['replications=3']);
    const controller = new AbortController();
    const stopped = runComparison(s, ['jsq', 'random'], cachingExecutor(dir, executeInProcess), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(RunAborted);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);

    const resumed = counting();
    const b = await runComparison(s, ['jsq', 'random'], cachingExecutor(dir, resumed.execute));
    expect(resumed.count()).toBe(4);
    const whole = await runComparison(s, ['jsq', 'random'], executeInProcess);
    expect(JSON.stringify(b)).toBe(JSON.stringify(whole));
  });

  it('keys on the seed, the replication and the policy parameters, not on the replication count', () => {
    const s = smallScenario();
    const key = runKey({ scenario: s, replication: 0 });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(runKey({ scenario: { ...s, replications: 7 }, replication: 0 })).toBe(key);
    expect(runKey({ scenario: s, replication: 1 })).not.toBe(key);
    expect(runKey({ scenario: { ...s, seed: 4 }, replication: 0 })).not.toBe(key);
    const pod = (d: number) => ({ ...s, routing: { policy: 'power-of-d', d } });
    expect(runKey({ scenario: pod(2), replication: 0 })).not.toBe(
      runKey({ scenario: pod(3), replication: 0 }),
    );
  });

  it('keeps NaN figures, and treats a damaged or mismatched file as a miss', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cache-'));
    const task = { scenario: smallScenario(['replications=1']), replication: 0 };
    const outcome = executeRun(task);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(Number.isNaN(outcome.summary.metrics.affinityHitRate)).toBe(true);
    const key = runKey(task);
    writeCachedRun(dir, key, outcome.summary);
    expect(readCachedRun(dir, key, 0)).toEqual(outcome.summary);
    expect(readCachedRun(dir, key, 1)).toBeUndefined();
    writeFileSync(join(dir, `${key}.json`), '{"format":');
    expect(readCachedRun(dir, key, 0)).toBeUndefined();
  });
});
