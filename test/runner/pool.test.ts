import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/runner/auto-replications.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess, executeRun, executeTask, RunAborted } from '../../src/runner/executor.js';
import type { RunPulse } from '../../src/runner/run-scenario.js';
import { createRunPool, defaultPulseMs, type RunPool, withExecutor } from '../../src/runner/pool.js';
import { preloadPolicies } from '../../src/runner/resolve-policy.js';
import { PULSE_SLICE } from '../../src/sim/simulate.js';
import runOnWorker, { PULSE_CELLS, RUN_OVER } from '../../src/runner/worker.js';
import { smallScenario } from './small-scenario.js';

const THROWS = 'test/fixtures/policies/throws.ts';
const EXITS = 'test/runner/fixtures/exits-policy.ts';
const LOOPS = 'test/runner/fixtures/loops-policy.ts';

describe('the worker pool', () => {
  let pool: RunPool;
  beforeAll(async () => {
    pool = createRunPool(2);
    await pool.ready();
    await preloadPolicies([THROWS, EXITS]);
  });
  afterAll(() => pool.destroy());

  it('gives the same bytes as running in this thread (merged by task index, not finishing order)', async () => {
    const s = smallScenario();
    const inProcess = await runComparison(s, ['jsq', 'random', 'round-robin'], executeInProcess);
    const pooled = await runComparison(s, ['jsq', 'random', 'round-robin'], pool.execute);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inProcess));
  });

  it('reports a user policy that throws inside a worker with scenario, policy, seed and replication; the rest completes', async () => {
    const c = await runComparison(smallScenario(), ['jsq', THROWS], pool.execute);
    expect(c.runs.map((r) => r.policy.name)).toEqual(['jsq']);
    expect(c.failures.length).toBeGreaterThan(0);
    const f = c.failures[0]!;
    expect(f).toMatchObject({ policy: 'throws-on-ten', scenario: 'small-mmc', seed: 3, kind: 'policy' });
    expect(typeof f.replication).toBe('number');
    expect(f.error).toContain("policy 'throws-on-ten' threw: Error: boom");
  });

  it('reports a worker that dies as a crash; the other runs complete and the pool carries on', async () => {
    const c = await runComparison(smallScenario(['replications=2']), ['jsq', EXITS], pool.execute);
    expect(c.runs.map((r) => r.policy.name)).toEqual(['jsq']);
    expect(c.failures.map((f) => [f.policy, f.replication, f.kind])).toEqual([
      ['exits', 0, 'crash'],
      ['exits', 1, 'crash'],
    ]);
    // Worded as the same call in the main thread is (executor.ts), so the bytes do not depend on --workers.
    expect(c.failures[0]!.error).toMatch(
      /^policy \S+exits-policy\.ts called process\.exit\(7\) during the run$/,
    );
    const after = await runComparison(smallScenario(['replications=1']), ['jsq'], pool.execute);
    expect(after.runs).toHaveLength(1);
  });
});

describe('how far runs on workers are', () => {
  it('a worker writes each pulse of its run to the shared cells of its index', async () => {
    const task = { scenario: smallScenario([`stop.completed=${3 * PULSE_SLICE + 1000}`]), replication: 0 };
    const pulses = new SharedArrayBuffer(2 * PULSE_CELLS * 8);
    const outcome = await runOnWorker({ task, pulses, index: 1 });
    expect(outcome.ok).toBe(true);
    // The last pulse the same run gives in this thread.
    let last: RunPulse | undefined;
    executeRun(task, (p) => {
      last = p;
    });
    const cells = new Float64Array(pulses);
    expect([...cells.subarray(0, PULSE_CELLS)]).toEqual([0, 0, 0]);
    expect([...cells.subarray(PULSE_CELLS, PULSE_CELLS + 2)]).toEqual([last!.fraction, last!.events]);
    // Ended: its start cell says so, so a time limit can no longer take it for a late run.
    expect(cells[PULSE_CELLS + 2]).toBe(RUN_OVER);
    expect(last!.fraction).toBeGreaterThan(0.5);
  });

  it('starts the clock of a run after its policy module has loaded and before its first step', async () => {
    const task = { scenario: smallScenario([`stop.completed=${2 * PULSE_SLICE}`]), replication: 0 };
    const order: string[] = [];
    const outcome = await executeTask(
      task,
      () => order.push('pulse'),
      () => order.push('start'),
    );
    expect(outcome.ok).toBe(true);
    expect(order[0]).toBe('start');
    expect(order.filter((o) => o === 'start')).toHaveLength(1);
    expect(order.length).toBeGreaterThan(1);
    // A policy module that fails to load never starts the clock.
    const broken = { ...task, scenario: { ...task.scenario, routing: { policy: 'test/nowhere/p.ts' } } };
    const none: string[] = [];
    const failed = await executeTask(broken, undefined, () => none.push('start'));
    expect(failed.ok).toBe(false);
    expect(none).toEqual([]);
  });

  it('the pool reads them while the run is under way and reports them by task index', async () => {
    // Read every 2 ms: a run of a tenth of a second or more is seen under way many times.
    const pool = createRunPool(2, { pulseIntervalMs: 2 });
    try {
      const seen: [number, number][] = [];
      const long = smallScenario([`stop.completed=${6 * PULSE_SLICE}`]);
      const outcomes = await pool.execute(
        [
          { scenario: smallScenario(), replication: 0 },
          { scenario: long, replication: 0 },
        ],
        { onPulse: (i, p) => seen.push([i, p.fraction]) },
      );
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(seen.length).toBeGreaterThan(0);
      for (const [i, fraction] of seen) {
        expect(i).toBe(1);
        expect(fraction).toBeGreaterThan(0);
        expect(fraction).toBeLessThan(1);
      }
    } finally {
      await pool.destroy();
    }
  });
});

