// A command that re-runs what a report shows, from the scenario text the report prints (the
// normalized scenario carries the seed and replication count). Policy labels map back to
// `--policies` entries: `power-of-d(d=3)` → `power-of-d:d=3`. A user policy loaded from a file
// appears under its name, not its path; the note says so.
import { varyText } from '../runner/sweep-axes.js';
import type { ReportModel } from './report-model.js';

/** `name(k=v,k2=v2)` → `name:k=v:k2=v2`; a plain name stays as it is. */
export function policyEntry(label: string): string {
  const m = /^([^()]+)\((.*)\)$/.exec(label.replace(/#\d+$/, ''));
  return m === null ? label.replace(/#\d+$/, '') : [m[1], ...m[2]!.split(',')].join(':');
}

/** The command that re-runs the result, writing it to `<scenario>.json`. */
export function reproduceCommand(model: ReportModel): string {
  const file = `${model.scenario.replace(/[^A-Za-z0-9._-]+/g, '-')}.yaml`;
  if (model.kind === 'run') return `orchlab run ${file} --format json --out ${model.scenario}.json`;
  if (model.kind === 'compare') {
    const entries = [...new Set(model.runs.map((r) => policyEntry(r.policy.label)))];
    const failed = [...new Set(model.failures.map((f) => policyEntry(f.policy)))];
    return `orchlab compare ${file} --policies ${[...entries, ...failed].join(',')} --format json --out ${model.scenario}.json`;
  }
  const sweep = model.sweep!;
  const entries = [...new Set(sweep.points.flatMap((p) => p.runs.map((r) => policyEntry(r.policy.label))))];
  const vary = sweep.axes.map((a) => `--vary ${varyText(a)}`);
  return `orchlab sweep ${file} --policies ${entries.join(',')} ${vary.join(' ')} --format json --out ${model.scenario}.json`;
}
