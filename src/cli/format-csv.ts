// The CSV view of run, compare and sweep results (--format csv), for pandas and spreadsheets.
// RFC 4180: a header row, comma-separated fields, a field quoted when it holds a comma, a quote,
// CR or LF (its quotes doubled). Lines end in LF, not CRLF: pandas and spreadsheets read both,
// and LF is what the rest of orchlab's output uses. Numbers are String(n), the shortest text that
// reads back as the same double (never rounded, never locale-formatted); a missing figure is an
// empty field. A figure's column is its path in the JSON (responseTime.p99,
// utilizationByGroup.worker, classes.low.completed; the whole run's as `objective` names them),
// its interval's `.ci95Low` and `.ci95High`. Each function yields the
// text line by line: a big sweep's CSV is never held whole.
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import type { CompareResult, PolicyFailure } from '../runner/compare.js';
import type { MaybeEstimate } from '../runner/estimate-tree.js';
import type { RunResult } from '../runner/run-result.js';
import type { SweepResult } from '../runner/sweep.js';
import { axisValueText } from '../runner/sweep-axes.js';
import { count } from '../plural.js';
import { MOST_ERRORS, replicationRanges } from './failure-words.js';

type Field = string | number | null;

/** One field as RFC 4180 writes it; null (a missing figure) and non-finite numbers are empty. */
export function csvField(v: Field): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One record and its LF. */
export function csvLine(fields: readonly Field[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/** Metrics whose children are figures (quantiles, or one per agent group) rather than a figure. */
const HOLDERS = new Set(['responseTime', 'waitTime', 'utilizationByGroup']);

/** A figure and the section of the row its column goes in (see columns). */
interface Figure<T> {
  readonly value: T;
  /** `responseTime` for every quantile, `utilizationByGroup` for every group, `classes.NAME.` for a class's figures, else the column. */
  readonly section: string;
}

type Figures<T> = Map<string, Figure<T>>;

/**
 * A run's or a class's figures by column name (their JSON path: `responseTime.p99`,
 * `utilizationByGroup.fast`, `classes.low.completed`), in the JSON's key order. The shape is
 * known, so a leaf is found by where it is, never by its keys: a group or class may be named
 * anything, `ci95` or `classes` included.
 */
function figuresOf<T>(metrics: object, out: Figures<T>, prefix = ''): Figures<T> {
  for (const [key, v] of Object.entries(metrics)) {
    const section = prefix === '' ? key : prefix;
    if (HOLDERS.has(key))
      for (const [child, leaf] of Object.entries(v as object))
        out.set(`${prefix}${key}.${child}`, { value: leaf as T, section });
    else out.set(`${prefix}${key}`, { value: v as T, section });
  }
  return out;
}

/** `figuresOf` of the whole, then (`classes` given) of each class under `classes.NAME.`. */
function allFigures<T>(whole: object, classes: Record<string, object> | undefined): Figures<T> {
  const out = figuresOf<T>(whole, new Map());
  for (const [name, metrics] of Object.entries(classes ?? {})) figuresOf(metrics, out, `classes.${name}.`);
  return out;
}

/**
 * Every column of `trees` (sweep points may differ in groups or classes), section by section in
 * first-seen order: a group only some points have goes beside the other groups, and a class only
 * some points have after the other classes, not at the end of the row.
 */
function columns<T>(trees: Iterable<Figures<T>>): string[] {
  const sections = new Map<string, Set<string>>();
  for (const tree of trees)
    for (const [column, { section }] of tree) {
      const set = sections.get(section) ?? new Set<string>();
      set.add(column);
      sections.set(section, set);
    }
  return [...sections.values()].flatMap((set) => [...set]);
}

/** Per-class columns only where a class is more than the whole (as the run table shows them). */
const manyClasses = (runs: readonly RunResult[]): boolean =>
  runs.some((r) => Object.keys(r.classes).length > 1);

function estimates(run: RunResult, withClasses: boolean): Figures<MaybeEstimate> {
  return allFigures(run.metrics, withClasses ? run.classes : undefined);
}

/** A figure's mean, then its 95% CI; the CI empty over one replication (the JSON's is [v, v]). */
function estimateFields(e: MaybeEstimate | undefined, replications: number): Field[] {
  if (e === undefined || e.value === null) return [null, null, null];
  const ci = replications < 2 || e.ci95 === null ? [null, null] : e.ci95;
  return [e.value, ...ci];
}

/** One row per policy (at a sweep point): what names it, and its run or why it has none. */
interface PolicyRow {
  readonly ids: readonly Field[];
  readonly run?: RunResult;
  /** Empty on a row with a run. */
  readonly error: string;
}

/** `ids` columns, replications, each metric with its CI, then error. */
function* policyRows(
  ids: readonly string[],
  rows: Iterable<PolicyRow>,
  runs: readonly RunResult[],
): Generator<string> {
  const withClasses = manyClasses(runs);
  const figuresByRun = new Map(runs.map((r) => [r, estimates(r, withClasses)]));
  const metrics = columns(figuresByRun.values());
  yield csvLine([
    ...ids,
    'replications',
    ...metrics.flatMap((m) => [m, `${m}.ci95Low`, `${m}.ci95High`]),
    'error',
  ]);
  for (const row of rows) {
    const run = row.run;
    const figures = run === undefined ? undefined : figuresByRun.get(run);
    yield csvLine([
      ...row.ids,
      run?.replications ?? null,
      ...metrics.flatMap((m) => estimateFields(figures?.get(m)?.value, run?.replications ?? 0)),
      row.error,
    ]);
  }
}

/** Why a policy has no figures: each error once (the first MOST_ERRORS), after the seed and replications it failed in. */
function failureText(failures: readonly PolicyFailure[]): string {
  const byError = new Map<string, PolicyFailure[]>();
  for (const f of failures) {
    const same = byError.get(f.error);
    if (same === undefined) byError.set(f.error, [f]);
    else same.push(f);
  }
  const errors = [...byError];
  const named = errors
    .slice(0, MOST_ERRORS)
    .map(
      ([error, fs]) => `seed ${fs[0]!.seed}, ${replicationRanges(fs.map((f) => f.replication))}: ${error}`,
    );
  const rest = errors.slice(MOST_ERRORS);
  if (rest.length > 0)
    named.push(
      `and ${count(rest.length, 'other error')} (${replicationRanges(rest.flatMap(([, fs]) => fs.map((f) => f.replication)))})`,
    );
  return named.join('; ');
}

/** A policy's row at a point: its run, or its failures. */
function policyRow(
  ids: readonly Field[],
  label: string,
  point: Pick<CompareResult, 'runs' | 'failures'>,
): PolicyRow {
  const run = point.runs.find((r) => r.policy.label === label);
  if (run !== undefined) return { ids, run, error: '' };
  return { ids, error: failureText(point.failures.filter((f) => f.policy === label)) };
}

/** compare: one row per policy given, a failed one with its error and no figures. */
export function compareCsv(c: CompareResult): Generator<string> {
  const rows = c.policies.map((label) => policyRow([label], label, c));
  return policyRows(['policy'], rows, c.runs);
}

/**
 * sweep: one row per point and policy; the axes first, as the table writes their values. A
 * point that could not run gives every policy a row with the point's error.
 */
export function sweepCsv(s: SweepResult): Generator<string> {
  const paths = s.axes.map((a) => a.path);
  const rows = function* (): Generator<PolicyRow> {
    for (const point of s.points) {
      const axes = paths.map((p) => axisValueText(point.values[p]));
      for (const label of s.policies)
        yield point.error === undefined
          ? policyRow([...axes, label], label, point)
          : { ids: [...axes, label], error: point.error };
    }
  };
  return policyRows(
    [...paths, 'policy'],
    rows(),
    s.points.flatMap((p) => p.runs),
  );
}

function replicationFigures(m: ReplicationMetrics, withClasses: boolean): Figures<number | null> {
  const { classes, ...whole } = m;
  return allFigures(whole, withClasses ? classes : undefined);
}

/**
 * run: one row per replication, its own figures (no CI: the rows are the sample the table's
 * means and intervals come from). A run with a failed replication writes nothing (its error and
 * exit code come from actions/run.ts), so unlike compare and sweep there is no error column.
 */
export function* runCsv(r: RunResult): Generator<string> {
  const withClasses = manyClasses([r]);
  const reps = r.replicationResults;
  const figuresByRep = reps.map((x) => replicationFigures(x.metrics, withClasses));
  const metrics = columns(figuresByRep);
  yield csvLine(['policy', 'replication', 'events', 'warmupEndSeconds', 'endSeconds', ...metrics]);
  for (const [i, x] of reps.entries()) {
    const figures = figuresByRep[i]!;
    yield csvLine([
      r.policy.label,
      x.replication,
      x.events,
      x.warmupEndSeconds,
      x.endSeconds,
      ...metrics.map((m) => figures.get(m)?.value ?? null),
    ]);
  }
}
