import { describe, expect, it } from 'vitest';
import { formatCompare } from '../../src/cli/format-compare.js';
import { formatRun } from '../../src/cli/format-run.js';
import { precisionNotes } from '../../src/cli/format-table.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { smallScenario } from '../runner/small-scenario.js';

describe('precisionNotes(runs)', () => {
  it('names each run that stopped at maxReplications short of the precision, in compare and run tables', async () => {
    const s = smallScenario(['replications=auto', 'precision=0.001', 'maxReplications=3']);
    const c = await runComparison(s, ['jsq', 'random'], executeInProcess);
    const notes = precisionNotes(c.runs);
    expect(notes).toHaveLength(2);
    for (const [i, note] of notes.entries()) {
      const r = c.runs[i]!;
      const e = r.metrics.responseTime.mean;
      const half = (100 * (e.ci95![1] - e.ci95![0])) / 2 / e.value!;
      expect(note).toBe(
        `PRECISION NOT MET: ${r.policy.label}: mean response ±${Number(half.toPrecision(2))}% after 3 replications, asked ±0.1%, about ${r.replicationsTarget} needed (raise maxReplications)`,
      );
      expect(formatCompare(c)).toContain(note);
    }
    expect(formatRun(c.runs[0]!)).toContain(notes[0]!);
  });

  it('says nothing when the precision was met or replications were fixed', async () => {
    const met = await runComparison(
      smallScenario(['replications=auto', 'precision=0.9']),
      ['jsq'],
      executeInProcess,
    );
    expect(met.runs[0]!.precisionMet).toBe(true);
    const fixed = await runComparison(smallScenario(['replications=3']), ['jsq'], executeInProcess);
    expect(precisionNotes([...met.runs, ...fixed.runs])).toEqual([]);
    expect(formatCompare(met)).not.toContain('PRECISION');
  });
});
