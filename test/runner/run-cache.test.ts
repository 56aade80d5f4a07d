import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/runner/auto-replications.js';
import { runComparison } from '../../src/runner/compare.js';
import { type Executor, executeInProcess, executeRun, RunAborted } from '../../src/runner/executor.js';
import { preloadPolicies } from '../../src/runner/resolve-policy.js';
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

/**
 * A user policy in a fresh directory: policy.ts imports ./lib/helper.js (a .ts file), which
 * imports ../inner.mjs; `inner` is that innermost file's source.
 */
function policyTree(inner: string): { dir: string; policy: string } {
  const dir = mkdtempSync(join(tmpdir(), 'orchlab-policy-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'policy.ts'),
    [
      "import { pick } from './lib/helper.js';",
      'export default {',
      "  name: 'with-helpers',",
      "  create: () => ({ name: 'with-helpers', route: (task: { eligible: Int32Array }) => pick(task) }),",
      '};',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'lib', 'helper.ts'),
    "import { choose } from '../inner.mjs';\nexport const pick = (t: { eligible: Int32Array }) => choose(t);\n",
  );
  writeFileSync(join(dir, 'inner.mjs'), inner);
  return { dir, policy: join(dir, 'policy.ts') };
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

  it('keys on the seed, the replication and the policy parameters, not on the replication count or the objective', () => {
    const s = smallScenario();
    const key = runKey({ scenario: s, replication: 0 });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(runKey({ scenario: { ...s, replications: 7 }, replication: 0 })).toBe(key);
    // The objective ranks policies after the runs; it changes none of them.
    const objective = { metric: 'responseTime.p99', subjectTo: { cost: 5 } };
    expect(runKey({ scenario: { ...s, objective } as typeof s, replication: 0 })).toBe(key);
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

  it('keys on the files a policy module imports, followed recursively (.js naming .ts included)', async () => {
    const { dir, policy } = policyTree('export const choose = (t) => t.eligible[0];\n');
    await preloadPolicies([policy]);
    const task = { scenario: smallScenario([`routing.policy=${policy}`]), replication: 0 };
    const key = runKey(task);
    expect(runKey(task)).toBe(key);
    writeFileSync(
      join(dir, 'inner.mjs'),
      'export const choose = (t) => t.eligible[t.eligible.length - 1];\n',
    );
    const changed = runKey(task);
    expect(changed).not.toBe(key);
    writeFileSync(join(dir, 'lib', 'helper.ts'), 'export const pick = (t: { eligible: Int32Array }) => 0;\n');
    expect(runKey(task)).not.toBe(changed);
  });

  it('a later command re-runs what a changed helper of the policy may change, and only that', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'orchlab-cache-'));
    const { dir, policy } = policyTree('export const choose = (t) => t.eligible[0];\n');
    await preloadPolicies([policy]);
    const s = smallScenario(['replications=2']);
    const first = counting();
    await runComparison(s, ['jsq', policy], cachingExecutor(cache, first.execute));
    expect(first.count()).toBe(4);
    writeFileSync(join(dir, 'inner.mjs'), 'export const choose = (t) => t.eligible[1];\n');
    const second = counting();
    await runComparison(s, ['jsq', policy], cachingExecutor(cache, second.execute));
    expect(second.count()).toBe(2);
  });
});
