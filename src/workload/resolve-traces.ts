// Traces named by a scenario, resolved when it is loaded: paths become relative to the working
// directory (so results name the same file on any machine run from the same place), the trace is
// opened once to check its header, and `arrivals: { process: fit }` and `{ dist: fit }` sizes are
// replaced by the models fitted to their traces, so the normalized scenario says exactly what
// will be generated.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { ArrivalSpec, Scenario, SizeDist } from './scenario-schema.js';
import { readerSpec } from './trace-workload.js';
import { inspectTrace, TraceReader } from './trace/index.js';
import type { ArrivalSuggestion } from './trace/suggest.js';

/** A path written in a scenario file (relative to that file) as a path from the working directory. */
export function rebase(file: string, scenarioFile: string): string {
  if (isAbsolute(file)) return file;
  return relative(process.cwd(), resolve(dirname(scenarioFile), file)) || '.';
}

/** The arrival process a fit suggests, its rates multiplied by `scale`. */
export function arrivalsFromSuggestion(
  s: ArrivalSuggestion,
  scale: number,
  model: 'auto' | 'poisson' | 'mmpp',
): ArrivalSpec {
  const mean =
    s.process === 'mmpp2'
      ? (s.rates.busy * s.meanSojournSeconds.busy + s.rates.quiet * s.meanSojournSeconds.quiet) /
        (s.meanSojournSeconds.busy + s.meanSojournSeconds.quiet)
      : s.process === 'batch'
        ? s.meanBatchSize / s.intervalSeconds
        : s.process === 'piecewise'
          ? s.rates.reduce((a, b) => a + b, 0) / s.rates.length
          : s.rate;
  if (model === 'poisson') return { process: 'poisson', rate: mean * scale };
  switch (s.process) {
    case 'poisson':
    case 'constant':
      return { process: s.process, rate: s.rate * scale };
    case 'mmpp2':
      return {
        process: 'mmpp',
        states: [
          { rate: s.rates.busy * scale, switchRate: s.switchRates.busyToQuiet },
          { rate: s.rates.quiet * scale, switchRate: s.switchRates.quietToBusy },
        ],
      };
    case 'batch':
      return { process: 'batch', intervalSeconds: s.intervalSeconds / scale, meanBatchSize: s.meanBatchSize };
    case 'piecewise':
      return {
        process: 'piecewise',
        steps: s.rates.map((rate, i) => ({ at: i * s.stepSeconds, rate: rate * scale })),
      };
  }
}

/** A size distribution fitted to a trace column: 20 mid-quantiles, or a lognormal by moments. */
function fittedSize(d: Extract<SizeDist, { dist: 'fit' }>, scenarioFile: string): SizeDist {
  const trace = { ...d.trace, file: rebase(d.trace.file, scenarioFile) };
  const stats = inspectTrace(trace, '.');
  const fit = stats.suggestion.sizes[d.column];
  if (fit === undefined)
    throw new InputError(
      `${trace.file}: no numeric column '${d.column}' to fit (columns: ${Object.keys(stats.suggestion.sizes).join(', ')})`,
    );
  if (d.model === 'lognormal') {
    if (fit.lognormal === null)
      throw new InputError(`${trace.file}: column '${d.column}' cannot be fitted by a lognormal`);
    return { ...fit.lognormal };
  }
  return { dist: 'empirical', values: [...fit.empirical.values] };
}

function resolveSizes(scenario: Scenario, scenarioFile: string): Scenario {
  const resolve = (d: SizeDist | undefined) => (d?.dist === 'fit' ? fittedSize(d, scenarioFile) : d);
  const classes = scenario.workload.classes.map((c) => {
    const out = { ...c };
    for (const field of ['size', 'inputTokens', 'outputTokens'] as const) {
      const d = resolve(c[field]);
      if (d !== undefined) out[field] = d;
    }
    return out;
  });
  return { ...scenario, workload: { ...scenario.workload, classes } };
}

export function resolveTraces(scenario: Scenario, scenarioFile: string): Scenario {
  let s = resolveSizes(scenario, scenarioFile);
  const w = s.workload;
  if (w.trace !== undefined) {
    const trace = { ...w.trace, file: rebase(w.trace.file, scenarioFile) };
    // Opening the reader checks the file, its header against the mapping and the first row.
    new TraceReader(readerSpec(trace, 1), '.').close();
    s = { ...s, workload: { ...s.workload, trace } };
  }
  const a = s.workload.arrivals;
  if (a?.process === 'fit') {
    const trace = { ...a.trace, file: rebase(a.trace.file, scenarioFile) };
    const stats = inspectTrace(trace, '.');
    const arrivals = arrivalsFromSuggestion(stats.suggestion.arrivals, a.rateScale, a.model);
    s = { ...s, workload: { ...s.workload, arrivals } };
  }
  return s;
}
