// Traces spanning months: arrivals per minute are counted for up to 366 days and shown without
// overflowing the stack; a longer span is refused at the row that makes it so; a piecewise fit
// with a step per minute of a long trace still makes an arrival process.
import { afterAll, describe, expect, it } from 'vitest';
import { formatTraceStats } from '../../../src/cli/format-trace.js';
import { InputError } from '../../../src/errors.js';
import { makeArrivalProcess } from '../../../src/workload/arrivals.js';
import { fittedArrivals } from '../../../src/workload/fit-arrivals.js';
import { arrivalSchema } from '../../../src/workload/scenario-schema.js';
import { inspectTrace } from '../../../src/workload/trace/index.js';
import { makeStream } from '../../../src/sim/rng.js';
import { tempDir } from './temp-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const DAY = 86_400;
const csv = (times: readonly number[]) => ['time,size', ...times.map((t) => `${t},1`)].join('\n');

describe('inspectTrace over a long span', () => {
  it('a trace of 100 days has 144,001 minutes, and its table shows their range', () => {
    tmp.write('days.csv', csv([0, 100 * DAY]));
    const s = inspectTrace({ file: 'days.csv' }, tmp.dir);
    expect(s.ratePerMinute).toHaveLength(144_001);
    expect(formatTraceStats(s)).toContain('per minute  144001 min, 0..1 arrivals/min');
  });

  it('366 days are counted; a second more is refused, naming the line and suggesting timeUnit', () => {
    tmp.write('year.csv', csv([5, 10, 5 + 366 * DAY]));
    expect(inspectTrace({ file: 'year.csv' }, tmp.dir).durationSeconds).toBe(366 * DAY);
    tmp.write('longer.csv', csv([5, 10, 6 + 366 * DAY]));
    const refusal = () => inspectTrace({ file: 'longer.csv' }, tmp.dir);
    expect(refusal).toThrow(InputError);
    expect(refusal).toThrow(
      "longer.csv:4: 'time' is 31622401 s after the first row (line 2): expected a trace spanning at most 366 days " +
        '(31622400 s; trace inspect and fits count arrivals in every minute); if the times are not seconds, set ' +
        'timeUnit (ms or us; --time-unit with trace inspect): epoch milliseconds read as seconds are a common cause',
    );
    // The span is measured after rateScale, which the message then names.
    expect(() => inspectTrace({ file: 'year.csv', rateScale: 0.5 }, tmp.dir)).toThrow(
      /^year\.csv:4: 'time' is 63244800 s after the first row \(line 2\) \(times divided by rateScale 0\.5\): /,
    );
  });

  it('a trend over 100 days fits piecewise rates per minute, and that process runs', () => {
    // One arrival at 0, then one a minute over the second half: a step up, so a trend.
    const half = 50 * 1440;
    tmp.write('step.csv', csv([0, ...Array.from({ length: half }, (_, i) => 60 * (half + i))]));
    const stats = inspectTrace({ file: 'step.csv' }, tmp.dir);
    const fit = stats.suggestion.arrivals;
    expect([fit?.process, fit?.process === 'piecewise' && fit.rates.length]).toEqual(['piecewise', 2 * half]);
    const spec = arrivalSchema.parse({ process: 'fit', trace: { file: 'step.csv' } });
    if (spec.process !== 'fit') throw new Error('expected a fit');
    const process = makeArrivalProcess(fittedArrivals(spec, stats));
    const rng = makeStream(1, 'arrivals', 0);
    const first = process.next(0, rng);
    // Minute 0 has a rate of 1/60 and the next 71,999 minutes none: the first arrival is in
    // minute 0 or, once the rate is back, in the second half.
    expect(first < 60 || first >= 60 * half).toBe(true);
  });
});
