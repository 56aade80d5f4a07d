// `sweep`: a comparison at every point of a grid. Each point's scenario is the base scenario with
// the point's values applied and validated again; every point runs the same policies on the same
// replications and seeds. All points' runs go to the executor together (a pool stays busy);
// with replications: auto each point adds rounds until its own policies meet the precision.
// A point whose values make the scenario invalid is reported as failed; the others still run.
import { InputError } from '../errors.js';
import { routingPolicyNames } from '../policies/routing/index.js';
import { VERSION } from '../version.js';
import { describeIssues, pathText } from '../workload/describe-issues.js';
import { applyOverrides } from '../workload/overrides.js';
import { semanticProblems } from '../workload/scenario-checks.js';
import { type Scenario, scenarioSchema } from '../workload/scenario-schema.js';
import { type RoundsOptions, runInRounds } from './auto-replications.js';
import { type PointResult, type PreparedPoint, preparePoint, summarizePoint } from './compare.js';
import type { Executor } from './executor.js';
import { entryParams } from './policy-spec.js';
import type { SweepAxis } from './sweep-axes.js';
import { crossProduct, overlaps } from './sweep-axes.js';

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
    .map(([path, v]) => `--vary ${path}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

/** The base scenario with the point's values applied and validated; InputError naming the --vary. */
export function pointScenario(base: Scenario, values: Record<string, unknown>): Scenario {
  const overrides = Object.entries(values).map(([path, v]) => `${path}=${JSON.stringify(v)}`);
  const blame = (field: string): string => {
    const own = Object.keys(values).filter((p) => overlaps(field, p));
    return varyText(own.length > 0 ? Object.fromEntries(own.map((p) => [p, values[p]])) : values);
  };
  let data: unknown;
  try {
    data = applyOverrides(base, overrides);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const field = err.message.match(/^--set ([^=]*)=/)?.[1] ?? '';
    throw new InputError(`${blame(field)}: ${err.message.replace(/^--set [^:]*: /, '')}`);
  }
  const parsed = scenarioSchema.safeParse(data);
  const problems = parsed.success
    ? semanticProblems(parsed.data, [...routingPolicyNames, base.routing.policy])
    : describeIssues(parsed.error.issues, data, scenarioSchema);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${blame(pathText(p.path))}: ${pathText(p.path)}: ${p.text}`);
    throw new InputError([...new Set(lines)].join('\n'));
  }
  return parsed.data!;
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

type PlannedPoint =
  | { values: Record<string, unknown>; point: PreparedPoint }
  | { values: Record<string, unknown>; error: string };

/** A point's scenario and policies; InputError naming the --vary when its values do not fit. */
function preparePointAt(
  base: Scenario,
  entries: readonly string[],
  values: Record<string, unknown>,
): PreparedPoint {
  const scenario = pointScenario(base, values);
  // A policy parameter (routing.d) applies to every policy of the point, not only the file's.
  const routing = Object.entries(values).filter(
    ([path]) => path.startsWith('routing.') && path !== 'routing.policy',
  );
  const routingSets = routing.map(([path, v]) => `${path.slice('routing.'.length)}=${JSON.stringify(v)}`);
  try {
    return preparePoint(scenario, entries, routingSets);
  } catch (err) {
    if (!(err instanceof InputError) || routing.length === 0) throw err;
    throw new InputError(`${varyText(Object.fromEntries(routing))}: ${err.message}`);
  }
}

function planPoint(
  base: Scenario,
  entries: readonly string[],
  values: Record<string, unknown>,
): PlannedPoint {
  try {
    return { values, point: preparePointAt(base, entries, values) };
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
  const { labels } = preparePoint(base, entries);
  const planned = crossProduct(axes).map((values) => planPoint(base, entries, values));
  if (planned.every((p) => 'error' in p))
    throw new InputError(`every sweep point is invalid:\n${(planned[0] as { error: string }).error}`);
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
      seed: base.seed,
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
