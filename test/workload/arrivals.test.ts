// Generated arrival processes have their configured mean rate (within a 99% CI from independent
// streams), and MMPP bursts show as an inter-arrival coefficient of variation above 1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../support/check-property.js';
import { normalQuantile, tQuantile } from '../../src/analysis/student-t.js';
import { makeStream, type Rng } from '../../src/sim/rng.js';
import { fillArrivals, makeArrivalProcess, meanRate } from '../../src/workload/arrivals.js';
import { fillSamples, makeSampler } from '../../src/workload/distributions.js';
import { arrivalSchema, type ArrivalSpec } from '../../src/workload/scenario-schema.js';

function gaps(spec: ArrivalSpec, replication: number, horizon: number): number[] {
  const p = makeArrivalProcess(spec);
  const rng = makeStream(3, 'arrivals', replication);
  const out: number[] = [];
  let last = 0;
  for (let t = p.next(0, rng); t < horizon; t = p.next(t, rng)) {
    out.push(t - last);
    last = t;
  }
  return out;
}

/** Rates from 20 independent replications of `horizon` seconds: mean and 99% CI half-width. */
function rateCi(spec: ArrivalSpec, horizon: number): { mean: number; half: number } {
  const rates = Array.from({ length: 20 }, (_, r) => gaps(spec, r, horizon).length / horizon);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / (rates.length - 1));
  return { mean, half: (tQuantile(0.995, rates.length - 1) * sd) / Math.sqrt(rates.length) };
}

function cv(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) / m;
}

const specs: ArrivalSpec[] = [
  arrivalSchema.parse({ process: 'poisson', rate: 4 }),
  arrivalSchema.parse({
    process: 'mmpp',
    states: [
      { rate: 20, switchRate: 0.5 },
      { rate: 1, switchRate: 0.125 },
    ],
  }),
  arrivalSchema.parse({ process: 'diurnal', meanRate: 5, amplitude: 0.8, periodSeconds: 100 }),
  arrivalSchema.parse({
    process: 'piecewise',
    steps: [
      { at: 0, rate: 2 },
      { at: 30, rate: 10 },
      { at: 60, rate: 0 },
    ],
    periodSeconds: 100,
  }),
];

describe('arrival processes', () => {
  for (const spec of specs) {
    it(`makeArrivalProcess(${spec.process}) has meanRate() = ${meanRate(spec).toFixed(3)} within a 99% CI`, () => {
      const { mean, half } = rateCi(spec, 2000);
      expect(Math.abs(mean - meanRate(spec))).toBeLessThanOrEqual(half);
    });
  }

  it('poisson inter-arrival CV is about 1, constant is 0, MMPP bursts above 1', () => {
    expect(cv(gaps(specs[0]!, 0, 5000))).toBeCloseTo(1, 1);
    expect(cv(gaps(arrivalSchema.parse({ process: 'constant', rate: 2 }), 0, 100))).toBeLessThan(1e-9);
    expect(cv(gaps(specs[1]!, 0, 20000))).toBeGreaterThan(1.3);
  });

  it('piecewise is silent where the profile rate is 0', () => {
    const times: number[] = [];
    let t = 0;
    for (const g of gaps(specs[3]!, 1, 1000)) {
      t += g;
      times.push(t % 100);
    }
    expect(times.every((x) => x < 60)).toBe(true);
  });

  it('meanRate(mmpp) is the time-weighted rate of the cyclic chain', () => {
    // Sojourns 2 s at 20/s and 8 s at 1/s: (2·20 + 8·1) / 10 = 4.8 per second.
    expect(meanRate(specs[1]!)).toBeCloseTo(4.8, 12);
  });

  it('a random poisson, MMPP or diurnal process has its configured mean rate within a 99.9% CI', () => {
    // 99.9% intervals and a pinned seed: 40 random processes at 99% would fail one seed in three
    // by chance alone.
    const spec = fc.oneof(
      fc.record({
        process: fc.constant('poisson' as const),
        rate: fc.double({ min: 0.5, max: 20, noNaN: true }),
      }),
      fc.record({
        process: fc.constant('mmpp' as const),
        states: fc.array(
          fc.record({
            rate: fc.double({ min: 0, max: 20, noNaN: true }),
            switchRate: fc.double({ min: 0.05, max: 2, noNaN: true }),
          }),
          { minLength: 2, maxLength: 3 },
        ),
      }),
      fc.record({
        process: fc.constant('diurnal' as const),
        meanRate: fc.double({ min: 0.5, max: 20, noNaN: true }),
        amplitude: fc.double({ min: 0, max: 1, noNaN: true }),
        periodSeconds: fc.double({ min: 10, max: 200, noNaN: true }),
      }),
    );
    checkProperty(
      'test/workload/arrivals.test.ts',
      fc.property(spec, (raw) => {
        const s = arrivalSchema.parse(raw);
        fc.pre(meanRate(s) > 0.2);
        // Whole periods only: over a partial cycle the diurnal rate is not its mean.
        const horizon = s.process === 'diurnal' ? s.periodSeconds * Math.floor(4000 / s.periodSeconds) : 4000;
        const rates = Array.from({ length: 20 }, (_, r) => gaps(s, r, horizon).length / horizon);
        const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
        const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / (rates.length - 1));
        const half = (tQuantile(0.9995, rates.length - 1) * sd) / Math.sqrt(rates.length);
        expect(Math.abs(mean - meanRate(s))).toBeLessThanOrEqual(half + 1e-9);
      }),
      40,
      20261125,
    );
  });
});

