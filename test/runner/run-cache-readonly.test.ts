// --cache DIR read-only (a shared cache mounted read-only, no write permission): its runs are read
// back, the others run and are not stored, one warning up front, and the results are those of a
// command without --cache. The read-only test is injected: as root a chmod 0555 directory is
// writable (test/cli/cache-flag.test.ts has the real one, run as another user).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runComparison } from '../../src/runner/compare.js';
import { type Executor, executeInProcess } from '../../src/runner/executor.js';
import { cachingExecutor } from '../../src/runner/run-cache.js';
import { deadPid, leaveTemp } from '../support/left-temps.js';
import { smallScenario } from './small-scenario.js';

/** Every file in `dir` with its contents, to see that nothing was written, replaced or removed. */
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

const made: string[] = [];
/** A scratch directory, removed after each test. */
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cachingExecutor on a read-only directory', () => {
  it('reads its runs, runs the rest without storing them, warns once and leaves the directory as it was', async () => {
    const dir = scratch('orchlab-cache-ro-');
    // Two replications cached while it was writable; a killed writer's temporary file left behind.
    await runComparison(smallScenario(['replications=2']), ['jsq'], cachingExecutor(dir, executeInProcess));
    const left = leaveTemp(dir, `.${'a'.repeat(64)}.json.${deadPid()}.tmp`);
    const before = contents(dir);
    expect(Object.keys(before)).toHaveLength(3);

    const lines: string[] = [];
    const asked: number[] = [];
    const inner: Executor = (tasks, options) => {
      asked.push(...tasks.map((t) => t.replication));
      return executeInProcess(tasks, options);
    };
    let cached = 0;
    const execute = cachingExecutor(dir, inner, {
      warn: (line) => lines.push(line),
      readOnly: (d) => (d === dir ? 'permission denied' : undefined),
    });
    // Said as the executor is made, before any run.
    expect(lines).toEqual([
      `orchlab: --cache ${dir}: cannot write (permission denied); cached runs are read, new runs are not stored\n`,
    ]);
    const s = smallScenario(['replications=4']);
    const result = await runComparison(s, ['jsq'], execute, {
      onProgress: (p) => {
        cached = p.cached;
      },
    });

    expect(cached).toBe(2);
    expect(asked.sort()).toEqual([2, 3]);
    expect(JSON.stringify(result)).toBe(JSON.stringify(await runComparison(s, ['jsq'], executeInProcess)));
    // Nothing stored, and the stale temporary file not swept (the sweep would remove it here).
    expect(contents(dir)).toEqual(before);
    expect(readdirSync(dir)).toContain(left);
    expect(lines).toHaveLength(1);

    // Again: the same two come from the cache, the other two run again.
    asked.length = 0;
    await runComparison(s, ['jsq'], execute);
    expect(asked.sort()).toEqual([2, 3]);
    expect(contents(dir)).toEqual(before);
    expect(lines).toHaveLength(1);
  });

  it('on a writable directory says nothing and stores what it runs', async () => {
    const dir = scratch('orchlab-cache-rw-');
    const lines: string[] = [];
    const execute = cachingExecutor(dir, executeInProcess, {
      warn: (line) => lines.push(line),
      readOnly: () => undefined,
    });
    await runComparison(smallScenario(['replications=2']), ['jsq'], execute);
    expect(lines).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
