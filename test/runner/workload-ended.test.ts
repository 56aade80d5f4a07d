// A run whose workload runs out of tasks before its stop (a replayed trace shorter than
// stop.completed) ends with its last task: each such replication says so (workloadEnded), and the
// tables add one line. A run that reaches its stop keeps its bytes: no field is added.
import { describe, expect, it } from 'vitest';
import { formatCompare } from '../../src/cli/format-compare.js';
import { formatRun } from '../../src/cli/format-run.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { parseScenario } from '../../src/workload/load-scenario.js';
import { reportModel } from '../../src/report/report-model.js';
import { parseResult } from '../../src/report/load-result.js';

// The fixture trace has 5 rows, in test/fixtures/traces/ (paths are relative to the scenario file).
function replay(stop: string) {
  return parseScenario(
    `name: short-replay
seed: 1
replications: 2
stop: ${stop}
agents:
  - { name: pool, count: 2, skills: [x] }
workload:
  trace: { file: traces/small.csv, timeUnit: iso, columns: { time: when, size: work } }
  classes:
    - { name: default, skill: x }
routing: { policy: jsq }
`,
    'test/fixtures/scenario.yaml',
    { knownPolicies: routingPolicyNames },
  );
}

describe('a workload that runs out before the stop', () => {
  it('marks each replication and adds one line to the run table', () => {
    const r = runScenario(replay('{ completed: 100 }'));
    expect(r.replicationResults.map((x) => x.workloadEnded)).toEqual([true, true]);
    expect(r.metrics.completed.value).toBe(5);
    expect(formatRun(r)).toContain(
      'WORKLOAD ENDED: the workload ran out of tasks before the stop (100 completed tasks) in 2 of 2 replications; those replications ended with their last task',
    );
  });

  it('says it once for every policy of a comparison', async () => {
    const c = await runComparison(replay('{ completed: 100 }'), ['jsq', 'random'], executeInProcess);
    const lines = formatCompare(c)
      .split('\n')
      .filter((l) => l.startsWith('WORKLOAD ENDED'));
    expect(lines).toEqual([
      'WORKLOAD ENDED: the workload ran out of tasks before the stop (100 completed tasks) in 2 of 2 replications of every policy; those replications ended with their last task',
    ]);
    // The report reads it back from the JSON and says the same line.
    expect(reportModel(parseResult(JSON.stringify(c), 'c.json'), 'c.json').runNotes).toEqual(lines);
  });

  it('adds nothing to a run that reaches its stop', () => {
    const r = runScenario(replay('{ completed: 3 }'));
    expect(r.replicationResults.every((x) => !('workloadEnded' in x))).toBe(true);
    expect(formatRun(r)).not.toContain('WORKLOAD ENDED');
    // A time stop always gets there: the stop is an event of its own.
    const timed = runScenario(replay('{ time: 1000 }'));
    expect(timed.replicationResults.every((x) => !('workloadEnded' in x))).toBe(true);
  });
});
