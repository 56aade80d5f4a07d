import { describe, expect, it } from 'vitest';
import { formatCompare } from '../../src/cli/format-compare.js';
import { formatRun } from '../../src/cli/format-run.js';
import { precisionNotes, warmupNotes } from '../../src/runner/run-notes.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { smallScenario } from '../runner/small-scenario.js';

describe('precisionNotes(runs)', () => {
  it('names each run that stopped at maxReplications short of the precision, in compare and run tables', async () => {
    const s = smallScenario(['replications=auto', 'precision=0.01', 'maxReplications=3']);
    const c = await runComparison(s, ['jsq', 'random'], executeInProcess);
    const notes = precisionNotes(c.runs);
    expect(notes).toHaveLength(2);
    for (const [i, note] of notes.entries()) {
      const r = c.runs[i]!;
      const e = r.metrics.responseTime.mean;
      const half = (100 * (e.ci95![1] - e.ci95![0])) / 2 / e.value!;
      expect(note).toBe(
        `PRECISION NOT MET: ${r.policy.label}: mean response ±${Number(half.toPrecision(2))}% after 3 replications, asked ±1%, about ${r.replicationsTarget} needed (raise maxReplications to about ${r.replicationsTarget})`,
      );
      expect(formatCompare(c)).toContain(note);
    }
    expect(formatRun(c.runs[0]!)).toContain(notes[0]!);
  });

  it('advises what can be done: a coarser precision past the 10,000 cap, maxReplications when capped at 1', async () => {
    const fine = await runComparison(
      smallScenario(['replications=auto', 'precision=0.0001', 'maxReplications=3']),
      ['jsq'],
      executeInProcess,
    );
    expect(fine.runs[0]!.replicationsTarget).toBeGreaterThan(10_000);
    expect(precisionNotes(fine.runs)[0]).toMatch(
      /needed \(more than the 10,000 maxReplications can be: ask a coarser precision\)$/,
    );
    const one = await runComparison(
      smallScenario(['replications=auto', 'precision=0.001', 'maxReplications=1']),
      ['jsq'],
      executeInProcess,
    );
    expect(formatCompare(one)).toContain(
      'One replication: no confidence intervals (raise maxReplications to 2 or more)',
    );
    expect(formatRun(one.runs[0]!)).toContain('(raise maxReplications to 2 or more)');
    // One replication has no interval to estimate from: no "about 2 needed", no count to raise it to.
    expect(precisionNotes(one.runs)[0]).toBe(
      'PRECISION NOT MET: jsq: mean response with no interval after 1 replication, asked ±0.1% (raise maxReplications)',
    );
    const fixed = await runComparison(smallScenario(['replications=1']), ['jsq'], executeInProcess);
    expect(formatRun(fixed.runs[0]!)).toContain(
      'One replication: no confidence intervals (give --replications 2 or more)',
    );
  });

  it('the header says replications: auto ran them, and whether the precision was reached', async () => {
    const met = await runComparison(
      smallScenario(['replications=auto', 'precision=0.9']),
      ['jsq'],
      executeInProcess,
    );
    expect(formatCompare(met).split('\n')[0]).toMatch(/ · \d+ replications \(auto: ±90% reached\) · seed /);
    expect(formatRun(met.runs[0]!).split('\n')[0]).toMatch(/ · \d+ replications \(auto: ±90% reached\)$/);
    const short = await runComparison(
      smallScenario(['replications=auto', 'precision=0.01', 'maxReplications=3']),
      ['jsq'],
      executeInProcess,
    );
    expect(formatCompare(short).split('\n')[0]).toContain(' · 3 replications (auto: ±1% not reached) · ');
    const fixed = await runComparison(smallScenario(['replications=3']), ['jsq'], executeInProcess);
    expect(formatCompare(fixed).split('\n')[0]).toContain(' · 3 replications · ');
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

describe('warmupNotes(runs)', () => {
  it('names each run where warmup: auto cut half the run (an overloaded fleet never settles)', async () => {
    // 5 tasks/s on 4 agents of speed 1: response times climb all run long, so MSER cuts the most
    // it may, half of every replication.
    const s = smallScenario(['warmup=auto', 'workload.arrivals.rate=5', 'replications=2']);
    const c = await runComparison(s, ['jsq'], executeInProcess);
    const cuts = c.runs[0]!.replicationResults.map((r) => r.warmupCut);
    expect(cuts.map((x) => x?.atLimit)).toEqual([true, true]);
    expect(cuts.map((x) => x?.completed)).toEqual([2500, 2500]);
    const note =
      'WARM-UP AT LIMIT: jsq: warmup: auto cut half the run in 2 of 2 replications; the transient may last longer than the run (make stop later)';
    expect(warmupNotes(c.runs)).toEqual([note]);
    expect(formatCompare(c)).toContain(note);
    expect(formatRun(c.runs[0]!)).toContain(note);
  });

  it('says nothing for a stable fleet or a fixed warm-up, and leaves atLimit out of their results', async () => {
    const auto = await runComparison(
      smallScenario(['warmup=auto', 'replications=2']),
      ['jsq'],
      executeInProcess,
    );
    expect(
      auto.runs[0]!.replicationResults.every((r) => r.warmupCut !== undefined && !('atLimit' in r.warmupCut)),
    ).toBe(true);
    const fixed = await runComparison(smallScenario(['replications=2']), ['jsq'], executeInProcess);
    expect(warmupNotes([...auto.runs, ...fixed.runs])).toEqual([]);
  });
});