describe('a time limit per run', () => {
  beforeAll(() => preloadPolicies([LOOPS]));

  it('stops a policy caught in a loop as a timeout; the other runs complete and the pool carries on', async () => {
    const pool = createRunPool(2, { runTimeoutMs: 1500, pulseIntervalMs: 20 });
    try {
      const c = await runComparison(smallScenario(['replications=2']), [LOOPS, 'jsq'], pool.execute);
      expect(c.runs.map((r) => r.policy.name)).toEqual(['jsq']);
      expect(c.failures.map((f) => [f.policy, f.replication, f.kind])).toEqual([
        ['loops', 0, 'timeout'],
        ['loops', 1, 'timeout'],
      ]);
      expect(c.failures[0]!.error).toBe('still running after 1.5 s; stopped');
      // Runs within the limit give the same bytes as without one.
      const free = await runComparison(smallScenario(['replications=2']), ['jsq'], executeInProcess);
      expect(JSON.stringify(c.runs)).toBe(JSON.stringify(free.runs));
    } finally {
      await pool.destroy();
    }
  });

  it('puts runs on a thread even for one worker: only ending a thread stops a loop', async () => {
    let threads = 0;
    const c = await withExecutor(
      1,
      (execute) => runComparison(smallScenario(['replications=1']), [LOOPS], execute),
      { runTimeoutMs: 200, pulseIntervalMs: 20, onThreads: (n) => (threads = n) },
    );
    expect(threads).toBe(1);
    expect(c.failures.map((f) => f.kind)).toEqual(['timeout']);
  });
});

describe('how often runs are checked against their time limit', () => {
  it('every 100 ms, or a quarter of a shorter limit, at least every 5 ms', () => {
    expect(defaultPulseMs(undefined)).toBe(100);
    expect(defaultPulseMs(60_000)).toBe(100);
    expect(defaultPulseMs(400)).toBe(100);
    expect(defaultPulseMs(200)).toBe(50);
    expect(defaultPulseMs(1)).toBe(5);
  });
});

describe('withExecutor', () => {
  it('gives a later, larger batch a pool of its size (a first round mostly read from the cache)', async () => {
    const threads: number[] = [];
    const task = (replication: number) => ({ scenario: smallScenario(), replication });
    const outcomes = await withExecutor(
      2,
      async (execute) => [...(await execute([task(0)], {})), ...(await execute([task(1), task(2)], {}))],
      { onThreads: (n) => threads.push(n) },
    );
    expect(threads).toEqual([1, 2]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });
});

describe('aborting', () => {
  it('stops the pool: no new runs start, the runner rejects with RunAborted and nothing is returned', async () => {
    const controller = new AbortController();
    let last: RunProgress | undefined;
    const s = smallScenario(['replications=10']);
    const run = withExecutor(2, (execute) =>
      runComparison(s, ['jsq', 'random'], execute, {
        signal: controller.signal,
        onProgress: (p) => {
          last = p;
          if (p.done >= 1) controller.abort();
        },
      }),
    );
    await expect(run).rejects.toBeInstanceOf(RunAborted);
    expect(last!.done).toBeLessThan(last!.total);
  });

  it('in this thread too, and before anything starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runComparison(smallScenario(), ['jsq'], executeInProcess, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(RunAborted);
    const later = new AbortController();
    let done = 0;
    const run = runComparison(smallScenario(['replications=10']), ['jsq'], executeInProcess, {
      signal: later.signal,
      onProgress: (p) => {
        done = p.done;
        if (p.done === 2) later.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunAborted);
    expect(done).toBe(2);
  });
});

describe('a worker module that fails to load', () => {
  it('fails the runs with the reason, more runs than threads included (none waits forever)', async () => {
    const worker = new URL('./fixtures/broken-worker.mjs', import.meta.url);
    const runs = withExecutor(
      2,
      (execute) => runComparison(smallScenario(['replications=3']), ['jsq', 'random'], execute),
      { worker },
    );
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the runs never settled')), 15_000);
    });
    try {
      await expect(Promise.race([runs, hung])).rejects.toThrow(
        /worker threads failed to start: .*this worker module fails to load/,
      );
    } finally {
      clearTimeout(timer);
    }
  }, 20_000);
});

describe('the order runs start in', () => {
  it('is the order given (a batch handed to piscina whole started 0, 2, 4, 6, 8, 3, 7, 5, 1)', async () => {
    // One thread, so the order runs are sent in is the order they start in (lanes.test.ts has two).
    const pool = createRunPool(1, { worker: new URL('./fixtures/start-order-worker.mjs', import.meta.url) });
    try {
      await pool.ready();
      const tasks = Array.from({ length: 9 }, (_, r) => ({ scenario: smallScenario(), replication: r }));
      const outcomes = await pool.execute(tasks, {});
      // Each run's place in the start order, by task index.
      expect(outcomes.map((o) => (o.ok ? 'ran' : o.error))).toEqual(tasks.map((_, i) => String(i)));
    } finally {
      await pool.destroy();
    }
  });
});
