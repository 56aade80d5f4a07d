// `sweep`: a comparison at every point of a grid. Each point's scenario is the base scenario with
// the point's values applied and validated again; every point runs the same policies on the same
// replications and seeds. All points' runs go to the executor together (a pool stays busy);
// with replications: auto each point adds rounds until its own policies meet the precision.
// A point whose values make the scenario invalid is reported as failed; the others still run.
import { max, min, sum } from 'd3-array';
import { InputError } from '../errors.js';
import { routingPolicyNames } from '../policies/routing/index.js';
import { VERSION } from '../version.js';
import { describeIssues, pathText } from '../workload/describe-issues.js';
import { applyOverrides } from '../workload/overrides.js';
import { resolveTraces, unfittedWorkload } from '../workload/resolve-traces.js';
import { ScenarioFieldError } from '../workload/scenario-field-error.js';
import { fleetSize, semanticProblems } from '../workload/scenario-checks.js';
import { type Scenario, scenarioSchema } from '../workload/scenario-schema.js';
import { type RoundsOptions, runInRounds } from './auto-replications.js';
import {
  type LabelOptions,
  type PointResult,
  type PreparedPoint,
  preparePoint,
  summarizePoint,
} from './compare.js';
import type { Executor } from './executor.js';
import { entryParams } from './policy-spec.js';
import { MAX_HEATMAP_AGENTS } from './run-scenario.js';
import type { SweepAxis } from './sweep-axes.js';
import { axisValueText, crossProduct, overlaps } from './sweep-axes.js';

export const SWEEP_FORMAT = 'orchlab.sweep/1';

export interface SweepPoint extends PointResult {
  readonly values: Record<string, unknown>;
  /** Why the point did not run (its scenario is invalid); absent when it ran. */
  readonly error?: string;
}

export interface SweepResult {
  readonly format: typeof SWEEP_FORMAT;
  readonly orchlab: string;
  readonly scenario: string;
  readonly seed: number;
  readonly policies: readonly string[];
  readonly axes: readonly SweepAxis[];
  readonly points: readonly SweepPoint[];
}

function varyText(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([path, v]) => `--vary ${path}=${axisValueText(v)}`)
    .join(' ');
}

/** The base data with the point's values set, one at a time so an error names its own --vary. */
function applyPoint(base: Scenario, values: Record<string, unknown>): unknown {
  let data: unknown = base;
  for (const [path, v] of Object.entries(values)) {
    const override = `${path}=${JSON.stringify(v)}`;
    try {
      data = applyOverrides(data, [override]);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(`${varyText({ [path]: v })}: ${err.message.replace(`--set ${override}: `, '')}`);
    }
  }
  return data;
}