describe('arrivals and sizes drawn in blocks', () => {
  it('fillArrivals gives bit-identical times to repeated next()', () => {
    for (const spec of specs) {
      const a = makeArrivalProcess(spec);
      const b = makeArrivalProcess(spec);
      const ra = makeStream(9, 'arrivals', 0);
      const rb = makeStream(9, 'arrivals', 0);
      const block = new Float64Array(300);
      fillArrivals(a, block, 0, ra);
      let t = 0;
      const one: number[] = [];
      for (let i = 0; i < 300; i++) {
        t = b.next(t, rb);
        one.push(t);
      }
      expect([...block]).toEqual(one);
    }
  });

  it('fillSamples gives bit-identical sizes to repeated sampling', () => {
    for (const d of [
      { dist: 'exponential', mean: 1.5 },
      { dist: 'constant', value: 2 },
      { dist: 'lognormal', mean: 1, cv: 2 },
    ] as const) {
      const sample = makeSampler(d);
      const ra = makeStream(9, 'sizes', 0);
      const rb = makeStream(9, 'sizes', 0);
      const block = new Float64Array(100);
      fillSamples(d, sample, block, ra);
      expect([...block]).toEqual(Array.from({ length: 100 }, () => sample(rb)));
    }
  });
});

/** A stream that throws after `max` draws: a process that loops for ever fails instead of hanging. */
function bounded(rng: Rng, max: number): Rng {
  let n = 0;
  return () => {
    if (++n > max) throw new Error(`more than ${max} draws: the process does not end`);
    return rng();
  };
}

/** Arrivals from 0 until the process ends (Infinity), at most `max` of them. */
function until(spec: ArrivalSpec, max: number): { times: number[]; last: number } {
  const p = makeArrivalProcess(spec);
  const rng = bounded(makeStream(5, 'arrivals', 0), 1_000_000);
  const times: number[] = [];
  let t = p.next(0, rng);
  while (t < Number.POSITIVE_INFINITY && times.length < max) {
    times.push(t);
    t = p.next(t, rng);
  }
  return { times, last: t };
}

