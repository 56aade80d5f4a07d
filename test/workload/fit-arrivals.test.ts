// `arrivals: { process: fit }` on the shipped traces and on small generated ones: the fitted
// model's long-run rate is the trace's own (rows / duration).
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { parseScenario } from '../../src/workload/load-scenario.js';
import type { ArrivalSpec } from '../../src/workload/scenario-schema.js';
import { inspectTrace } from '../../src/workload/trace/index.js';
import { fitMmpp2 } from '../../src/workload/trace/suggest.js';

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
