// A sweep over the fields of a fit (`arrivals: { process: fit }`, `size: { dist: fit }`): each
// point's values apply to the scenario as written and the fit is made again, as with run --set.
import { afterAll, describe, expect, it } from 'vitest';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { pointScenario, runSweep } from '../../src/runner/sweep.js';
import { parseScenario } from '../../src/workload/load-scenario.js';
import { inspectTrace } from '../../src/workload/trace/index.js';
import { tempDir } from '../workload/trace/temp-files.js';

const CONV = 'traces/AzureLLMInferenceTrace_conv.csv';
const CODE = 'traces/AzureLLMInferenceTrace_code.csv';
const rateOf = (file: string) => inspectTrace({ file, preset: 'azure-llm' }, '.').ratePerSecond!;

/** Arrivals fitted to the conv trace; the class's size fitted to its ContextTokens. */
const fitted = () =>
  parseScenario(
    `name: fitted
replications: 1
stop: { time: 60 }
agents: [{ name: a, count: 8, speed: 1000, skills: [x] }]
workload:
  arrivals: { process: fit, trace: { file: ../../${CONV}, preset: azure-llm } }
  classes:
    - name: c
      skill: x
      size: { dist: fit, trace: { file: ../../${CONV}, preset: azure-llm }, column: ContextTokens }
`,
    'test/fixtures/fitted.yaml',
    { knownPolicies: routingPolicyNames },
  );

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('pointScenario(base, values) on a fitted scenario', () => {
  it('applies workload.arrivals.rateScale and .model to the fit, not to the model it made', () => {
    expect(pointScenario(fitted(), { 'workload.arrivals.rateScale': 2 }).workload.arrivals).toEqual({
      process: 'poisson',
      rate: 2 * rateOf(CONV),
    });
    expect(pointScenario(fitted(), { 'workload.arrivals.model': 'mmpp' }).workload.arrivals?.process).toBe(
      'mmpp',
    );
  });

  it('fits another trace a --vary names (relative to the working directory)', () => {
    const point = pointScenario(fitted(), { 'workload.arrivals.trace.file': CODE });
    expect(point.workload.arrivals?.process).toBe('mmpp');
  });

  it('fits the size to another column', () => {
    const size = pointScenario(fitted(), { 'workload.classes.0.size.column': 'GeneratedTokens' }).workload
      .classes[0]!.size;
    const values = size?.dist === 'empirical' ? size.values : [];
    // GeneratedTokens of the conv trace: mean 211.1259 (traces/README.md).
    expect((values.reduce((a, b) => a + b, 0) / values.length).toFixed(4)).toBe('211.1259');
  });

  it('keeps the base fit when no value touches the workload', () => {
    const base = fitted();
    expect(pointScenario(base, { 'agents.0.count': 4 }).workload).toEqual(base.workload);
  });

  it('refuses a point whose trace cannot be fitted, naming its --vary and the field', () => {
    tmp.write('one.csv', 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n');
    const one = `${tmp.dir}/one.csv`;
    expect(() =>
      pointScenario(fitted(), { 'agents.0.count': 4, 'workload.arrivals.trace.file': one }),
    ).toThrow(
      `--vary workload.arrivals.trace.file=${one}: workload.arrivals.trace: trace ${one} has one row: its arrivals span 0 s`,
    );
  });
});

describe('runSweep over a fit', () => {
  it('runs every point of --vary workload.arrivals.rateScale', async () => {
    const axes = [{ path: 'workload.arrivals.rateScale', values: [1, 2] }];
    const swept = await runSweep(fitted(), ['jsq'], axes, executeInProcess);
    expect(swept.points.map((p) => [p.error, p.runs.length])).toEqual([
      [undefined, 1],
      [undefined, 1],
    ]);
  });
});
