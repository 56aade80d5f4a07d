import { describe, expect, it } from 'vitest';
import { logTicks, wantsLog } from '../../../src/report/specs/common.js';

describe('logTicks(min, max)', () => {
  it('gives 1, 2, 5 per decade over at most two decades, powers of 10 beyond', () => {
    expect(logTicks(0.3, 8)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50]);
    expect(logTicks(0.45, 4000)).toEqual([0.1, 1, 10, 100, 1000, 10_000]);
  });

  it('gives nothing for an empty or non-positive range', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toEqual([]);
  });
});

describe('wantsLog(values)', () => {
  it('is true when positive values span more than 20×, false with a zero or a narrow span', () => {
    expect(wantsLog([1, 2, 30])).toBe(true);
    expect(wantsLog([1, 2, 19])).toBe(false);
    expect(wantsLog([0, 1, 100])).toBe(false);
  });
});
