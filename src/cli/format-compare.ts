// The terminal view of a comparison: one row per policy with CIs, the best per metric starred,
// then each policy against the best as a paired difference.
import { ownWindowsOf, ownWindowsWords } from '../metrics/window-totals.js';
import type { MaybeEstimate } from '../runner/estimate-tree.js';
import type { CompareResult } from '../runner/compare.js';
import type { RunResult } from '../runner/run-result.js';
import {
  FAILED_POLICIES_LEFT_OUT,
  failedRunText,
  oneReplication,
  replicationsText,
  tasks,
  warmupCutSpread,
  runNotes,
} from '../runner/run-notes.js';
import { ciRange, formatTable, num, withHalfWidth } from './format-table.js';
import { count } from '../plural.js';
import { pairCount } from '../analysis/compare-runs.js';

/** Hit-rate columns shown only when some run has them (affinity keys, prefix caches). */
const HIT_RATES = [
  { header: 'affinity hits', get: (m: CompareResult['runs'][number]['metrics']) => m.affinityHitRate },
  { header: 'prefix hits', get: (m: CompareResult['runs'][number]['metrics']) => m.prefixHitRate },
] as const;

export function formatCompare(c: CompareResult): string {
  const intervals = c.replications >= 2;
  const withCi = (e: MaybeEstimate) => withHalfWidth(e, c.replications);
  const star = (metric: string, label: string) => (c.best[metric] === label ? '*' : ' ');
  const rates = HIT_RATES.filter((h) => c.runs.some((r) => h.get(r.metrics).value !== null));
  const rows = c.runs.map((r) => {
    const m = r.metrics;
    const l = r.policy.label;
    return [
      l,
      `${withCi(m.responseTime.mean)}${star('responseTime.mean', l)}`,
      `${withCi(m.responseTime.p95)}${star('responseTime.p95', l)}`,
      `${withCi(m.responseTime.p99)}${star('responseTime.p99', l)}`,
      num(m.utilization.value),
      `${num(m.rejected.value)}${star('rejected', l)}`,
      `${num(m.cost.value)}${star('cost', l)}`,
      ...rates.map((h) => num(h.get(m).value)),
    ];
  });
  const header = ['policy', 'resp mean (s)', 'resp p95 (s)', 'resp p99 (s)', 'util', 'rejected', 'cost'];
  // Every policy asked for counts; one whose runs failed has no row, and the header says so.
  const failed = c.policies.filter((p) => !c.runs.some((r) => r.policy.label === p)).length;
  const policies = `${count(c.policies.length, 'policy', 'policies')}${failed > 0 ? ` (${failed} failed)` : ''}`;
  const parts = [
    `${c.scenario} · ${policies} · ${replicationsText(c.replications, c.runs)} · seed ${c.seed} · same workload for every policy`,
    '',
    formatTable([...header, ...rates.map((h) => h.header)], rows),
    '',
    intervals
      ? '± is the 95% CI half-width over replications; * marks the best policy per metric.'
      : `${oneReplication(c.runs)}; * marks the best policy per metric.`,
  ];
  const shown = ['responseTime.mean', 'responseTime.p99'];
  const pairs = c.paired.filter((p) => shown.includes(p.metric));
  if (pairs.length > 0) {
    const pairRows = pairs.map((p) => [
      `${p.a} − ${p.b}`,
      p.metric,
      num(p.diff.value),
      ciRange(p.diff.ci95, c.replications),
      intervals ? (p.significant ? 'yes' : 'no') : '-',
    ]);
    const all = pairCount(c.runs.length);
    // With one replication there are no intervals to hold together (every cell is '-').
    const together =
      all > 1 && intervals ? `; per metric, intervals hold together at 95% over all ${all} pairs` : '';
    parts.push('', `Paired differences against the best (same replications${together}):`, '');
    parts.push(formatTable(['policies', 'metric', 'difference', '95% CI', 'significant'], pairRows));
  }
  const cuts = warmupCutTable(c.runs);
  if (cuts !== undefined) parts.push('', cuts);
  const own = ownWindowsOf(c.runs);
  if (own !== undefined)
    parts.push(
      '',
      `rejected and cost are totals over each run's own window, as ${ownWindowsWords(own)}: ` +
        'they are not compared (no *, no paired difference); costPerTask in the JSON is the fair figure to compare.',
    );
  for (const note of runNotes(c.runs)) parts.push('', note);
  for (const f of c.failures) parts.push('', `FAILED ${f.policy} (${failedRunText(f)}): ${f.error}`);
  if (c.failures.length > 0) parts.push('', FAILED_POLICIES_LEFT_OUT);
  return parts.join('\n');
}

/**
 * Under a compare table with warmup: auto, one row per policy: the completed tasks cut from the
 * start of each replication (mean, min, max) and the mean virtual time observation began.
 */
export function warmupCutTable(runs: readonly RunResult[]): string | undefined {
  const rows = runs.flatMap((r) => {
    const s = warmupCutSpread(r);
    return s === undefined
      ? []
      : [
          [
            r.policy.label,
            tasks(s.meanCompleted),
            tasks(s.minCompleted),
            tasks(s.maxCompleted),
            num(s.meanSeconds),
          ],
        ];
  });
  if (rows.length === 0) return undefined;
  return [
    'warmup: auto cut per replication (completed tasks discarded; virtual time observation began):',
    '',
    formatTable(['policy', 'cut mean', 'cut min', 'cut max', 'from mean (s)'], rows),
  ].join('\n');
}
