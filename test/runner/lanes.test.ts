import { describe, expect, it } from 'vitest';
import { RunAborted } from '../../src/runner/executor.js';
import { inLanes } from '../../src/runner/lanes.js';

/** A job that ends when the test says so. */
interface Held {
  readonly index: number;
  end(): void;
  fail(err: Error): void;
}

function heldJobs() {
  const started: Held[] = [];
  const job = (index: number) =>
    new Promise<void>((resolve, reject) => {
      started.push({ index, end: resolve, fail: reject });
    });
  return { started, job };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('jobs on lanes', () => {
  it('start in index order, at most one per lane at once, the next when one ends', async () => {
    const { started, job } = heldJobs();
    const all = inLanes(6, 2, job, new AbortController().signal);
    await settle();
    expect(started.map((s) => s.index)).toEqual([0, 1]);
    // The second lane's job ends first: that lane takes job 2, the first lane still has job 0.
    started[1]!.end();
    await settle();
    expect(started.map((s) => s.index)).toEqual([0, 1, 2]);
    started[0]!.end();
    started[2]!.end();
    await settle();
    expect(started.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    started[3]!.end();
    await settle();
    expect(started.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    started[4]!.end();
    started[5]!.end();
    await expect(all).resolves.toBeUndefined();
  });

  it('uses no more lanes than jobs, and none for no jobs', async () => {
    const { started, job } = heldJobs();
    const all = inLanes(1, 4, job, new AbortController().signal);
    await settle();
    expect(started.map((s) => s.index)).toEqual([0]);
    started[0]!.end();
    await all;
    await expect(inLanes(0, 2, job, new AbortController().signal)).resolves.toBeUndefined();
    expect(started).toHaveLength(1);
  });

  it('take no job once stopped', async () => {
    const { started, job } = heldJobs();
    const stop = new AbortController();
    const all = inLanes(5, 2, job, stop.signal);
    await settle();
    stop.abort();
    started[0]!.end();
    started[1]!.end();
    await expect(all).rejects.toBeInstanceOf(RunAborted);
    expect(started.map((s) => s.index)).toEqual([0, 1]);
  });

  it('reject with the first error a job throws; the other lanes take no job after theirs', async () => {
    const { started, job } = heldJobs();
    const all = inLanes(5, 2, job, new AbortController().signal);
    await settle();
    started[0]!.fail(new Error('boom'));
    await expect(all).rejects.toThrow('boom');
    started[1]!.end();
    await settle();
    expect(started.map((s) => s.index)).toEqual([0, 1]);
  });
});
