import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { executeRuns, failureExitCode } from '../../src/cli/execution.js';
import type { RoundsOptions } from '../../src/runner/auto-replications.js';
import { runComparison } from '../../src/runner/compare.js';
import { type Executor, RunAborted } from '../../src/runner/executor.js';
import { PULSE_SLICE } from '../../src/sim/simulate.js';
import { smallScenario } from '../runner/small-scenario.js';
import { withStderr } from '../support/with-stderr.js';

describe('executeRuns(flags, work)', () => {
  const before = process.exitCode;
  afterEach(() => {
    process.exitCode = before;
  });

  it('turns an abort into exit code 130 and one line, and returns nothing to write', async () => {
    const { value, stderr } = await withStderr(() =>
      executeRuns({ workers: '1' }, async (_execute, options) => {
        options.onProgress?.({ done: 3, total: 8, cached: 0, failed: 0, events: 10, running: 0 });
        throw new RunAborted();
      }),
    );
    expect(value).toBeUndefined();
    expect(process.exitCode).toBe(130);
    expect(stderr).toBe('orchlab: interrupted after 3 of 8 runs; runs stopped, nothing written\n');
  });

  it('stops a long run in this thread where it stands on Ctrl-C (--workers 1), not once it ends', async () => {
    const s = smallScenario([`stop.completed=${4 * PULSE_SLICE}`, 'replications=1']);
    let sent = false;
    const { value, stderr } = await withStderr(() =>
      executeRuns({ workers: '1' }, (execute, options) =>
        runComparison(s, ['jsq'], execute, {
          ...options,
          onProgress: (p) => {
            options.onProgress?.(p);
            // Ctrl-C as soon as the run is seen under way: the handler runs between its steps.
            if (p.running > 0 && !sent) {
              sent = true;
              process.emit('SIGINT', 'SIGINT');
            }
          },
        }),
      ),
    );
    expect(sent).toBe(true);
    expect(value).toBeUndefined();
    expect(process.exitCode).toBe(130);
    expect(stderr).toBe('orchlab: interrupted after 0 of 1 runs; runs stopped, nothing written\n');
  });

  it('starts no more workers than there are runs (one run stays in this thread)', async () => {
    // The policy marks the thread it runs in: this one's global, or a worker's.
    const scenario = smallScenario(['routing={ policy: test/fixtures/policies/marks-thread.ts }']);
    const tasks = (n: number) => Array.from({ length: n }, (_, replication) => ({ scenario, replication }));
    const marked = globalThis as { orchlabMarkedThread?: boolean };
    const work = (n: number) => async (execute: Executor, options: RoundsOptions) => {
      delete marked.orchlabMarkedThread;
      const outcomes = await execute(tasks(n), {});
      options.onProgress?.({ done: n, total: n, cached: 0, failed: 0, events: 0, running: 0 });
      expect(outcomes.every((o) => o.ok)).toBe(true);
      return marked.orchlabMarkedThread === true;
    };
    const one = await withStderr(() => executeRuns({ workers: '4' }, work(1), 1));
    expect(one.value).toBe(true);
    expect(one.stderr).toMatch(/· 1 worker\n$/);
    const two = await withStderr(() => executeRuns({ workers: '4' }, work(2), 2));
    expect(two.value).toBe(false);
    expect(two.stderr).toMatch(/· 2 workers\n$/);
    // Run counts unknown (replications: auto): the pool takes no more threads than its first batch.
    const unknown = await withStderr(() => executeRuns({ workers: '4' }, work(3)));
    expect(unknown.stderr).toMatch(/· 3 workers\n$/);
  });

  it('starts no thread when every run comes from the cache, and says no worker ran', async () => {
    const work = async (execute: Executor, options: RoundsOptions) => {
      await execute([], {});
      options.onProgress?.({ done: 2, total: 2, cached: 2, failed: 0, events: 0, running: 0 });
      return 'ok';
    };
    const r = await withStderr(() => executeRuns({ workers: '2' }, work));
    expect(r.stderr).toMatch(/^2 runs \(2 from cache\) · 0\.00 M events in \d+\.\d\d s \([^)]*\)\n$/);
  });

  it('takes --workers as digits from 1 to 4 per core, and says so otherwise', async () => {
    const most = 4 * availableParallelism();
    for (const bad of ['0', '1e3', '0x2', ' 2', '1.5', String(most + 1)])
      await expect(executeRuns({ workers: bad }, async () => 'ok')).rejects.toThrow(
        `--workers: expected a whole number from 1 to ${most} (4 per core), got '${bad}'`,
      );
  });

  it('prints the summary line unless --quiet, and passes other errors through', async () => {
    const work = async (_e: Executor, options: RoundsOptions) => {
      options.onProgress?.({ done: 2, total: 2, cached: 1, failed: 0, events: 0, running: 0 });
      return 'ok';
    };
    const loud = await withStderr(() => executeRuns({ workers: '1' }, work));
    expect(loud.value).toBe('ok');
    expect(loud.stderr).toMatch(/^2 runs \(1 from cache\) · 0\.00 M events in \d+\.\d\d s .*· 1 worker\n$/);
    const quiet = await withStderr(() => executeRuns({ workers: '1', quiet: true }, work));
    expect(quiet.stderr).toBe('');
    await expect(
      executeRuns({ workers: '1', quiet: true }, async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
  });
});

describe('failureExitCode(kinds)', () => {
  it('is 1 when a run crashed, 3 when only policies, inputs or time limits failed, none without failures', () => {
    expect(failureExitCode([])).toBeUndefined();
    expect(failureExitCode(['policy', 'input'])).toBe(3);
    expect(failureExitCode(['timeout'])).toBe(3);
    expect(failureExitCode(['timeout', 'crash'])).toBe(1);
    expect(failureExitCode(['policy', 'crash'])).toBe(1);
  });
});
