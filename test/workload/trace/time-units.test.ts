// Timestamps: ISO-8601 strings (zones, 7+ fractional digits), numbers in s, ms and us, and the
// shift that puts the first arrival at 0.
import { afterAll, describe, expect, it } from 'vitest';
import { TraceReader, type TraceSpec } from '../../../src/workload/trace/index.js';
import {
  parseIsoTime,
  parseNumericTime,
  type TimePoint,
  timeDiff,
} from '../../../src/workload/trace/time.js';
import { tempDir } from './temp-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const times = (spec: TraceSpec): number[] => Array.from(new TraceReader(spec, tmp.dir), (r) => r.time);
const point = (): TimePoint => ({ whole: 0, frac: 0 });

describe('trace timestamps', () => {
  it('parseIsoTime reads a space or T, no zone as UTC, Z and offsets', () => {
    const p = point();
    expect(parseIsoTime('2023-11-16 18:17:03.9799600', p)).toBe(true);
    expect(p).toEqual({ whole: Date.UTC(2023, 10, 16, 18, 17, 3) / 1000, frac: 0.97996 });
    const q = point();
    expect(parseIsoTime('2023-11-16T19:17:03.9799600+01:00', q)).toBe(true);
    expect(timeDiff(q, p)).toBe(0);
    expect(parseIsoTime('2023-11-16T18:17:03Z', q)).toBe(true);
    expect(q.frac).toBe(0);
    expect(parseIsoTime('2023-11-16', q)).toBe(true);
    expect(q.whole).toBe(Date.UTC(2023, 10, 16) / 1000);
  });

  it('parseIsoTime rejects impossible dates and non-dates', () => {
    for (const bad of [
      '2023-02-30 00:00:00',
      '2023-13-01',
      '2023-11-16 24:00:00',
      'yesterday',
      '16/11/2023',
      '',
    ]) {
      expect(parseIsoTime(bad, point()), bad).toBe(false);
    }
  });

  it('timeDiff keeps a 7th fractional digit that one double of epoch seconds would lose', () => {
    const a = point();
    const b = point();
    parseIsoTime('2023-11-16 18:17:03.0000001', a);
    parseIsoTime('2023-11-16 18:17:03.0000002', b);
    expect(timeDiff(b, a)).toBeCloseTo(1e-7, 15);
    const x = point();
    const y = point();
    parseNumericTime('1700158623.0000001', x);
    parseNumericTime('1700158623.0000003', y);
    expect(timeDiff(y, x)).toBeCloseTo(2e-7, 15);
    expect(parseNumericTime('12abc', x)).toBe(false);
    expect(parseNumericTime('1e3', x) && x.whole).toBe(1000);
  });

  it('TraceReader shifts ISO times so the first arrival is 0 and keeps the gaps exact', () => {
    tmp.write(
      'iso.csv',
      'when,size\n2023-11-16T23:59:59.9999999Z,1\n2023-11-17T00:00:00.0000001Z,1\n2023-11-17T01:00:00.0000003+01:00,1\n',
    );
    const t = times({ file: 'iso.csv', columns: { time: 'when' } });
    expect(t[0]).toBe(0);
    expect(t[1]).toBeCloseTo(2e-7, 15);
    expect(t[2]).toBeCloseTo(4e-7, 15);
  });

  it('TraceReader reads ms and us and defaults numbers to seconds', () => {
    tmp.write('units.csv', 'time,size\n1000,1\n1500,1\n4000,1\n');
    expect(times({ file: 'units.csv', timeUnit: 'ms' })).toEqual([0, 0.5, 3]);
    expect(times({ file: 'units.csv', timeUnit: 'us' })).toEqual([0, 0.0005, 0.003]);
    expect(times({ file: 'units.csv', timeUnit: 's' })).toEqual([0, 500, 3000]);
    expect(times({ file: 'units.csv' })).toEqual([0, 500, 3000]);
  });

  it('TraceReader reads JSON numbers and JSON ISO strings, detecting the unit from the first row', () => {
    tmp.write('num.jsonl', '{"time": 10.25, "size": 1}\n{"time": 12, "size": 2}\n');
    expect(times({ file: 'num.jsonl' })).toEqual([0, 1.75]);
    tmp.write(
      'iso.jsonl',
      '{"time": "2024-01-01T00:00:00Z", "size": 1}\n{"time": "2024-01-01T00:01:00.5Z", "size": 2}\n',
    );
    expect(times({ file: 'iso.jsonl' })).toEqual([0, 60.5]);
  });

  it('TraceReader rejects a number where timeUnit iso expects a date, and a date where a number is due', () => {
    tmp.write('mixed.jsonl', '{"time": "2024-01-01T00:00:00Z", "size": 1}\n{"time": 5, "size": 2}\n');
    expect(() => times({ file: 'mixed.jsonl' })).toThrow(
      "mixed.jsonl:2: 'time' is a number, expected an ISO-8601 time: 5",
    );
    tmp.write('dates.csv', 'time,size\n2024-01-01,1');
    expect(() => times({ file: 'dates.csv', timeUnit: 'ms' })).toThrow(
      `dates.csv:2: 'time' is not a number: "2024-01-01"`,
    );
  });

  it('TraceReader(skipBadRows) detects the unit from the first good row, not from a bad first row', () => {
    // A time that is no number (read as ISO), and an ISO time on a row with a bad size.
    tmp.write('badfirst.csv', 'time,size\nabc,1\n0,1\n1,2\n2,3\n');
    tmp.write('badfirst2.csv', 'time,size\n2023-01-01T00:00:00Z,x\n0,1\n1,2\n');
    for (const [file, rows, reason] of [
      ['badfirst.csv', [0, 1, 2], `'time' is neither a number nor an ISO-8601 time: "abc"`],
      ['badfirst2.csv', [0, 1], `'size' is not a number: "x"`],
    ] as const) {
      const reader = new TraceReader({ file, skipBadRows: true }, tmp.dir);
      expect(Array.from(reader, (r) => r.time)).toEqual(rows);
      expect([reader.timeUnit, reader.skipped, reader.skipReasons]).toEqual([
        's',
        1,
        [`${file}:2: ${reason}`],
      ]);
    }
  });

  it('TraceReader(rateScale 2) halves every arrival time', () => {
    tmp.write('scale.csv', 'time,size\n100,1\n101,1\n104,1\n');
    expect(times({ file: 'scale.csv', rateScale: 2 })).toEqual([0, 0.5, 2]);
    expect(times({ file: 'scale.csv', rateScale: 0.5 })).toEqual([0, 2, 8]);
  });
});
