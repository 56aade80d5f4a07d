// `arrivals: { process: fit }`: the arrival process fitted to a trace's figures, its rates times
// the fit's rateScale. auto takes the model inspectTrace suggests; poisson runs at the trace's
// own rate (rows / duration), as `trace inspect` reports it; mmpp fits 2 states to the minutes.
// The fit is validated as if written by hand, so a trace that cannot be fitted is refused at
// load, naming the field, rather than running no task or failing mid-run.
import { checkFitted, ScenarioFieldError } from './scenario-field-error.js';
import { type ArrivalSpec, arrivalSchema } from './scenario-schema.js';
import type { TraceStats } from './trace/index.js';
import { type ArrivalSuggestion, fitMmpp2, fullMinutes } from './trace/suggest.js';

type FitSpec = Extract<ArrivalSpec, { process: 'fit' }>;
const FIT: readonly string[] = ['workload', 'arrivals'];

export function fittedArrivals(fit: FitSpec, stats: TraceStats): ArrivalSpec {
  const file = fit.trace.file;
  const rate = stats.ratePerSecond;
  // No rate (the arrivals span 0 s) is also no suggested model.
  if (rate === null || stats.suggestion.arrivals === null) {
    const rows = stats.rows === 1 ? 'one row' : `${stats.rows} rows, all at one time`;
    throw new ScenarioFieldError(
      [...FIT, 'trace'],
      `trace ${file} has ${rows}: its arrivals span 0 s, so it has no rate to fit; expected a trace whose arrivals span some time`,
    );
  }
  const spec = asSpec(
    fit.model === 'auto' ? stats.suggestion.arrivals : modelFit(fit, stats, rate),
    fit.rateScale,
  );
  return checkFitted(arrivalSchema, spec, FIT, `the ${spec.process} process fitted to trace ${file}`);
}

/** The model a fit names: Poisson at the trace's rate, or the 2-state MMPP (refused if none fits). */
function modelFit(fit: FitSpec, stats: TraceStats, rate: number): ArrivalSuggestion {
  if (fit.model === 'poisson') return { process: 'poisson', rate };
  const minutes = fullMinutes(stats.ratePerMinute, stats.durationSeconds);
  const mmpp = fitMmpp2(minutes, rate);
  if (mmpp !== undefined) return mmpp;
  const why =
    minutes.length < 2
      ? `it spans ${Number(stats.durationSeconds.toPrecision(4))} s, and the fit needs at least 2 full minutes to split into busy and quiet`
      : `its ${minutes.length} full minutes all hold ${minutes[0]} arrivals, so none is busier than another`;
  throw new ScenarioFieldError(
    [...FIT, 'model'],
    `trace ${fit.trace.file} cannot be fitted by a 2-state MMPP: ${why}; expected model: poisson or auto`,
  );
}

/** A suggestion as a scenario arrival process, its rates times `scale`. */
function asSpec(s: ArrivalSuggestion, scale: number): ArrivalSpec {
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