/** The base scenario with the point's values applied and validated; InputError naming the --vary. */
export function pointScenario(base: Scenario, values: Record<string, unknown>): Scenario {
  const blame = (field: string): string => {
    const own = Object.keys(values).filter((p) => overlaps(field, p));
    return varyText(own.length > 0 ? Object.fromEntries(own.map((p) => [p, values[p]])) : values);
  };
  const workload = Object.keys(values).some((p) => overlaps(p, 'workload'));
  // The base's fits were replaced by their models when it was loaded: a point that changes the
  // workload starts from the workload as written, so its values reach a fit as --set's do.
  const data = applyPoint(workload ? { ...base, workload: unfittedWorkload(base) } : base, values);
  const parsed = scenarioSchema.safeParse(data);
  const problems = parsed.success
    ? semanticProblems(parsed.data, [...routingPolicyNames, base.routing.policy])
    : describeIssues(parsed.error.issues, data, scenarioSchema);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${blame(pathText(p.path))}: ${pathText(p.path)}: ${p.text}`);
    throw new InputError([...new Set(lines)].join('\n'));
  }
  // The base's traces were checked when it was loaded; a point that changes the workload may name
  // another trace (relative to the working directory, as any path on the command line) or a fit.
  if (!workload) return parsed.data!;
  try {
    return resolveTraces(parsed.data!);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // Blame the --vary of the field a fit refused when there is one, else those of the workload.
    const field = err instanceof ScenarioFieldError ? pathText(err.path) : 'workload';
    const named = Object.keys(values).some((p) => overlaps(field, p));
    throw new InputError(`${blame(named ? field : 'workload')}: ${err.message}`);
  }
}

/**
 * Refuses a `routing.` axis over a parameter that a --policies entry sets itself: every point
 * would run the axis's value (it applies after the entry's) under a label naming the entry's, so
 * results would say d=3 where d=1 ran. An entry without that parameter (`power-of-d`) is fine.
 */
export function checkAxesAgainstPolicies(entries: readonly string[], axes: readonly SweepAxis[]): void {
  const problems: string[] = [];
  for (const axis of axes) {
    if (!axis.path.startsWith('routing.')) continue;
    const param = axis.path.slice('routing.'.length);
    for (const entry of entries) {
      const fixed = entryParams(entry).find((p) => overlaps(p, param));
      if (fixed !== undefined)
        problems.push(
          `--vary ${axis.path}: ${entry} in --policies fixes ${fixed}; ` +
            'vary it or fix it in --policies, not both',
        );
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
}

/**
 * Runs whose results a sweep may hold: every result stays in memory until the sweep is written,
 * and V8's heap stops near 4 GB however large the machine. Measured with /usr/bin/time -v
 * (mmc-16, 10 replications, 2 policies): 20,000 runs peak at 0.58 GB resident, about 25 KB a run.
 */
export const MAX_SWEEP_RUNS = 20_000;

/**
 * Replication 0 of each policy at a point also keeps a per-agent timeline for fleets up to
 * MAX_HEATMAP_AGENTS (256) agents: about 1.6 KB an agent, so 16 agents weigh about a run. The
 * 25 KB measured holds the first 16; 256-agent fleets run once each take 430 KB a run.
 */
const AGENTS_PER_RUN = 16;

/** Replications one policy at a point may run: with replications: auto, as many as it may add. */
const mostReplications = (s: Scenario): number =>
  s.replications === 'auto' ? s.maxReplications : s.replications;

/** What the per-agent timeline of one policy at a point weighs, in runs, past a run's own share. */
const timelineWeight = (s: Scenario): number =>
  fleetSize(s) <= MAX_HEATMAP_AGENTS ? Math.ceil(fleetSize(s) / AGENTS_PER_RUN) - 1 : 0;

function replicationsText(scenarios: readonly Scenario[]): string {
  // d3's min and max walk the array (Math.max(...xs) of 160,000 numbers overflows the stack).
  const counts = scenarios.map(mostReplications);
  const [lo, hi] = [min(counts) ?? 0, max(counts) ?? 0];
  const noun = hi === 1 ? 'replication' : 'replications';
  const auto = scenarios.some((s) => s.replications === 'auto');
  return `${auto ? 'up to ' : ''}${lo === hi ? lo : `${lo}-${hi}`} ${noun}${auto ? ', the maxReplications of replications: auto' : ''}`;
}

/** Refuses, before any run, a sweep whose results would not fit in memory (see MAX_SWEEP_RUNS). */
export function checkRunCount(points: readonly PreparedPoint[]): void {
  const scenarios = points.flatMap((p) => p.scenarios);
  const runs = sum(scenarios, mostReplications);
  const timelines = sum(scenarios, timelineWeight);
  if (runs + timelines <= MAX_SWEEP_RUNS) return;
  const policies = points[0]?.scenarios.length ?? 0;
  const size =
    `${runs} runs (${points.length} ${points.length === 1 ? 'point' : 'points'} × ` +
    `${policies} ${policies === 1 ? 'policy' : 'policies'} × ${replicationsText(scenarios)})`;
  const total =
    runs > MAX_SWEEP_RUNS
      ? `${size} are`
      : `${size} plus their per-agent timelines (fleets of up to ${max(scenarios, fleetSize)} ` +
        `agents; every ${AGENTS_PER_RUN} agents beyond ${AGENTS_PER_RUN} weigh as much as a run) make ${runs + timelines} runs' worth,`;
  throw new InputError(
    `sweep: ${total} more than the ${MAX_SWEEP_RUNS} runs a sweep may hold in memory; ` +
      'use fewer points (a coarser --vary step or fewer values), fewer --policies or fewer replications',
  );
}

