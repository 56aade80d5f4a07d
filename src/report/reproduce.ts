// A command that re-runs what a report shows, from the scenario text the report prints (the
// normalized scenario carries the seed and replication count). Policy labels map back to
// `--policies` entries: `power-of-d(d=3)` → `power-of-d:d=3`. A user policy loaded from a module
// appears under its name; a run that ran records the module's path in its scenario (routing.policy),
// which the entry then uses. A policy left out for failed runs left no path: reproduceNote says so.
import { routingPolicyNames } from '../policies/routing/index.js';
import type { RunResult } from '../runner/run-result.js';
import { varyText } from '../runner/sweep-axes.js';
import { isPolicyPath } from '../runner/user-policy.js';
import { commandText } from '../cli/invocation.js';
import type { ReportModel } from './report-model.js';
import { listText } from './words.js';

/** `name(k=v,k2=v2)` → `name:k=v:k2=v2`; a plain name stays as it is. */
export function policyEntry(label: string): string {
  const m = /^([^()]+)\((.*)\)$/.exec(label.replace(/#\d+$/, ''));
  return m === null ? label.replace(/#\d+$/, '') : [m[1], ...m[2]!.split(',')].join(':');
}

/** A run's entry: a module policy by the path its scenario records, its parameters kept. */
function runEntry(run: RunResult): string {
  const entry = policyEntry(run.policy.label);
  const path = run.scenarioSpec.routing.policy;
  if (!isPolicyPath(path)) return entry;
  const colon = entry.indexOf(':');
  return colon < 0 ? path : `${path}${entry.slice(colon)}`;
}

/** Every policy the result asked for, as entries: those that ran, then those that only failed. */
function entries(model: ReportModel): { entries: string[]; unknownModules: string[] } {
  const runs = model.sweep === undefined ? model.runs : model.sweep.points.flatMap((p) => p.runs);
  const byLabel = new Map<string, string>();
  for (const r of runs) if (!byLabel.has(r.policy.label)) byLabel.set(r.policy.label, runEntry(r));
  const unknownModules: string[] = [];
  for (const f of model.failures)
    if (!byLabel.has(f.policy)) {
      const entry = policyEntry(f.policy);
      const name = entry.split(':')[0]!;
      if (!routingPolicyNames.includes(name) && !isPolicyPath(name)) unknownModules.push(name);
      byLabel.set(f.policy, entry);
    }
  // In the order they were asked (failed ones too).
  const labels = [...new Set([...model.policies.filter((l) => byLabel.has(l)), ...byLabel.keys()])];
  return { entries: [...new Set(labels.map((l) => byLabel.get(l)!))], unknownModules };
}

/**
 * The command that re-runs the result, writing it to `<scenario>.json`; arguments a shell would
 * split or strip (a mapping on an axis, a path with a space) are quoted, so it can be pasted.
 */
export function reproduceCommand(model: ReportModel): string {
  const file = `${model.scenario.replace(/[^A-Za-z0-9._-]+/g, '-')}.yaml`;
  const out = ['--format', 'json', '--out', `${model.scenario}.json`];
  if (model.kind === 'run') return commandText(['orchlab', 'run', file, ...out]);
  const policies = entries(model).entries.join(',');
  if (model.kind === 'compare')
    return commandText(['orchlab', 'compare', file, '--policies', policies, ...out]);
  const vary = model.sweep!.axes.flatMap((a) => ['--vary', varyText(a)]);
  return commandText(['orchlab', 'sweep', file, '--policies', policies, ...vary, ...out]);
}

/**
 * What the re-run command cannot say by itself: a policy from a module that was left out (some of
 * its runs failed, so none is in the result) is named, not given by its path (the result does not
 * record it). Undefined when nothing is missing.
 */
export function reproduceNote(model: ReportModel): string | undefined {
  if (model.kind === 'run') return undefined;
  const unknown = [...new Set(entries(model).unknownModules)];
  if (unknown.length === 0) return undefined;
  const one = unknown.length === 1;
  return (
    `${listText(unknown)} came from ${one ? 'a policy module' : 'policy modules'} whose path the result does not record ` +
    `(${one ? 'it was' : 'they were'} left out, as some of ${one ? 'its' : 'their'} runs failed): in --policies, give ${one ? "the module's path" : "each module's path"} ` +
    `in place of ${one ? 'its name' : 'the name'}, or the command stops with "unknown policy".`
  );
}
