// Runs a scenario's replications under one policy and combines them into a RunResult.
// A run is a pure function of (scenario, policy, params, seed, replication): results are merged
// by replication index, so the same inputs give the same bytes however they are scheduled.
import { createHash } from 'node:crypto';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import { type CompiledScenario, compileScenario } from '../sim/compile.js';
import { type ReplicationResult, simulate } from '../sim/simulate.js';
import { nextReplications, type PrecisionStatus, precisionStatus } from './auto-replications.js';
import { plannedReplications } from './replications.js';
import { VERSION } from '../version.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { estimateTree } from './estimate-tree.js';
import { resolvePolicy } from './resolve-policy.js';
import { RUN_FORMAT, type ReplicationSummary, type RunResult } from './run-result.js';
import { autoWarmupCompleted, withDetectedWarmup } from './warmup.js';

/** Fleets larger than this get no per-agent timeline (it would dominate the result's size). */
const MAX_HEATMAP_AGENTS = 256;

export interface RunOptions {
  /** Called after each replication with (done, total); total grows with replications: auto. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One pass of the engine over replication `replication` (no warm-up detection). */
function simulateOnce(
  compiled: CompiledScenario,
  replication: number,
  keepTimeline = true,
): ReplicationResult {
  const { definition, params } = resolvePolicy(compiled.scenario.routing);
  return simulate(compiled, {
    policy: definition,
    params,
    seed: compiled.scenario.seed,
    replication,
    // Per-agent series feed the report's heatmap; one replication is enough to show it.
    agentTimeline: keepTimeline && replication === 0 && compiled.agents.length <= MAX_HEATMAP_AGENTS,
  });
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
  };
}

/**
 * Runs replication `replication` of the scenario with its own routing policy. With warmup: auto
 * it runs twice: once to find the end of the transient (MSER-5), once with that warm-up.
 */
export function runReplication(scenario: Scenario, replication: number): ReplicationSummary {
  const compiled = compileScenario(scenario);
  if (scenario.warmup !== 'auto') return summarize(simulateOnce(compiled, replication));
  const completed = autoWarmupCompleted(simulateOnce(compiled, replication, false).responseSeries);
  // The warm-up changes nothing the compilation depends on: reuse it with the detected cut.
  const second = simulateOnce(
    { ...compiled, scenario: withDetectedWarmup(scenario, completed) },
    replication,
  );
  return {
    ...summarize(second),
    warmupCut: { completed, seconds: second.warmupEndSeconds },
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
  const policy = { name: definition.name, params, label: label ?? definition.name };
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
