// inspectTrace on generated traces with known structure: its figures, and the model it suggests
// (poisson, constant, mmpp2, batch, piecewise) with the fitted parameters.
import { afterAll, describe, expect, it } from 'vitest';
import { makeStream } from '../../../src/sim/rng.js';
import { inspectTrace } from '../../../src/workload/trace/index.js';
import { binMeans, nearestRank, RunningMoments } from '../../../src/workload/trace/stats.js';
import { fitMmpp2, linearTrend } from '../../../src/workload/trace/suggest.js';
import { tempDir } from './temp-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A CSV trace from arrival times (seconds) and sizes. */
function writeTrace(name: string, times: readonly number[], size: (i: number) => number = () => 1): string {
  return tmp.write(name, ['time,size', ...times.map((t, i) => `${t.toFixed(6)},${size(i)}`)].join('\n'));
}

/** Poisson arrivals whose rate is `rate(t)` per second, by thinning. */
function arrivals(seed: string, until: number, rate: (t: number) => number, maxRate: number): number[] {
  const rng = makeStream(1, seed, 0);
  const out: number[] = [];
  for (let t = -Math.log(1 - rng()) / maxRate; t < until; t += -Math.log(1 - rng()) / maxRate) {
    if (rng() < rate(t) / maxRate) out.push(t);
  }
  return out;
}

describe('inspectTrace', () => {
  it('inspectTrace(small trace) gives rows, duration, rate, CV, nearest-rank sizes and counts per minute', () => {
    writeTrace('small.csv', [0, 10, 30, 60, 61, 150], (i) => [5, 1, 4, 2, 3, 100][i]!);
    const s = inspectTrace({ file: 'small.csv' }, tmp.dir);
    const gaps = [10, 20, 30, 1, 89];
    const mean = 30;
    const std = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(s.rows).toBe(6);
    expect(s.durationSeconds).toBe(150);
    expect(s.ratePerSecond).toBe(6 / 150);
    expect(s.interarrivalCv).toBeCloseTo(std / mean, 12);
    expect(s.sizes).toEqual({
      size: { mean: 115 / 6, p50: 3, p99: 100, min: 1, max: 100, sum: 115, cv: expect.any(Number) },
    });
    expect(s.ratePerMinute).toEqual([3, 2, 1]);
    expect(s.workPerSecond).toBe(115 / 150);
  });

  it('inspectTrace(one row) has zero duration and null rate and CV', () => {
    writeTrace('one.csv', [42]);
    const s = inspectTrace({ file: 'one.csv' }, tmp.dir);
    expect([s.rows, s.durationSeconds, s.ratePerSecond, s.interarrivalCv, s.ratePerMinute]).toEqual([
      1,
      0,
      null,
      null,
      [1],
    ]);
    expect(s.suggestion.text).toBe(
      'The arrivals span 0 s (one row): no rate to fit; replay the trace, or give arrivals by hand.',
    );
    // No model: `poisson` at rate 0 was suggested, which a scenario refuses.
    expect(s.suggestion.arrivals).toBeNull();
    writeTrace('same.csv', [7, 7, 7]);
    expect(inspectTrace({ file: 'same.csv' }, tmp.dir).suggestion.text).toMatch(
      /^The arrivals span 0 s \(3 rows, all at one time\): no rate to fit/,
    );
  });

  it('inspectTrace(Poisson arrivals) suggests poisson at the measured rate', () => {
    writeTrace(
      'poisson.csv',
      arrivals('poisson', 3600, () => 2, 2),
    );
    const s = inspectTrace({ file: 'poisson.csv' }, tmp.dir);
    expect(s.interarrivalCv).toBeGreaterThan(0.95);
    expect(s.interarrivalCv).toBeLessThan(1.05);
    expect(s.suggestion.arrivals).toEqual({ process: 'poisson', rate: s.ratePerSecond });
    expect(s.suggestion.text).toMatch(/≈ 1: Poisson arrivals at [12]\.\d+\/s/);
  });

  it('inspectTrace(evenly spaced arrivals) suggests constant', () => {
    writeTrace(
      'even.csv',
      Array.from({ length: 1000 }, (_, i) => i * 0.5),
    );
    const s = inspectTrace({ file: 'even.csv' }, tmp.dir);
    expect(s.interarrivalCv).toBeCloseTo(0, 9);
    expect(s.suggestion.arrivals).toEqual({ process: 'constant', rate: 1000 / 499.5 });
  });

  it('inspectTrace(alternating busy and quiet 5-minute spells) fits a 2-state MMPP', () => {
    const busy = (t: number) => Math.floor(t / 300) % 2 === 0;
    writeTrace(
      'mmpp.csv',
      arrivals('mmpp', 3600, (t) => (busy(t) ? 10 : 0.2), 10),
    );
    const s = inspectTrace({ file: 'mmpp.csv' }, tmp.dir);
    expect(s.interarrivalCv).toBeGreaterThan(1.3);
    const a = s.suggestion.arrivals;
    if (a?.process !== 'mmpp2') throw new Error(`expected mmpp2, got ${a?.process}`);
    expect(a.rates.busy).toBeCloseTo(10, 0);
    expect(a.rates.quiet).toBeCloseTo(0.2, 1);
    // 59 full minutes: 6 busy spells of 5 and 6 quiet spells, the last cut to 4 minutes.
    expect(a.meanSojournSeconds).toEqual({ busy: 300, quiet: (60 * 29) / 6 });
    expect(a.switchRates).toEqual({ busyToQuiet: 1 / 300, quietToBusy: 6 / (60 * 29) });
  });

  it('inspectTrace(rate rising through the hour) suggests piecewise rates per minute', () => {
    writeTrace(
      'ramp.csv',
      arrivals('ramp', 3600, (t) => 0.5 + (4.5 * t) / 3600, 5),
    );
    const s = inspectTrace({ file: 'ramp.csv' }, tmp.dir);
    const a = s.suggestion.arrivals;
    if (a?.process !== 'piecewise') throw new Error(`expected piecewise, got ${a?.process}`);
    expect(a.rates).toEqual(s.ratePerMinute.map((c) => c / 60));
    expect(a.trend.r2).toBeGreaterThan(0.9);
    expect(a.trend.slopePerMinute).toBeCloseTo(4.5, 0);
  });

  it('inspectTrace(batches of 10 every 3 s) suggests batch arrivals', () => {
    writeTrace(
      'batch.csv',
      Array.from({ length: 1000 }, (_, i) => 3 * Math.floor(i / 10)),
    );
    const s = inspectTrace({ file: 'batch.csv' }, tmp.dir);
    expect(s.zeroGaps).toBe(900);
    expect(s.suggestion.arrivals).toEqual({
      process: 'batch',
      meanBatchSize: 10,
      intervalSeconds: 3,
      intervalCv: 0,
    });
  });

  it('inspectTrace suggests a lognormal by moments and the means of 20 equal-count bins for each size column', () => {
    writeTrace(
      'sizes.csv',
      Array.from({ length: 100 }, (_, i) => i),
      (i) => i + 1,
    );
    const s = inspectTrace({ file: 'sizes.csv' }, tmp.dir);
    const size = s.suggestion.sizes.size!;
    expect(size.lognormal).toEqual({ dist: 'lognormal', mean: 50.5, cv: s.sizes.size!.cv });
    expect(size.empirical.values).toEqual([
      3, 8, 13, 18, 23, 28, 33, 38, 43, 48, 53, 58, 63, 68, 73, 78, 83, 88, 93, 98,
    ]);
    expect(s.suggestion.text).toContain('size lognormal(mean 50.5');
  });

  it('inspectTrace(rateScale 2) reports the sped-up trace', () => {
    writeTrace('speed.csv', [0, 1, 2, 3, 4]);
    const s = inspectTrace({ file: 'speed.csv', rateScale: 2 }, tmp.dir);
    expect([s.durationSeconds, s.ratePerSecond, s.rateScale]).toEqual([2, 2.5, 2]);
  });
});

