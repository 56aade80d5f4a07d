// Runs a scenario's replications under one policy and combines them into a RunResult.
// A run is a pure function of (scenario, policy, params, seed, replication): results are merged
// by replication index, so the same inputs give the same bytes however they are scheduled.
import { createHash } from 'node:crypto';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import { type CompiledScenario, compileScenario } from '../sim/compile.js';
import { type ReplicationResult, type SimPulse, simulateSteps } from '../sim/simulate.js';
import { lastStep } from '../sim/steps.js';
import { nextReplications, type PrecisionStatus, precisionStatus } from './auto-replications.js';
import { plannedReplications } from './replications.js';
import { VERSION } from '../version.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { estimateTree } from './estimate-tree.js';
import { resolvePolicy } from './resolve-policy.js';
import { policyEntryLabel } from './policy-label.js';
import { RUN_FORMAT, type ReplicationSummary, type RunResult } from './run-result.js';
import { autoWarmup, withDetectedWarmup } from './warmup.js';

/** Fleets larger than this get no per-agent timeline (it would dominate the result's size). */
export const MAX_HEATMAP_AGENTS = 256;

export interface RunOptions {
  /** Called after each replication with (done, total); total grows with replications: auto. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One pass of the engine over replication `replication` (no warm-up detection), in steps. */
function simulateOnce(
  compiled: CompiledScenario,
  replication: number,
  keepTimeline = true,
): Generator<SimPulse, ReplicationResult, void> {
  const { definition, params } = resolvePolicy(compiled.scenario.routing);
  return simulateSteps(compiled, {
    policy: definition,
    params,
    seed: compiled.scenario.seed,
    replication,
    // Per-agent series feed the report's heatmap; one replication is enough to show it.
    agentTimeline: keepTimeline && replication === 0 && compiled.agents.length <= MAX_HEATMAP_AGENTS,
  });
}

/** Where a run stands: the share done (both passes with warmup: auto) and its events so far. */
export interface RunPulse {
  readonly fraction: number;
  readonly events: number;
}

/** Runs `pass` (of `passes`), yielding its pulses as shares of the whole run. */
function* pass<R>(
  steps: Generator<SimPulse, R, void>,
  index: number,
  passes: number,
  eventsBefore: number,
): Generator<RunPulse, R, void> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield { fraction: (index + next.value.fraction) / passes, events: eventsBefore + next.value.events };
  }
}

function summarize(r: ReplicationResult): ReplicationSummary {
  return {
    replication: r.replication,
    events: r.events,
    decisionHash: r.decisionHash,
    warmupEndSeconds: r.warmupEndSeconds,
    endSeconds: r.endSeconds,
    metrics: r.metrics,
    timeline: r.timeline,
    ...(r.workloadEnded === true ? { workloadEnded: true as const } : {}),
    ...(r.skippedRows === undefined ? {} : { skippedRows: r.skippedRows }),
  };
}

/**
 * Runs replication `replication` of the scenario with its own routing policy. With warmup: auto
 * it runs twice: once to find the end of the transient (MSER-5), once with that warm-up.
 */
export function runReplication(scenario: Scenario, replication: number): ReplicationSummary {
  return lastStep(replicationSteps(scenario, replication)).summary;
}

/** A replication and the work it took. */
export interface ReplicationRun {
  readonly summary: ReplicationSummary;
  /** Events simulated: both passes with warmup: auto (the summary counts the second only). */
  readonly simulatedEvents: number;
}

/** runReplication in steps: yields a pulse every PULSE_SLICE arrivals or completions. */
export function* replicationSteps(
  scenario: Scenario,
  replication: number,
): Generator<RunPulse, ReplicationRun, void> {
  const compiled = compileScenario(scenario);
  if (scenario.warmup !== 'auto') {
    const only = yield* pass(simulateOnce(compiled, replication), 0, 1, 0);
    return { summary: summarize(only), simulatedEvents: only.events };
  }
  const first = yield* pass(simulateOnce(compiled, replication, false), 0, 2, 0);
  const { completed, atLimit } = autoWarmup(first.responseSeries);
  // The warm-up changes nothing the compilation depends on: reuse it with the detected cut.
  const second = yield* pass(
    simulateOnce({ ...compiled, scenario: withDetectedWarmup(scenario, completed) }, replication),
    1,
    2,
    first.events,
  );
  return {
    summary: {
      ...summarize(second),
      // atLimit only when true, so the results (and digests) of every other cut keep their bytes.
      warmupCut: { completed, seconds: second.warmupEndSeconds, ...(atLimit ? { atLimit: true } : {}) },
    },
    simulatedEvents: first.events + second.events,
  };
}

/** Every replication in this thread, in rounds when replications: auto (see auto-replications). */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const reps: ReplicationSummary[] = [];
  let planned = plannedReplications(scenario);
  let precision: PrecisionStatus | undefined;
  while (reps.length < planned) {
    reps.push(runReplication(scenario, reps.length));
    options.onProgress?.(reps.length, planned);
    if (reps.length < planned || scenario.replications !== 'auto') continue;
    precision = precisionStatus(
      reps.map((r) => r.metrics.responseTime.mean),
      scenario.precision,
    );
    planned = nextReplications(planned, [precision], scenario.maxReplications);
  }
  return combineReplications(scenario, reps, undefined, precision);
}

/** Merges replications (in replication order) into one result. */
export function combineReplications(
  scenario: Scenario,
  reps: readonly ReplicationSummary[],
  label?: string,
  precision?: PrecisionStatus,
): RunResult {
  const { definition, params } = resolvePolicy(scenario.routing);
  const sorted = [...reps].sort((a, b) => a.replication - b.replication);
  const { classes: _ignored, ...overall } = estimateTree<ReplicationMetrics>(sorted.map((r) => r.metrics));
  const classes: RunResult['classes'] = {};
  for (const name of Object.keys(sorted[0]?.metrics.classes ?? {})) {
    classes[name] = estimateTree(sorted.map((r) => r.metrics.classes[name]!));
  }
  // Without a label (orchlab run), name the parameters the scenario or --policy gave, as compare
  // labels its entries: `power-of-d(d=3)`, so runs of one policy with other parameters differ.
  const { policy: _name, ...given } = scenario.routing;
  const policy = {
    name: definition.name,
    params,
    label: label ?? policyEntryLabel('', definition.name, given),
  };
  const digest = createHash('sha256')
    .update(
      JSON.stringify({ format: RUN_FORMAT, scenario, policy: { name: policy.name, params }, reps: sorted }),
    )
    .digest('hex');
  return {
    format: RUN_FORMAT,
    orchlab: VERSION,
    scenario: scenario.name,
    policy,
    seed: scenario.seed,
    replications: sorted.length,
    ...(precision === undefined ? {} : precision),
    metrics: overall,
    classes,
    digest,
    events: sorted.reduce((s, r) => s + r.events, 0),
    replicationResults: sorted,
    scenarioSpec: scenario,
  };
}
