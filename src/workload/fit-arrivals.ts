// `arrivals: { process: fit }`: the arrival process fitted to a trace's figures, its rates times
// the fit's rateScale. auto takes the model inspectTrace suggests; poisson runs at the trace's
// own rate (rows / duration), as `trace inspect` reports it.
import type { ArrivalSpec } from './scenario-schema.js';
import type { TraceStats } from './trace/index.js';

type FitSpec = Extract<ArrivalSpec, { process: 'fit' }>;

export function fittedArrivals(fit: FitSpec, stats: TraceStats): ArrivalSpec {
  const scale = fit.rateScale;
  const s = stats.suggestion.arrivals;
  if (fit.model === 'poisson') return { process: 'poisson', rate: (stats.ratePerSecond ?? 0) * scale };
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
