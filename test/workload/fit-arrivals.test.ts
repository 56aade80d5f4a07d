// `arrivals: { process: fit }` on the shipped traces and on small generated ones: the fitted
// model's long-run rate is the trace's own (rows / duration), model: mmpp gives a 2-state MMPP,
// and a trace no valid model fits is refused at load, naming the file, line and field.
import { afterAll, describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { parseScenario } from '../../src/workload/load-scenario.js';
import type { ArrivalSpec } from '../../src/workload/scenario-schema.js';
import { inspectTrace } from '../../src/workload/trace/index.js';
import { fitMmpp2 } from '../../src/workload/trace/suggest.js';
import { tempDir } from './trace/temp-files.js';

const known = [...routingPolicies.keys()];
const CODE = { file: 'traces/AzureLLMInferenceTrace_code.csv', preset: 'azure-llm' } as const;

/** The arrivals a scenario at test/fixtures/ fits to `trace` (YAML flow mapping) with `extra` fields. */
function fitted(trace: string, extra = ''): ArrivalSpec | undefined {
  const s = parseScenario(
    `name: fitted
stop: { time: 100 }
agents: [{ name: a, count: 8, skills: [x] }]
workload:
  arrivals: { process: fit, trace: ${trace}${extra} }
  classes: [{ name: c, skill: x, size: { dist: constant, value: 1 } }]
`,
    'test/fixtures/fitted.yaml',
    { knownPolicies: known },
  );
  return s.workload.arrivals;
}

const codeTrace = `{ file: ../../${CODE.file}, preset: azure-llm }`;
const convTrace = '{ file: ../../traces/AzureLLMInferenceTrace_conv.csv, preset: azure-llm }';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A trace file of `times` (seconds, size 1 each) as a YAML flow mapping with its absolute path. */
function traceOf(name: string, times: readonly number[]): string {
  tmp.write(name, ['time,size', ...times.map((t) => `${t},1`)].join('\n'));
  return `{ file: ${tmp.dir}/${name} }`;
}

/** Long-run arrivals per second of a cyclic MMPP: each state's rate weighted by its mean sojourn. */
function mmppMean(a: ArrivalSpec | undefined): number {
  if (a?.process !== 'mmpp') throw new Error(`expected mmpp, got ${a?.process}`);
  const time = a.states.reduce((t, s) => t + 1 / s.switchRate, 0);
  return a.states.reduce((r, s) => r + s.rate / s.switchRate, 0) / time;
}

describe('the rate of fitted arrivals', () => {
  // The code trace: 8,819 requests in 3435.948056 s, 2.566686 per second (traces/README.md).
  const rate = inspectTrace(CODE, '.').ratePerSecond!;

  it('model: poisson runs at the trace rate, rows / duration, times rateScale', () => {
    expect(rate).toBeCloseTo(8819 / 3435.948056, 12);
    expect(fitted(codeTrace, ', model: poisson')).toEqual({ process: 'poisson', rate });
    expect(fitted(codeTrace, ', model: poisson, rateScale: 2')).toEqual({
      process: 'poisson',
      rate: 2 * rate,
    });
  });

  it("the 2-state MMPP fitted to the bursty code trace has the trace's rate as its long-run mean", () => {
    expect(mmppMean(fitted(codeTrace))).toBeCloseTo(rate, 9);
  });

  it('fitMmpp2 gives each state its share of the minutes, however many runs each has', () => {
    // Quiet and busy in turn: four quiet runs and three busy ones, 3 busy minutes of 7.
    const fit = fitMmpp2([0, 6, 0, 6, 0, 6, 0], 18 / 420)!;
    const { busy, quiet } = fit.meanSojournSeconds;
    expect(busy / (busy + quiet)).toBeCloseTo(3 / 7, 12);
    expect((fit.rates.busy * busy + fit.rates.quiet * quiet) / (busy + quiet)).toBeCloseTo(18 / 420, 12);
  });

  it("fitMmpp2 scales both states' rates so the long-run mean is the rate it is given", () => {
    const fit = fitMmpp2([0, 0, 6, 6, 0, 6], 0.1)!;
    expect(fit.rates).toEqual({ busy: 0.2, quiet: 0 });
  });
});

describe('model: mmpp', () => {
  it('fits a 2-state MMPP even where auto would not (the conv trace suggests Poisson)', () => {
    expect(fitted(convTrace)?.process).toBe('poisson');
    const a = fitted(convTrace, ', model: mmpp');
    expect(a?.process).toBe('mmpp');
    // The conv trace: 19,366 requests in 3501.721937 s (traces/README.md).
    expect(mmppMean(a)).toBeCloseTo(19366 / 3501.721937, 9);
  });

  it('on the code trace is the MMPP auto fits, its rates times rateScale', () => {
    const auto = fitted(codeTrace);
    expect(fitted(codeTrace, ', model: mmpp')).toEqual(auto);
    const doubled = fitted(codeTrace, ', model: mmpp, rateScale: 2');
    if (auto?.process !== 'mmpp' || doubled?.process !== 'mmpp') throw new Error('expected mmpp');
    expect(doubled.states.map((s) => s.rate)).toEqual(auto.states.map((s) => 2 * s.rate));
  });

  it('splits minutes whose median is the highest count ([1, 5, 5, 5])', () => {
    expect(fitMmpp2([1, 5, 5, 5], 16 / 240)?.rates).toEqual({ busy: 5 / 60, quiet: 1 / 60 });
  });

  it('is refused, naming the field, on a trace shorter than 2 full minutes', () => {
    const trace = traceOf('short.csv', [0, 1, 5, 90]);
    expect(() => fitted(trace, ', model: mmpp')).toThrow(
      `test/fixtures/fitted.yaml:5: workload.arrivals.model: trace ${tmp.dir}/short.csv cannot be fitted by a 2-state MMPP: it spans 90 s, and the fit needs at least 2 full minutes to split into busy and quiet; expected model: poisson or auto`,
    );
  });

  it('is refused on a trace whose full minutes all hold as many arrivals', () => {
    const trace = traceOf(
      'even.csv',
      Array.from({ length: 300 }, (_, i) => i),
    );
    expect(() => fitted(trace, ', model: mmpp')).toThrow(
      'workload.arrivals.model: trace ' +
        `${tmp.dir}/even.csv cannot be fitted by a 2-state MMPP: its 4 full minutes all hold 60 arrivals, so none is busier than another`,
    );
  });
});

describe('a trace no valid model fits', () => {
  it('one row: refused at load, not fitted to Poisson at rate 0', () => {
    const trace = traceOf('one.csv', [42]);
    for (const model of ['auto', 'poisson', 'mmpp'])
      expect(() => fitted(trace, `, model: ${model}`)).toThrow(
        `test/fixtures/fitted.yaml:5: workload.arrivals.trace: trace ${tmp.dir}/one.csv has one row: its arrivals span 0 s, so it has no rate to fit; expected a trace whose arrivals span some time`,
      );
  });

  it('all rows at one time: refused at load, not fitted to batches 0 s apart', () => {
    const trace = traceOf('same.csv', [5, 5, 5]);
    expect(() => fitted(trace)).toThrow(
      `workload.arrivals.trace: trace ${tmp.dir}/same.csv has 3 rows, all at one time: its arrivals span 0 s`,
    );
  });

  it('a fitted size the schema would refuse written by hand is refused (negative priorities)', () => {
    tmp.write('prio.csv', 'time,size,prio\n0,1,-2\n1,1,3\n');
    const load = () =>
      parseScenario(
        `name: fitted-size
stop: { time: 100 }
agents: [{ name: a, skills: [x] }]
workload:
  arrivals: { process: poisson, rate: 1 }
  classes:
    - name: c
      skill: x
      size: { dist: fit, trace: { file: ${tmp.dir}/prio.csv, columns: { priority: prio } }, column: prio }
`,
        'test/fixtures/fitted.yaml',
        { knownPolicies: known },
      );
    expect(load).toThrow(
      `test/fixtures/fitted.yaml:9: workload.classes.0.size: the empirical distribution fitted to column 'prio' of trace ${tmp.dir}/prio.csv would be refused if written by hand (values.0: expected a number >= 0 (work units), got -2)`,
    );
  });
});
