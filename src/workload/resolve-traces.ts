// Traces named by a scenario, resolved when it is loaded: paths become relative to the working
// directory (so results name the same file on any machine run from the same place), the trace is
// opened once to check its header, and `arrivals: { process: fit }` is replaced by the model
// fitted to the trace, so the normalized scenario says exactly what will be generated.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ArrivalSpec, Scenario } from './scenario-schema.js';
import { readerSpec } from './trace-workload.js';
import { inspectTrace, TraceReader } from './trace/index.js';
import type { ArrivalSuggestion } from './trace/suggest.js';

function rebase(file: string, scenarioFile: string): string {
  if (isAbsolute(file)) return file;
  return relative(process.cwd(), resolve(dirname(scenarioFile), file)) || '.';
}

/** The arrival process a fit suggests, its rates multiplied by `scale`. */
export function arrivalsFromSuggestion(s: ArrivalSuggestion, scale: number, model: 'auto' | 'poisson' | 'mmpp'): ArrivalSpec {
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

export function resolveTraces(scenario: Scenario, scenarioFile: string): Scenario {
  let s = scenario;
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
