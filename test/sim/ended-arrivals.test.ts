// A synthetic workload whose arrivals stop for good (a piecewise profile ending in rate 0): the
// run ends at its stop time, with every arrival before the drop served, whether the stop comes
// before the drop or after it. Arrivals are drawn ahead in blocks, so even a stop before the drop
// once looped for ever, drawing the block past it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Ended {
  readonly endSeconds: number;
  readonly arrived: number;
  readonly inSystemAtEnd: number;
  readonly arrivals: number[];
}

const SCRIPT = 'test/fixtures/scripts/ended-arrivals.ts';

/** The run in a child process, killed after 30 s: the failure this guards against is a hang. */
function run(stopTime: number): Ended {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, String(stopTime)], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.status !== 0)
    throw new Error(`the run did not end (${child.signal ?? `exit ${child.status}`}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Ended;
}

describe('arrivals that stop for good', { timeout: 70_000 }, () => {
  it('a stop after the drop: the run ends at the stop time, every arrival before the drop and served', () => {
    const result = run(100);
    const { arrivals } = result;
    expect(result.endSeconds).toBe(100);
    expect(arrivals.length).toBeGreaterThan(0);
    expect(arrivals.every((t) => t < 10)).toBe(true);
    expect(result.arrived).toBe(arrivals.length);
    expect(result.inSystemAtEnd).toBe(0);
  });

  it('a stop before the drop: the run ends at the stop time with the arrivals up to it', () => {
    const result = run(5);
    const { arrivals } = result;
    expect(result.endSeconds).toBe(5);
    expect(arrivals.every((t) => t <= 5)).toBe(true);
    // The same arrivals as the longer run up to 5 s: ending the stream changed none of them.
    expect(arrivals).toEqual(run(100).arrivals.filter((t) => t <= 5));
  });
});
