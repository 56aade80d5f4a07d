// Traces named by a scenario. Paths written in the scenario file are relative to that file; they
// are rebased to the working directory before any --set applies (so results name the same file
// on any machine run from the same place), and a path given on the command line (--set, --vary)
// is taken as given: relative to the working directory, as a shell user expects. Once validated,
// each trace is opened to check its header, and `arrivals: { process: fit }` and `{ dist: fit }`
// sizes are replaced by the models fitted to their traces, so the normalized scenario says
// exactly what will be generated.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { isMapping } from '../is-mapping.js';
import { fittedArrivals } from './fit-arrivals.js';
import { checkFitted, ScenarioFieldError } from './scenario-field-error.js';
import { type Scenario, type SizeDist, sizeDistSchema } from './scenario-schema.js';
import { readerSpec } from './trace-workload.js';
import { inspectTrace, TraceReader } from './trace/index.js';

/** A path written in a scenario file (relative to that file) as a path from the working directory. */
export function rebase(file: string, scenarioFile: string): string {
  if (isAbsolute(file)) return file;
  return relative(process.cwd(), resolve(dirname(scenarioFile), file)) || '.';
}

const child = (value: unknown, key: string): unknown => (isMapping(value) ? value[key] : undefined);

/** The trace specs in unvalidated scenario data: the replay, fitted arrivals and fitted sizes. */
function traceSpecsIn(data: unknown): Record<string, unknown>[] {
  const workload = child(data, 'workload');
  const classes = child(workload, 'classes');
  const sizes = Array.isArray(classes)
    ? classes.flatMap((c) => ['size', 'inputTokens', 'outputTokens'].map((f) => child(c, f)))
    : [];
  return [workload, child(workload, 'arrivals'), ...sizes].map((x) => child(x, 'trace')).filter(isMapping);
}

/**
 * A copy of unvalidated scenario data with the trace paths the file wrote made relative to the
 * working directory (see above); anything that is not a non-empty string is left for validation.
 */
export function rebaseTracePaths(data: unknown, scenarioFile: string): unknown {
  const copy = structuredClone(data);
  // A YAML alias makes two fields one object: rebase it once.
  for (const spec of new Set(traceSpecsIn(copy)))
    if (typeof spec.file === 'string' && spec.file !== '') spec.file = rebase(spec.file, scenarioFile);
  return copy;
}

/** A size distribution fitted to a trace column: 20 equal-count bin means, or a lognormal by moments. */
function fittedSize(
  d: Extract<SizeDist, { dist: 'fit' }>,
  path: readonly (string | number)[],
  onTrace: (file: string) => void,
): SizeDist {
  const { trace } = d;
  onTrace(trace.file);
  const stats = inspectTrace(trace, '.');
  const fit = stats.suggestion.sizes[d.column];
  if (fit === undefined)
    throw new ScenarioFieldError(
      [...path, 'column'],
      `trace ${trace.file} has no numeric column '${d.column}' to fit (columns: ${Object.keys(stats.suggestion.sizes).join(', ')})`,
    );
  if (d.model === 'lognormal' && fit.lognormal === null)
    throw new ScenarioFieldError(
      [...path, 'model'],
      `column '${d.column}' of trace ${trace.file} cannot be fitted by a lognormal`,
    );
  const what = `the ${d.model} distribution fitted to column '${d.column}' of trace ${trace.file}`;
  const dist =
    d.model === 'lognormal' ? { ...fit.lognormal } : { dist: 'empirical', values: [...fit.empirical.values] };
  return checkFitted(sizeDistSchema, dist, path, what);
}

function resolveSizes(scenario: Scenario, onTrace: (file: string) => void): Scenario {
  const classes = scenario.workload.classes.map((c, i) => {
    const out = { ...c };
    for (const field of ['size', 'inputTokens', 'outputTokens'] as const) {
      const given = c[field];
      const d = given?.dist === 'fit' ? fittedSize(given, ['workload', 'classes', i, field], onTrace) : given;
      if (d !== undefined) out[field] = d;
    }
    return out;
  });
  return { ...scenario, workload: { ...scenario.workload, classes } };
}

/** The workload as written of each workload in which resolveTraces replaced a fit. */
const asWritten = new WeakMap<Scenario['workload'], Scenario['workload']>();

/**
 * The workload of `s` as written, its fits not yet replaced by their models (a sweep point's
 * values apply to it, as --set applies before the fit); `s.workload` when it had no fit.
 */
export function unfittedWorkload(s: Scenario): Scenario['workload'] {
  return asWritten.get(s.workload) ?? s.workload;
}

const hasFit = (w: Scenario['workload']): boolean =>
  w.arrivals?.process === 'fit' ||
  w.classes.some((c) => [c.size, c.inputTokens, c.outputTokens].some((d) => d?.dist === 'fit'));

/**
 * Checks a validated scenario's traces and replaces fits by their models; trace paths are
 * relative to the working directory by now (see rebaseTracePaths). `onTrace` hears each trace
 * file read, replayed or fitted to (the fitted scenario no longer names the latter).
 */
export function resolveTraces(scenario: Scenario, onTrace: (file: string) => void = () => {}): Scenario {
  let s = resolveSizes(scenario, onTrace);
  const trace = s.workload.trace;
  if (trace !== undefined) {
    onTrace(trace.file);
    // Opening the reader checks the file, its header against the mapping and the first row.
    new TraceReader(readerSpec(trace, 1), '.').close();
  }
  const a = s.workload.arrivals;
  if (a?.process === 'fit') {
    onTrace(a.trace.file);
    const arrivals = fittedArrivals(a, inspectTrace(a.trace, '.'));
    s = { ...s, workload: { ...s.workload, arrivals } };
  }
  if (hasFit(scenario.workload)) asWritten.set(s.workload, scenario.workload);
  return s;
}
