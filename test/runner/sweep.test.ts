import { describe, expect, it } from 'vitest';
import type { Executor } from '../../src/runner/executor.js';
import { executeInProcess } from '../../src/runner/executor.js';
import type { PreparedPoint } from '../../src/runner/compare.js';
import {
  checkAxesAgainstPolicies,
  checkRunCount,
  MAX_SWEEP_RUNS,
  pointScenario,
  runSweep,
} from '../../src/runner/sweep.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { loadScenarioFile } from '../../src/workload/load-scenario.js';
import type { Scenario } from '../../src/workload/scenario-schema.js';
import { smallScenario } from './small-scenario.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('checkAxesAgainstPolicies(entries, axes)', () => {
  const d = [{ path: 'routing.d', values: [1, 2] }];

  it('refuses a routing axis over a parameter a --policies entry fixes, naming both flags', () => {
    expect(() => checkAxesAgainstPolicies(['jsq', 'power-of-d:d=3'], d)).toThrow(
      '--vary routing.d: power-of-d:d=3 in --policies fixes d; vary it or fix it in --policies, not both',
    );
    expect(() =>
      checkAxesAgainstPolicies(['power-of-d:mode=weighted:d=2'], [{ path: 'routing.d', values: [1] }]),
    ).toThrow('power-of-d:mode=weighted:d=2 in --policies fixes d');
  });

  it('lets an axis vary a parameter the entries leave open, and ignores other axes', () => {
    expect(() => checkAxesAgainstPolicies(['power-of-d', 'power-of-d:mode=weighted'], d)).not.toThrow();
    expect(() =>
      checkAxesAgainstPolicies(['power-of-d:d=3'], [{ path: 'workload.arrivals.rate', values: [1] }]),
    ).not.toThrow();
    // A scenario path that merely contains the name is not the parameter.
    expect(() =>
      checkAxesAgainstPolicies(['power-of-d:d=3'], [{ path: 'routing.dispatchers', values: [1] }]),
    ).not.toThrow();
  });
});

describe('runSweep', () => {
  it('refuses the conflict before any run', async () => {
    let asked = 0;
    const execute: Executor = (tasks, options) => {
      asked += tasks.length;
      return executeInProcess(tasks, options);
    };
    const base = smallScenario(['replications=1', 'stop.completed=200', 'warmup.completed=20']);
    await expect(
      runSweep(base, ['power-of-d:d=3'], [{ path: 'routing.d', values: [1, 2] }], execute),
    ).rejects.toThrow('--vary routing.d: power-of-d:d=3 in --policies fixes d');
    expect(asked).toBe(0);
    // Without the parameter in the entry, the axis sets it at each point, and the runs say so.
    const swept = await runSweep(base, ['power-of-d'], [{ path: 'routing.d', values: [1, 2] }], execute);
    expect(swept.policies).toEqual(['power-of-d']);
    expect(swept.points.map((p) => p.runs[0]!.policy.params.d)).toEqual([1, 2]);
    expect(asked).toBe(2);
  });
});

describe('runSweep labels', () => {
  // The small fixture under power-of-d with d = 5 in the file.
  const pod5 = () =>
    smallScenario([
      'replications=1',
      'stop.completed=200',
      'warmup.completed=20',
      'routing.policy=power-of-d',
      'routing.d=5',
    ]);

  it('say the parameters a policy takes from the file, at every point, as compare does', async () => {
    const rate = [{ path: 'workload.arrivals.rate', values: [2, 3] }];
    const swept = await runSweep(pod5(), ['power-of-d', 'power-of-d:d=2'], rate, executeInProcess);
    expect(swept.policies).toEqual(['power-of-d(d=5)', 'power-of-d(d=2)']);
    for (const point of swept.points) {
      expect(point.failures).toEqual([]);
      expect(point.runs.map((r) => [r.policy.label, r.policy.params.d])).toEqual([
        ['power-of-d(d=5)', 5],
        ['power-of-d(d=2)', 2],
      ]);
    }
  });

  it('leave out a parameter an axis varies (each point shows its value)', async () => {
    const swept = await runSweep(
      pod5(),
      ['power-of-d'],
      [{ path: 'routing.d', values: [1, 2] }],
      executeInProcess,
    );
    expect(swept.policies).toEqual(['power-of-d']);
    expect(swept.points.map((p) => [p.runs[0]!.policy.label, p.runs[0]!.policy.params.d])).toEqual([
      ['power-of-d', 1],
      ['power-of-d', 2],
    ]);
  });
});