describe('arrival processes that stop for good', () => {
  it('a piecewise profile ending in rate 0 (no period) gives its arrivals before the drop, then Infinity', () => {
    const spec = arrivalSchema.parse({
      process: 'piecewise',
      steps: [
        { at: 0, rate: 5 },
        { at: 10, rate: 2 },
        { at: 20, rate: 0 },
      ],
    });
    const { times, last } = until(spec, 10_000);
    expect(last).toBe(Number.POSITIVE_INFINITY);
    // About 5·10 + 2·10 = 70 arrivals, every one before 20 s.
    expect(times.length).toBeGreaterThan(30);
    expect(times.every((t) => t < 20)).toBe(true);
    // Asked again (a block is drawn ahead past the end), it stays ended.
    expect(makeArrivalProcess(spec).next(25, bounded(makeStream(5, 'arrivals', 1), 10))).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('fillArrivals fills the rest of a block with Infinity once a piecewise profile has ended', () => {
    const spec = arrivalSchema.parse({
      process: 'piecewise',
      steps: [
        { at: 0, rate: 1 },
        { at: 10, rate: 0 },
      ],
    });
    const block = new Float64Array(256);
    fillArrivals(makeArrivalProcess(spec), block, 0, bounded(makeStream(5, 'arrivals', 0), 1_000_000));
    const ended = block.indexOf(Number.POSITIVE_INFINITY);
    expect(ended).toBeGreaterThan(0);
    expect([...block.subarray(0, ended)].every((t) => t < 10)).toBe(true);
    expect([...block.subarray(ended)].every((t) => t === Number.POSITIVE_INFINITY)).toBe(true);
  });

  it('an mmpp whose every rate is 0, and a periodic profile with no rate > 0 in its period, give no arrival', () => {
    const mmpp = { process: 'mmpp', states: [0, 0, 0].map((rate) => ({ rate, switchRate: 1 })) };
    const periodic = {
      process: 'piecewise',
      steps: [
        { at: 0, rate: 0 },
        { at: 10, rate: 5 },
      ],
      periodSeconds: 5,
    };
    for (const raw of [mmpp, periodic])
      expect(until(arrivalSchema.parse(raw), 1)).toEqual({ times: [], last: Infinity });
  });
});

/** The batch sizes of the first `n` batches (empty ones included) at `intervalSeconds: 1`. */
function batchSizes(mean: number, n: number, replication: number): number[] {
  const p = makeArrivalProcess(
    arrivalSchema.parse({ process: 'batch', intervalSeconds: 1, meanBatchSize: mean }),
  );
  const rng = makeStream(7, 'arrivals', replication);
  const sizes = new Array<number>(n).fill(0);
  for (let t = p.next(0, rng); t <= n; t = p.next(t, rng)) sizes[Math.round(t) - 1]!++;
  return sizes;
}

describe('batch sizes', () => {
  it('a large mean batch size (2000, past where exp(-mean) underflows) is right within a 99.9% CI', () => {
    const z = normalQuantile(0.9995);
    const n = 2000;
    const xs = batchSizes(2000, n, 0);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const m2 = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const m4 = xs.reduce((a, b) => a + (b - mean) ** 4, 0) / n;
    const variance = (m2 * n) / (n - 1);
    expect(Math.abs(mean - 2000)).toBeLessThanOrEqual((z * Math.sqrt(variance)) / Math.sqrt(n));
    // Poisson: the variance is the mean too (its standard error from the sample's 4th moment).
    expect(Math.abs(variance - 2000)).toBeLessThanOrEqual(z * Math.sqrt((m4 - m2 * m2) / n));
  });

  it("draws means whose exp(-mean) is a normal double exactly as Knuth's method in one part did", () => {
    for (const mean of [0.3, 4, 60, 700, 708]) {
      // The method as it was: one product of uniforms against exp(-mean).
      const rng = makeStream(7, 'arrivals', 1);
      const limit = Math.exp(-mean);
      const before = Array.from({ length: 300 }, () => {
        let k = 0;
        for (let p = rng(); p > limit; p *= rng()) k++;
        return k;
      });
      expect(batchSizes(mean, 300, 1)).toEqual(before);
    }
  });
});
