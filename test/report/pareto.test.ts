import { describe, expect, it } from 'vitest';
import { paretoFrontier } from '../../src/report/pareto.js';

describe('paretoFrontier(points)', () => {
  it('keeps the points no other point beats on both coordinates (lower is better)', () => {
    const pts = [
      { x: 1, y: 9 }, // cheapest: on
      { x: 2, y: 5 }, // on
      { x: 3, y: 6 }, // beaten by (2, 5)
      { x: 4, y: 1 }, // fastest: on
      { x: 4, y: 2 }, // beaten by (4, 1): same x, worse y
    ];
    expect(paretoFrontier(pts)).toEqual([true, true, false, true, false]);
  });

  it('keeps equal points both (neither is strictly better) and drops non-finite ones', () => {
    expect(
      paretoFrontier([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
        { x: Number.NaN, y: 0 },
      ]),
    ).toEqual([true, true, false]);
  });

  it('of no points is empty', () => {
    expect(paretoFrontier([])).toEqual([]);
  });
});