type PlannedPoint =
  | { values: Record<string, unknown>; point: PreparedPoint }
  | { values: Record<string, unknown>; error: string };

/** A point's scenario and policies; InputError naming the --vary when its values do not fit. */
function preparePointAt(
  base: Scenario,
  entries: readonly string[],
  values: Record<string, unknown>,
  labelling: LabelOptions,
): PreparedPoint {
  const scenario = pointScenario(base, values);
  // A policy parameter (routing.d) applies to every policy of the point, not only the file's.
  const routing = Object.entries(values).filter(
    ([path]) => path.startsWith('routing.') && path !== 'routing.policy',
  );
  const routingSets = routing.map(([path, v]) => `${path.slice('routing.'.length)}=${JSON.stringify(v)}`);
  try {
    return preparePoint(scenario, entries, routingSets, labelling);
  } catch (err) {
    if (!(err instanceof InputError) || routing.length === 0) throw err;
    throw new InputError(`${varyText(Object.fromEntries(routing))}: ${err.message}`);
  }
}

function planPoint(
  base: Scenario,
  entries: readonly string[],
  values: Record<string, unknown>,
  labelling: LabelOptions,
): PlannedPoint {
  try {
    return { values, point: preparePointAt(base, entries, values, labelling) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { values, error: err.message };
  }
}

export async function runSweep(
  base: Scenario,
  entries: readonly string[],
  axes: readonly SweepAxis[],
  execute: Executor,
  options: RoundsOptions = {},
): Promise<SweepResult> {
  // Unknown policies, bad parameters or an axis at odds with them fail the sweep before any run.
  checkAxesAgainstPolicies(entries, axes);
  // Labels say the parameters a policy takes from the file, as compare's do, but not those an
  // axis varies: every point must carry the sweep's labels.
  const labelling: LabelOptions = {
    fileParams: true,
    varied: axes.filter((a) => a.path.startsWith('routing.')).map((a) => a.path.slice('routing.'.length)),
  };
  const { labels } = preparePoint(base, entries, [], labelling);
  const planned = crossProduct(axes).map((values) => planPoint(base, entries, values, labelling));
  if (planned.every((p) => 'error' in p))
    throw new InputError(`every sweep point is invalid:\n${(planned[0] as { error: string }).error}`);
  checkRunCount(planned.flatMap((p) => ('point' in p ? [p.point] : [])));
  const ran = await runInRounds(
    planned.map((p) => ('point' in p ? p.point.scenarios : [])),
    execute,
    options,
  );
  const points = planned.map((p, i): SweepPoint => {
    if ('point' in p) return { values: p.values, ...summarizePoint(p.point, ran[i]!) };
    const failures = labels.map((policy) => ({
      policy,
      scenario: base.name,
      // The seed the point would have run with (a --vary seed sets it).
      seed: typeof p.values.seed === 'number' ? p.values.seed : base.seed,
      replication: null,
      kind: 'input' as const,
      error: p.error,
    }));
    return { values: p.values, error: p.error, replications: 0, runs: [], best: {}, paired: [], failures };
  });
  return {
    format: SWEEP_FORMAT,
    orchlab: VERSION,
    scenario: base.name,
    seed: base.seed,
    policies: labels,
    axes,
    points,
  };
}