describe('runSweep invalid points', () => {
  it('name the seed the point would have run with', async () => {
    const base = smallScenario(['replications=1', 'stop.completed=200', 'warmup.completed=20']);
    const axes = [
      { path: 'seed', values: [5, 6] },
      { path: 'agents.0.count', values: [1, 0] },
    ];
    const swept = await runSweep(base, ['jsq'], axes, executeInProcess);
    const invalid = swept.points.filter((p) => p.values['agents.0.count'] === 0);
    expect(invalid.map((p) => p.failures.map((f) => f.seed))).toEqual([[5], [6]]);
  });
});

describe('checkRunCount(points)', () => {
  const point = (scenario: Scenario, policies: number): PreparedPoint => ({
    scenarios: Array.from({ length: policies }, () => scenario),
    labels: Array.from({ length: policies }, (_, i) => `p${i}`),
  });
  const withAgents = (s: Scenario, count: number): Scenario => ({
    ...s,
    agents: [{ ...s.agents[0]!, count }],
  });

  it('takes a sweep of up to MAX_SWEEP_RUNS runs and refuses one past it, naming the count and the cap', () => {
    const base = smallScenario(['replications=10']);
    // 200 points × 10 policies × 10 replications = 20,000 runs: at the cap (4 agents weigh nothing more).
    expect(() => checkRunCount(Array.from({ length: 200 }, () => point(base, 10)))).not.toThrow();
    expect(() => checkRunCount(Array.from({ length: 201 }, () => point(base, 10)))).toThrow(
      `sweep: 20100 runs (201 points × 10 policies × 10 replications) are more than the ${MAX_SWEEP_RUNS} runs ` +
        'a sweep may hold in memory; use fewer points (a coarser --vary step or fewer values), fewer --policies or fewer replications',
    );
  });

  it('counts maxReplications for replications: auto', () => {
    const auto = smallScenario(['replications=auto', 'maxReplications=100']);
    expect(() => checkRunCount(Array.from({ length: 101 }, () => point(auto, 2)))).toThrow(
      'sweep: 20200 runs (101 points × 2 policies × up to 100 replications, the maxReplications of replications: auto) are more than',
    );
  });

  it('counts the per-agent timelines of fleets of 17 to 256 agents, which outweigh a run', () => {
    const base = smallScenario(['replications=1']);
    // 256 agents: 15 runs' worth of timeline past a run's share, 16 a policy at a point.
    expect(() =>
      checkRunCount(Array.from({ length: 1250 }, () => point(withAgents(base, 256), 1))),
    ).not.toThrow();
    expect(() => checkRunCount(Array.from({ length: 1251 }, () => point(withAgents(base, 256), 1)))).toThrow(
      'sweep: 1251 runs (1251 points × 1 policy × 1 replication) plus their per-agent timelines ' +
        '(fleets of up to 256 agents; every 16 agents beyond 16 weigh as much as a run) make 20016 runs',
    );
    // Larger fleets keep no per-agent timeline.
    expect(() =>
      checkRunCount(Array.from({ length: 20000 }, () => point(withAgents(base, 257), 1))),
    ).not.toThrow();
  });

  it('runSweep refuses such a sweep before any run', async () => {
    let asked = 0;
    const execute: Executor = (tasks, options) => {
      asked += tasks.length;
      return executeInProcess(tasks, options);
    };
    const base = smallScenario(['replications=1000']);
    await expect(
      runSweep(base, ['jsq', 'random'], [{ path: 'workload.arrivals.rate', values: range(1, 11) }], execute),
    ).rejects.toThrow(
      'sweep: 22000 runs (11 points × 2 policies × 1000 replications) are more than the 20000',
    );
    expect(asked).toBe(0);
  });
});

describe('pointScenario(base, values) with traces', () => {
  const replay = () => loadScenarioFile('scenarios/llm-fleet.yaml', { knownPolicies: routingPolicyNames });

  it('takes a trace path a --vary gives relative to the working directory, and checks the file', () => {
    const trace = 'traces/mooncake_conversation_trace.jsonl';
    expect(pointScenario(replay(), { 'workload.trace.file': trace }).workload.trace!.file).toBe(trace);
    expect(() => pointScenario(replay(), { 'workload.trace.file': 'traces/nope.jsonl' })).toThrow(
      '--vary workload.trace.file=traces/nope.jsonl: traces/nope.jsonl: cannot read trace file (no such file)',
    );
  });

  it('says the scenario replays a trace when a --vary goes into its arrivals', () => {
    expect(() => pointScenario(replay(), { 'workload.arrivals.rate': 2 })).toThrow(
      '--vary workload.arrivals.rate=2: the scenario replays a trace (workload.trace), so it has no workload.arrivals to change',
    );
  });
});
