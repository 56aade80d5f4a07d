import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../src/report/input-types.js';
import type { SweepResult as RunnerSweepResult } from '../../src/runner/sweep.js';

// Compile-time: `npm run typecheck` fails if the runner's sweep result stops fitting the report's.
const accepts = (s: RunnerSweepResult): SweepResult => s;

describe('the report input types', () => {
  it("accept the runner's orchlab.sweep/1 result as it is", () => {
    expect(typeof accepts).toBe('function');
  });
});