describe('trace statistics helpers', () => {
  it('nearestRank(sorted, p) is the ⌈p/100·n⌉-th smallest value', () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect([nearestRank(v, 50), nearestRank(v, 99), nearestRank(v, 100), nearestRank(v, 0)]).toEqual([
      50, 99, 100, 1,
    ]);
    const w = Float64Array.from([1, 2, 3]);
    expect([nearestRank(w, 50), nearestRank(w, 99)]).toEqual([2, 3]);
    expect(nearestRank(new Float64Array(0), 50)).toBeNaN();
  });

  it('RunningMoments gives the population variance and CV in one pass', () => {
    const m = new RunningMoments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(x);
    expect([m.mean, m.variance, m.cv]).toEqual([5, 4, 0.4]);
    expect(new RunningMoments().cv).toBeNull();
  });

  it('binMeans(sorted, k) never asks for more values than there are', () => {
    expect(binMeans(Float64Array.from([1, 2, 3]), 20)).toEqual([1, 2, 3]);
  });

  it('binMeans(sorted, k) keeps the tail and the mean: a value on a border counts in both bins', () => {
    // Mid-quantiles (the 25th and 75th percentiles) would give [1, 1], a mean of 1, not 25.75.
    expect(binMeans(Float64Array.from([1, 1, 1, 100]), 2)).toEqual([1, 50.5]);
    // 5 values in 2 bins of 2.5: the middle one counts half in each.
    expect(binMeans(Float64Array.from([1, 2, 3, 4, 100]), 2)).toEqual([
      (1 + 2 + 1.5) / 2.5,
      (1.5 + 4 + 100) / 2.5,
    ]);
  });

  it('linearTrend and fitMmpp2 handle flat counts', () => {
    expect(linearTrend([5, 5, 5, 5])).toEqual({ slope: 0, r2: 0, mean: 5 });
    expect(fitMmpp2([5, 5, 5, 5], 5 / 60)).toBeUndefined();
    expect(fitMmpp2([0, 0, 6, 6, 0, 6], 18 / 360)).toEqual({
      process: 'mmpp2',
      rates: { busy: 0.1, quiet: 0 },
      meanSojournSeconds: { busy: 90, quiet: 90 },
      switchRates: { busyToQuiet: 1 / 90, quietToBusy: 1 / 90 },
    });
  });
});
