// Replaying recorded traces: rows become tasks lazily, times are shifted to start at 0 and scaled,
// replications replay identically unless bootstrap resampling is asked for, and a trace can be
// replayed at a target utilization.
import { afterAll, describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import type { Probe } from '../../src/sim/probe.js';
import { simulate } from '../../src/sim/simulate.js';
import { loadScenarioFile, parseScenario } from '../../src/workload/load-scenario.js';
import type { Scenario } from '../../src/workload/scenario-schema.js';
import { tempDir } from './trace/temp-files.js';

const known = [...routingPolicies.keys()];
const tmp = tempDir();
afterAll(() => tmp.remove());

function scenario(trace: string, extra = ''): Scenario {
  return parseScenario(
    `name: replay
seed: 1
stop: { time: 1000 }
agents:
  - { name: pool, count: 2, skills: [x] }
workload:
  trace: ${trace}
  classes:
    - { name: fast, skill: x }
    - { name: slow, skill: x }
${extra}`,
    'test/fixtures/scenario.yaml',
    { knownPolicies: known },
  );
}

function arrivals(s: Scenario, replication: number): string[] {
  const seen: string[] = [];
  const probe: Probe = {
    arrived: (seq, cls, now) => seen.push(`${seq}:${cls}:${now.toFixed(6)}`),
    started: () => {},
    completed: () => {},
    rejected: () => {},
  };
  const def = routingPolicies.get('jsq')!;
  simulate(compileScenario(s), { policy: def, params: {}, seed: s.seed, replication, probe });
  return seen;
}

const SMALL =
  '{ file: traces/small.csv, timeUnit: iso, columns: { time: when, size: work, class: kind, key: tenant } }';

describe('trace replay', () => {
  it('turns rows into tasks at times shifted to 0, with their classes', () => {
    expect(arrivals(scenario(SMALL), 0)).toEqual([
      '0:0:0.000000',
      '1:1:0.500000',
      '2:0:1.000000',
      '3:0:2.250000',
      '4:1:10.000000',
    ]);
  });

  it('resolves the trace path relative to the scenario file', () => {
    expect(scenario(SMALL).workload.trace!.file).toBe('test/fixtures/traces/small.csv');
  });

  it('rateScale 2 replays twice as fast', () => {
    const s = scenario(SMALL.replace('tenant } }', 'tenant }, rateScale: 2 }'));
    expect(arrivals(s, 0).at(-1)).toBe('4:1:5.000000');
  });

  it('replays identically in every replication, and differently with resample: bootstrap', () => {
    const plain = scenario(SMALL);
    expect(arrivals(plain, 1)).toEqual(arrivals(plain, 0));
    const boot = scenario(SMALL.replace('tenant } }', 'tenant }, resample: bootstrap, blockSeconds: 2 }'));
    const reps = [0, 1, 2, 3].map((r) => arrivals(boot, r).join(' '));
    expect(new Set(reps).size).toBeGreaterThan(1);
  });

  it('bootstrap blocks are blockSeconds of replay time: with rateScale 2, twice as long in the trace', () => {
    // Classes in turn every 10 s of the trace: 20 s of it (one 10 s block at rateScale 2) is a
    // whole period, so every resample replays the trace as it is; blocks of 10 s of the trace
    // would reorder fast and slow halves.
    const rows = Array.from({ length: 40 }, (_, t) => `${t},1,${t % 20 < 10 ? 'fast' : 'slow'}`);
    tmp.write('period.csv', ['time,size,kind', ...rows].join('\n'));
    const spec = (more: string) =>
      `{ file: ${tmp.dir}/period.csv, columns: { class: kind }, rateScale: 2${more} }`;
    const plain = arrivals(scenario(spec('')), 0);
    const boot = scenario(spec(', resample: bootstrap, blockSeconds: 10'));
    for (const r of [0, 1, 2, 3]) expect(arrivals(boot, r)).toEqual(plain);
    const halves = scenario(spec(', resample: bootstrap, blockSeconds: 5'));
    expect(new Set([0, 1, 2, 3].map((r) => arrivals(halves, r).join(' '))).size).toBeGreaterThan(1);
  });

  it('a class the scenario does not have fails the run naming the trace line', () => {
    const s = scenario(SMALL).workload.classes.slice(0, 1);
    const only = { ...scenario(SMALL), workload: { ...scenario(SMALL).workload, classes: s } };
    expect(() => arrivals(only, 0)).toThrow(/small\.csv:3: class 'slow' is not a class of the scenario/);
  });

  it('a missing trace file is an input error naming it', () => {
    expect(() => scenario('{ file: traces/nope.csv }')).toThrow(/nope\.csv/);
  });

  it('targetUtilization scales the replay to load the fleet as asked', () => {
    const s = loadScenarioFile('scenarios/llm-fleet.yaml', { knownPolicies: [...known, 'prefix-affinity'] });
    const plain: Scenario = {
      ...s,
      agents: [
        {
          ...s.agents[0]!,
          service: undefined,
          prefixCache: undefined,
          speed: 5000,
        } as Scenario['agents'][number],
      ],
      workload: {
        ...s.workload,
        trace: { ...s.workload.trace!, targetUtilization: 0.5 },
        serviceNoise: undefined,
      },
      warmup: undefined,
    } as Scenario;
    const def = routingPolicies.get('round-robin')!;
    const r = simulate(compileScenario(plain), { policy: def, params: {}, seed: 1, replication: 0 });
    // Utilization over the replay (until the last completion) is the target, give or take the drain.
    expect(r.metrics.utilization).toBeGreaterThan(0.45);
    expect(r.metrics.utilization).toBeLessThan(0.52);
  });
});

describe('arrivals fitted to a trace', () => {
  it('process: fit replaces itself with a model at the trace rate', () => {
    const s = parseScenario(
      `name: fitted
stop: { completed: 1000 }
agents: [{ name: a, count: 8, skills: [x] }]
workload:
  arrivals: { process: fit, trace: { file: ../../traces/AzureLLMInferenceTrace_conv.csv, preset: azure-llm } }
  classes: [{ name: c, skill: x, size: { dist: exponential, mean: 1 } }]
`,
      'test/fixtures/fitted.yaml',
      { knownPolicies: known },
    );
    // The conv trace: 19,366 requests in 3501.72 s (5.530422 per second), inter-arrival CV 1.09:
    // close enough to 1 for a Poisson process at the trace's rate.
    expect(s.workload.arrivals).toEqual({ process: 'poisson', rate: expect.closeTo(5.530422, 5) });
  });

  /** A scenario whose one class's size is fitted to the conv trace's `column`. */
  const fittedSize = (fit: string) =>
    parseScenario(
      `name: fitted-size
stop: { completed: 1000 }
agents: [{ name: a, count: 8, skills: [x] }]
workload:
  arrivals: { process: poisson, rate: 1 }
  classes:
    - name: c
      skill: x
      size: { dist: fit, trace: { file: ../../traces/AzureLLMInferenceTrace_conv.csv, preset: azure-llm }, ${fit} }
`,
      'test/fixtures/fitted.yaml',
      { knownPolicies: known },
    );

  it('dist: fit replaces a size with the empirical or lognormal fit of a trace column', () => {
    const parse = (model: string) =>
      fittedSize(`column: ContextTokens, model: ${model}`).workload.classes[0]!.size;
    const empirical = parse('empirical');
    expect(empirical?.dist).toBe('empirical');
    const values = empirical?.dist === 'empirical' ? empirical.values : [];
    expect(values).toHaveLength(20);
    // The empirical fit keeps the column's mean.
    expect((values.reduce((a, b) => a + b, 0) / 20).toFixed(4)).toBe('1154.6974');
    // ContextTokens of the conv trace: mean 1154.6974 (traces/README.md).
    expect(parse('lognormal')).toEqual({
      dist: 'lognormal',
      mean: expect.closeTo(1154.6974, 3),
      cv: expect.any(Number),
    });
  });

  it('a fit to a column the trace lacks names the scenario file, line and field (exit 2)', () => {
    expect(() => fittedSize('column: nosuch')).toThrow(
      "test/fixtures/fitted.yaml:9: workload.classes.0.size.column: trace traces/AzureLLMInferenceTrace_conv.csv has no numeric column 'nosuch' to fit (columns: ContextTokens, GeneratedTokens, size)",
    );
  });
});
