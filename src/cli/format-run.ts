// The terminal view of a RunResult: each figure with its 95% confidence interval.
import type { MaybeEstimate } from '../runner/estimate-tree.js';
import type { RunResult } from '../runner/run-result.js';
import { isPolicyPath } from '../runner/user-policy.js';
import {
  oneReplication,
  replicationsText,
  tasks,
  type WarmupCutSpread,
  warmupCutSpread,
  runNotes,
} from '../runner/run-notes.js';
import { ciRange, formatTable, num } from './format-table.js';

export function formatRun(r: RunResult): string {
  const ci = (e: MaybeEstimate) => ciRange(e.ci95, r.replications);
  const row = (label: string, e: MaybeEstimate, unit = ''): string[] => [label, num(e.value), ci(e), unit];
  const m = r.metrics;
  const params = Object.entries(r.policy.params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  // A module's policy is named by the module itself, which may reuse a built-in's name (jsq).
  const policy = r.scenarioSpec.routing.policy;
  const module = isPolicyPath(policy) ? ` from ${policy}` : '';
  const head = `${r.scenario} · policy ${r.policy.name}${params ? ` (${params})` : ''}${module} · seed ${r.seed} · ${replicationsText(r.replications, [r])}`;
  const rows = [
    row('response time mean', m.responseTime.mean, 's'),
    row('response time p50', m.responseTime.p50, 's'),
    row('response time p95', m.responseTime.p95, 's'),
    row('response time p99', m.responseTime.p99, 's'),
    row('response time p99.9', m.responseTime.p999, 's'),
    row('wait time mean', m.waitTime.mean, 's'),
    row('wait time p99', m.waitTime.p99, 's'),
    row('throughput', m.throughput, 'tasks/s'),
    row('utilization', m.utilization, ''),
    ...Object.entries(m.utilizationByGroup).map(([g, e]) => row(`  utilization ${g}`, e)),
    row('number in system', m.numberInSystem, 'tasks'),
    row('number in queue', m.numberInQueue, 'tasks'),
    row('completed', m.completed, 'tasks'),
    row('rejected', m.rejected, 'tasks'),
  ];
  const parts = [head, '', formatTable(['metric', 'mean', '95% CI', 'unit'], rows)];
  const classNames = Object.keys(r.classes);
  if (classNames.length > 1) {
    const classRows = classNames.map((name) => {
      const c = r.classes[name]!;
      return [
        name,
        num(c.responseTime.mean.value),
        ci(c.responseTime.mean),
        num(c.responseTime.p99.value),
        num(c.waitTime.mean.value),
        num(c.completed.value),
        num(c.rejected.value),
      ];
    });
    parts.push(
      '',
      formatTable(
        ['class', 'resp mean', '95% CI', 'resp p99', 'wait mean', 'completed', 'rejected'],
        classRows,
      ),
    );
  }
  if (r.replications < 2) parts.push('', `${oneReplication([r])}.`);
  const cut = warmupCutSpread(r);
  if (cut !== undefined) parts.push('', warmupCutLine(cut));
  for (const note of runNotes([r])) parts.push('', note);
  parts.push('', `digest ${r.digest}`);
  return parts.join('\n');
}

/** The line under a run table with warmup: auto: what it cut and when observation began. */
function warmupCutLine(cut: WarmupCutSpread): string {
  const one = cut.replications === 1;
  if (cut.maxCompleted === 0)
    return `warmup: auto found no transient to cut${one ? '' : ' in any replication'}: observation began at 0 s.`;
  if (one)
    return `warmup: auto cut the first ${tasks(cut.meanCompleted)} completed tasks; observation began at ${num(cut.meanSeconds)} s.`;
  return (
    `warmup: auto cut the first ${tasks(cut.meanCompleted)} completed tasks per replication on average ` +
    `(min ${tasks(cut.minCompleted)}, max ${tasks(cut.maxCompleted)}); observation began at ${num(cut.meanSeconds)} s on average.`
  );
}
