// What tables say beyond the figures: where warmup: auto cut, the seed of a failed run, a seed
// that varies by point, and how many of the policies asked for failed.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCompare } from '../../src/cli/format-compare.js';
import { formatRun } from '../../src/cli/format-run.js';
import {
  FAILED_AT_POINTS_LEFT_OUT,
  FAILED_POLICIES_LEFT_OUT,
  warmupCutSpread,
} from '../../src/runner/run-notes.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { preloadPolicies } from '../../src/runner/resolve-policy.js';
import { loadScenarioFile } from '../../src/workload/load-scenario.js';
import { smallScenario } from '../runner/small-scenario.js';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

// Fails every run of two-skills.yaml deterministically (a module-level counter would not).
const WRONG = 'test/fixtures/policies/wrong-skill.ts';
const TWO = 'test/fixtures/scenarios/two-skills.yaml';

describe('warmup: auto in tables', () => {
  it('compare shows the cut per policy (mean, min, max, mean start) and run shows it in a line', async () => {
    const c = await runComparison(
      smallScenario(['warmup=auto', 'replications=2', 'stop.completed=2000']),
      ['jsq', 'random'],
      executeInProcess,
    );
    const table = formatCompare(c);
    expect(table).toContain(
      'warmup: auto cut per replication (completed tasks discarded; virtual time observation began):',
    );
    for (const r of c.runs) {
      const cuts = r.replicationResults.map((x) => x.warmupCut!);
      const completed = cuts.map((x) => x.completed);
      const spread = warmupCutSpread(r)!;
      expect(spread).toEqual({
        replications: 2,
        meanCompleted: (completed[0]! + completed[1]!) / 2,
        minCompleted: Math.min(...completed),
        maxCompleted: Math.max(...completed),
        meanSeconds: (cuts[0]!.seconds + cuts[1]!.seconds) / 2,
      });
      const cutRows = table
        .split('\n')
        .slice(table.split('\n').indexOf('policy  cut mean  cut min  cut max  from mean (s)'));
      const row = cutRows.find((l) => l.startsWith(`${r.policy.label} `));
      expect(row?.trim().split(/\s+/).slice(1, 4)).toEqual(
        [spread.meanCompleted, spread.minCompleted, spread.maxCompleted].map((x) =>
          Number.isInteger(x) ? String(x) : x.toFixed(1),
        ),
      );
      expect(formatRun(r)).toMatch(
        /\nwarmup: auto (cut the first \S+ completed tasks per replication|found no transient)/,
      );
    }
  });

  it('says nothing of a cut with a fixed warm-up', async () => {
    const c = await runComparison(
      smallScenario(['replications=2', 'stop.completed=600', 'warmup.completed=60']),
      ['jsq'],
      executeInProcess,
    );
    expect(warmupCutSpread(c.runs[0]!)).toBeUndefined();
    expect(formatCompare(c)).not.toContain('warmup: auto');
    expect(formatRun(c.runs[0]!)).not.toContain('warmup: auto');
  });

  it('run with one replication says where it cut without min and max', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--set',
      'warmup=auto',
      '--set',
      'workload.arrivals.rate=5',
      '--replications',
      '1',
      '--quiet',
    );
    expect(r.code).toBe(0);
    // An overloaded fleet: MSER cuts half of the 5000 completions.
    expect(r.stdout).toMatch(
      /\nwarmup: auto cut the first 2500 completed tasks; observation began at [\d.]+ s\.\n/,
    );
  });
});

describe('failed runs in tables', () => {
  beforeAll(() => preloadPolicies([WRONG]));

  it('compare counts every policy asked for, says how many failed, and gives each failure its seed', async () => {
    const two = loadScenarioFile(TWO, { overrides: ['seed=11'], knownPolicies: routingPolicyNames });
    const c = await runComparison(two, ['jsq', WRONG], executeInProcess);
    expect(c.runs.map((r) => r.policy.label)).toEqual(['jsq']);
    expect(c.failures.map((f) => [f.seed, f.replication])).toEqual([
      [11, 0],
      [11, 1],
    ]);
    const table = formatCompare(c);
    expect(table.split('\n')[0]).toBe(
      'two-skills · 2 policies (1 failed) · 2 replications · seed 11 · same workload for every policy',
    );
    for (const f of c.failures)
      expect(table).toContain(`FAILED wrong-skill (seed 11, replication ${f.replication}): ${f.error}`);
    // Then, once, what became of the failed policy's other runs; a comparison with no failure says nothing.
    expect(table.endsWith(`\n\n${FAILED_POLICIES_LEFT_OUT}`)).toBe(true);
    const ok = await runComparison(
      smallScenario(['replications=2', 'stop.completed=600', 'warmup.completed=60']),
      ['jsq', 'random'],
      executeInProcess,
    );
    expect(formatCompare(ok).split('\n')[0]).toContain('· 2 policies · 2 replications ·');
  });

  it('sweep gives each failure the seed it ran with, and with --vary seed says the seed varies', async () => {
    const r = await runCli(
      'sweep',
      TWO,
      '--policies',
      `jsq,${WRONG}`,
      '--vary',
      'seed=1,5',
      '--quiet',
      ...FAST,
    );
    expect(r.code).toBe(3);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'two-skills · 2 policies × 2 points · 2 replications · seed varies by point · same workload for every policy at a point',
    );
    for (const seed of [1, 5])
      for (const replication of [0, 1])
        expect(r.stdout).toContain(
          `\nFAILED wrong-skill at seed=${seed} (seed ${seed}, replication ${replication}): `,
        );
    expect(r.stdout.split(FAILED_AT_POINTS_LEFT_OUT)).toHaveLength(2);
    const fixed = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=2,3',
      '--quiet',
      ...FAST,
    );
    expect(fixed.stdout.split('\n')[0]).toContain('· seed 3 ·');
  });
});
