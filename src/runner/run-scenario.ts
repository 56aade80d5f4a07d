// Runs a scenario's replications under one policy and combines them into a RunResult.
// A run is a pure function of (scenario, policy, params, seed, replication): results are merged
// by replication index, so the same inputs give the same bytes however they are scheduled.
import { createHash } from 'node:crypto';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import { compileScenario } from '../sim/compile.js';
import { simulate } from '../sim/simulate.js';
import { plannedReplications } from './replications.js';
import { VERSION } from '../version.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { estimateTree } from './estimate-tree.js';
import { resolvePolicy } from './resolve-policy.js';
import { RUN_FORMAT, type ReplicationSummary, type RunResult } from './run-result.js';

/** Fleets larger than this get no per-agent timeline (it would dominate the result's size). */
const MAX_HEATMAP_AGENTS = 256;

export interface RunOptions {
  /** Called after each replication with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs replication `replication` of the scenario with its own routing policy. */
export function runReplication(scenario: Scenario, replication: number): ReplicationSummary {
  const { definition, params } = resolvePolicy(scenario.routing);
  const compiled = compileScenario(scenario);
  const r = simulate(compiled, {
    policy: definition,
    params,
    seed: scenario.seed,
    replication,
    // Per-agent series feed the report's heatmap; one replication is enough to show it.
    agentTimeline: replication === 0 && compiled.agents.length <= MAX_HEATMAP_AGENTS,
  });
  return {
    replication,
    events: r.events,
    decisionHash: r.decisionHash,
    warmupEndSeconds: r.warmupEndSeconds,
    endSeconds: r.endSeconds,
    metrics: r.metrics,
    timeline: r.timeline,
  };
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const reps: ReplicationSummary[] = [];
  for (let i = 0; i < plannedReplications(scenario); i++) {
    reps.push(runReplication(scenario, i));
    options.onProgress?.(i + 1, plannedReplications(scenario));
  }
  return combineReplications(scenario, reps);
}

/** Merges replications (in replication order) into one result. */
export function combineReplications(
  scenario: Scenario,
  reps: readonly ReplicationSummary[],
  label?: string,
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
    .update(JSON.stringify({ format: RUN_FORMAT, scenario, policy: { name: policy.name, params }, reps: sorted }))
    .digest('hex');
  return {
    format: RUN_FORMAT,
    orchlab: VERSION,
    scenario: scenario.name,
    policy,
    seed: scenario.seed,
    replications: sorted.length,
    metrics: overall,
    classes,
    digest,
    events: sorted.reduce((s, r) => s + r.events, 0),
    replicationResults: sorted,
    scenarioSpec: scenario,
  };
}
