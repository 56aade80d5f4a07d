import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  executeRuns,
  type FailedRun,
  failedRunsError,
  failureExitCode,
  failureLines,
} from '../../src/cli/execution.js';
import { replicationRanges } from '../../src/cli/failure-words.js';
import { RunsFailed } from '../../src/cli/execution-options.js';
import { InputError, PolicyError } from '../../src/errors.js';
import { emit } from '../../src/cli/output.js';
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

  it('hears a Ctrl-C that comes once the runs are over, while `work` summarises: exit 130, nothing delivered', async () => {
    let delivered = false;
    const { value, stderr } = await withStderr(() =>
      executeRuns(
        { workers: '1', quiet: true },
        async (_execute, options) => {
          options.onProgress?.({ done: 2, total: 2, cached: 0, failed: 0, events: 0, running: 0 });
          // Every run is done; summarising them is synchronous work that Ctrl-C interrupts.
          process.emit('SIGINT', 'SIGINT');
          return 'result';
        },
        undefined,
        async () => {
          delivered = true;
        },
      ),
    );
    expect(value).toBeUndefined();
    expect(delivered).toBe(false);
    expect(process.exitCode).toBe(130);
    expect(stderr).toBe(
      'orchlab: interrupted after the runs (2 runs done), before the output was complete; nothing written\n',
    );
  });

  it('a real SIGINT still pending when `work` returns is heard (the orchlab process)', () => {
    // The handler of a signal runs only when the event loop turns: here it is still pending when
    // `work` returns, as when Ctrl-C lands while a big sweep is summarised.
    const script = `import(${JSON.stringify(resolve('src/cli/execution.ts'))}).then((m) =>
      m.executeRuns({ workers: '1', quiet: true }, async (_e, options) => {
        options.onProgress({ done: 2, total: 2, cached: 0, failed: 0, events: 0, running: 0 });
        process.kill(process.pid, 'SIGINT');
        return 'result';
      }, undefined, async () => { console.log('delivered'); }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'orchlab: interrupted after the runs (2 runs done), before the output was complete; nothing written\n',
    );
    expect(r.status).toBe(130);
  });

  it('a Ctrl-C while the output is written: exit 130, the line, no --out file and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-interrupt-'));
    const out = join(dir, 'result.json');
    // A result whose JSON is several megabytes; Ctrl-C comes as the writing reaches `trap`, with
    // megabytes still to write after it.
    const big = (tag: string) => Array.from({ length: 4000 }, (_, i) => ({ tag, i, text: 'x'.repeat(1000) }));
    const result = {
      before: big('before'),
      get trap() {
        process.emit('SIGINT', 'SIGINT');
        return true;
      },
      after: big('after'),
    };
    const { value, stderr } = await withStderr(() =>
      executeRuns(
        { workers: '1', quiet: true },
        async (_execute, options) => {
          options.onProgress?.({ done: 1, total: 1, cached: 0, failed: 0, events: 0, running: 0 });
          return result;
        },
        undefined,
        (r, signal) => emit({ format: 'json', out, quiet: true }, r, () => '', signal),
      ),
    );
    expect(value).toBeUndefined();
    expect(process.exitCode).toBe(130);
    expect(stderr).toBe(
      'orchlab: interrupted after the runs (1 run done), before the output was complete; nothing written\n',
    );
    expect(readdirSync(dir)).toEqual([]);
    // Not interrupted, the same result is written whole.
    const whole = await withStderr(() =>
      executeRuns(
        { workers: '1', quiet: true },
        async () => ({ before: result.before, trap: true, after: result.after }),
        undefined,
        (r, signal) => emit({ format: 'json', out, quiet: true }, r, () => '', signal),
      ),
    );
    expect(whole.stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['result.json']);
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
    expect(r.stderr).toMatch(/^2 runs \(2 from cache\) · 0 events in \d+\.\d\d s\n$/);
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
    expect(loud.stderr).toMatch(/^2 runs \(1 from cache\) · 0 events in \d+\.\d\d s · 1 worker\n$/);
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

describe('failureLines(failures) and failedRunsError(heading, failures)', () => {
  const run = (f: Partial<FailedRun>): FailedRun => ({
    policy: 'jsq',
    place: '',
    replication: 0,
    kind: 'policy',
    error: 'boom',
    ...f,
  });

  it('names replications as numbers and ranges', () => {
    expect(replicationRanges([3])).toBe('replication 3');
    expect(replicationRanges([5, 0, 1, 2, 7, 8, 2])).toBe('replications 0-2, 5, 7-8');
    expect(replicationRanges([null])).toBe('not run');
  });

  it('one line per policy and error, with every replication that failed with it', () => {
    const lines = failureLines([
      run({ replication: 0 }),
      run({ replication: 1 }),
      run({ replication: 3, error: 'other' }),
      run({ policy: 'random', replication: 2 }),
    ]);
    expect(lines).toEqual([
      '  jsq (replications 0-1): boom',
      '  jsq (replication 3): other',
      '  random (replication 2): boom',
    ]);
    // `run` names the policy in its heading: the lines give replications alone.
    expect(failureLines([run({ policy: '', replication: 4 })])).toEqual(['  replication 4: boom']);
  });

  it('names sweep points: the one point beside the policy, or several below the error, the first five', () => {
    expect(failureLines([run({ place: 'rate=1', replication: 1 })])).toEqual([
      '  jsq at rate=1 (replication 1): boom',
    ]);
    const many = Array.from({ length: 7 }, (_, p) =>
      [0, 1].map((replication) => run({ place: `rate=${p}`, replication, kind: 'crash' })),
    ).flat();
    expect(failureLines(many)).toEqual([
      '  jsq (14 runs at 7 points): boom',
      '    rate=0 (replications 0-1)',
      '    rate=1 (replications 0-1)',
      '    rate=2 (replications 0-1)',
      '    rate=3 (replications 0-1)',
      '    rate=4 (replications 0-1)',
      '    and 2 more points',
    ]);
  });

  it('at most ten errors, then how many more', () => {
    const lines = failureLines(Array.from({ length: 13 }, (_, i) => run({ replication: i, error: `e${i}` })));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('  and 3 other errors (3 runs)');
  });

  it('exit code: 1 when one crashed, 2 when every one failed on its input, else 3', () => {
    const crash = failedRunsError('every policy failed', [run({}), run({ kind: 'crash' })]);
    expect(crash).toBeInstanceOf(RunsFailed);
    expect((crash as RunsFailed).exitCode).toBe(1);
    expect(crash.message).toBe('every policy failed:\n  jsq (replication 0): boom');
    expect(failedRunsError('x', [run({ kind: 'input' })])).toBeInstanceOf(InputError);
    expect(failedRunsError('x', [run({ kind: 'input' }), run({ kind: 'timeout' })])).toBeInstanceOf(
      PolicyError,
    );
    expect(failedRunsError('x', [run({ kind: 'policy' })])).toBeInstanceOf(PolicyError);
  });
});
