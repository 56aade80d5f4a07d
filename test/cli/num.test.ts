// Numbers in the tables: four significant digits, except whole numbers (counts), which a table
// must not round: a 19,366-row trace completed 19366 tasks, not 19370.
import { describe, expect, it } from 'vitest';
import { num } from '../../src/cli/format-table.js';

describe('num', () => {
  it.each([
    [19366, '19366'],
    [12031, '12031'],
    [1234567, '1234567'],
    [-42, '-42'],
    [1e15, '1.000e+15'],
    [2500000.5, '2.500e+6'],
    // A mean of counts past 4 digits: rounded to a whole number, not to 27380 (which reads exact).
    [27379.33, '27379'],
    [-12345.6, '-12346'],
    [9999.44, '9999'],
    [1.23456, '1.235'],
    [0.000123456, '0.0001235'],
    [0.00001, '1.000e-5'],
    [0, '0'],
    [null, '-'],
    [Number.NaN, '-'],
  ])('%s: %s', (x, text) => {
    expect(num(x)).toBe(text);
  });
});
