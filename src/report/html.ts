// The report as one self-contained HTML page: headline, scenario in words, every chart (vega-embed
// from inlined bundles, specs and data inlined as JSON), sortable tables of every figure with its
// CI and of the paired differences, and how it was made (command, version, seed, scenario YAML).
// Pure: the page's parts and the bundle texts in, HTML out. No external URL is referenced.
import { num } from '../cli/format-table.js';
import { count } from '../plural.js';
import { oneReplication, tasks } from '../runner/run-notes.js';
import type { RunResult } from '../runner/run-result.js';
import { BROWSER_SCRIPT } from './browser-script.js';
import type { Bundles } from './bundles.js';
import type { ReportChart } from './charts.js';
import type { SweepPoint, SweepResult } from './input-types.js';
import { pointLabel } from './sweep-headline.js';
import { type FigureRow, rankingNotes } from './figures.js';
import { metricName } from './metrics.js';
import { REPORT_CSS } from './report-css.js';
import { reproduceNote } from './reproduce.js';
import { sweptWords } from './scenario-words.js';
import { rangesText } from './words.js';
import type { Failure, ReportModel } from './report-model.js';

export interface ReportPage {
  readonly model: ReportModel;
  readonly charts: readonly ReportChart[];
  readonly notes: readonly string[];
  readonly figures: readonly FigureRow[];
  readonly scenarioWords: readonly string[];
  readonly scenarioYaml: string;
  /** The command that made the report (or the result and the report together). */
  readonly command: string;
  readonly reproduce?: string;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** JSON that cannot close a <script> element or open a comment inside it. */
export const safeJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const numCell = (x: number | null) =>
  `<td class="num" data-v="${x === null || !Number.isFinite(x) ? '' : x}">${num(x)}</td>`;
const th = (label: string, type: 'text' | 'number' = 'text') =>
  `<th data-type="${type}"><button type="button">${esc(label)}</button></th>`;

/** Where a point's values sort on one axis: numbers by value, before other values in the axis's order. */
function axisKey(axis: SweepResult['axes'][number], v: unknown): [number, number] {
  if (typeof v === 'number') return [0, v];
  const text = JSON.stringify(v);
  return [1, axis.values.findIndex((x) => JSON.stringify(x) === text)];
}

/**
 * Each sweep point's place (by its label) for the tables' point column, which sorts by it: axis by
 * axis, numbers by value. Sorted as text, `rate = 15.2` came before `rate = 8`.
 */
export function pointOrder(sweep: SweepResult): Map<string, number> {
  const key = (p: SweepPoint) => sweep.axes.flatMap((a) => axisKey(a, p.values[a.path]));
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  const sorted = [...sweep.points].sort((a, b) => compare(key(a), key(b)));
  return new Map(sorted.map((p, i) => [pointLabel(sweep, p.values), i]));
}

/** The point column's heading and cells, sorted by pointOrder: none outside a sweep. */
function pointColumn(model: ReportModel) {
  const order = model.sweep === undefined ? undefined : pointOrder(model.sweep);
  return {
    head: order === undefined ? [] : [th('point', 'number')],
    cell: (point: string) =>
      order === undefined ? [] : [`<td data-v="${order.get(point) ?? ''}">${esc(point)}</td>`],
  };
}

function figuresTable(rows: readonly FigureRow[], model: ReportModel): string {
  const point = pointColumn(model);
  const head = [
    ...point.head,
    th('policy'),
    th('figure'),
    th('path'),
    th('unit'),
    th('mean', 'number'),
    th('95% CI low', 'number'),
    th('95% CI high', 'number'),
    th('± half-width', 'number'),
    th('best'),
  ].join('');
  const body = rows
    .map((r) => {
      const half = r.lo === null || r.hi === null ? null : (r.hi - r.lo) / 2;
      const cells = [
        ...point.cell(r.point),
        `<td>${esc(r.policy)}</td>`,
        `<td>${esc(r.name)}</td>`,
        `<td><code>${esc(r.metric)}</code></td>`,
        `<td>${esc(r.unit)}</td>`,
        numCell(r.value),
        numCell(r.lo),
        numCell(r.hi),
        numCell(half),
        `<td>${r.best ? '★' : ''}</td>`,
      ];
      return `<tr${r.best ? ' class="best"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table class="sortable" id="figures-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function pairedTable(model: ReportModel): string {
  if (model.paired.length === 0)
    return '<p class="note">No paired differences (one policy, or every policy scored the same).</p>';
  const point = pointColumn(model);
  const head = [
    ...point.head,
    th('figure'),
    th('policy'),
    th('against (best)'),
    th('difference', 'number'),
    th('95% CI low', 'number'),
    th('95% CI high', 'number'),
    th('significant'),
  ].join('');
  const body = model.paired
    .map((p) => {
      // One replication: no interval and no test (the JSON's [d, d] is not an interval of width 0).
      const tested = p.replications >= 2;
      return [
        '<tr>',
        ...point.cell(p.point),
        `<td title="${esc(p.metric)}">${esc(metricName(p.metric))}</td>`,
        `<td>${esc(p.a)}</td>`,
        `<td>${esc(p.b)}</td>`,
        numCell(p.diff.value),
        numCell(tested ? p.diff.ci95[0] : null),
        numCell(tested ? p.diff.ci95[1] : null),
        tested
          ? `<td class="${p.significant ? 'sig-yes' : 'sig-no'}">${p.significant ? 'yes' : 'no'}</td>`
          : '<td class="sig-no">-</td>',
        '</tr>',
      ].join('');
    })
    .join('\n');
  return `<div class="table-wrap"><table class="sortable" id="paired-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/**
 * One line per policy (and sweep point) whose runs failed: which replications, out of how many,
 * that the policy is then left out entirely even if some ran, and each distinct error once.
 */
export function failureLines(failures: readonly Failure[]): string[] {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = JSON.stringify([f.point, f.policy]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const f = group[0]!;
    const at = f.point === '' ? '' : ` at ${f.point}`;
    const seed = f.seed === undefined ? '' : ` (seed ${f.seed})`;
    const numbers = group.flatMap((g) => (g.replication === null ? [] : [g.replication]));
    const failed = new Set(numbers).size;
    const which =
      numbers.length === 0
        ? 'failed'
        : f.of !== undefined && failed === f.of
          ? `failed in all ${f.of} replications`
          : `failed in replication${failed === 1 ? '' : 's'} ${rangesText(numbers)}${f.of === undefined ? '' : ` of ${f.of}`}`;
    const ran = f.of === undefined || numbers.length === 0 ? 0 : f.of - failed;
    const left =
      ran > 0
        ? `; it is left out entirely, although ${ran === 1 ? 'the other replication' : `the other ${ran} replications`} ran (a policy is compared over all its replications or not at all)`
        : '; it is left out';
    const errors = [...new Set(group.map((g) => g.error))];
    const why =
      errors.length === 1
        ? `: ${errors[0]}`
        : `: ${group.map((g) => `replication ${g.replication ?? '?'}: ${g.error}`).join('; ')}`;
    return `${f.policy}${at}${seed} ${which}${left}${why}`;
  });
}

function failureList(failures: readonly Failure[]): string {
  if (failures.length === 0) return '';
  const items = failureLines(failures).map((l) => `<li>${esc(l)}</li>`);
  return `<div class="failures" id="failures"><p>Left out because runs failed (replications numbered from 0, as in the JSON):</p><ul>${items.join('')}</ul></div>`;
}

/** At most this many run notes are listed; a sweep of many points says how many more. */
const MAX_RUN_NOTES = 12;

/** PRECISION NOT MET, WARM-UP AT LIMIT, WORKLOAD ENDED and SKIPPED ROWS, as the tables print them. */
function runNotes(notes: readonly string[]): string {
  if (notes.length === 0) return '';
  const shown = notes.slice(0, MAX_RUN_NOTES).map((n) => `<li>${esc(n)}</li>`);
  const more = notes.length - MAX_RUN_NOTES;
  if (more > 0)
    shown.push(
      `<li>… and ${more} more like these (the JSON says it run by run: precisionMet, warmupCut.atLimit, workloadEnded, skippedRows).</li>`,
    );
  return `<ul class="warnings" id="run-notes">${shown.join('')}</ul>`;
}

/** Under warmup: auto, where each run's replications were cut, as compare's table prints it. */
function warmupSection(model: ReportModel): string {
  if (model.warmupCuts.length === 0) return '';
  const column = pointColumn(model);
  const head = [
    ...column.head,
    th('policy'),
    th('cut mean (tasks)', 'number'),
    th('cut min', 'number'),
    th('cut max', 'number'),
    th('from mean (s)', 'number'),
  ].join('');
  const taskCell = (x: number) => `<td class="num" data-v="${x}">${tasks(x)}</td>`;
  const body = model.warmupCuts
    .map(({ point, policy, cut }) =>
      [
        '<tr>',
        ...column.cell(point),
        `<td>${esc(policy)}</td>`,
        taskCell(cut.meanCompleted),
        taskCell(cut.minCompleted),
        taskCell(cut.maxCompleted),
        numCell(cut.meanSeconds),
        '</tr>',
      ].join(''),
    )
    .join('\n');
  return `<section id="warmup"><h2>Warm-up cuts</h2>
<p class="note">warmup: auto (MSER-5) cut each replication at its own point: the completed tasks discarded (mean, fewest, most over replications) and the mean virtual time observation began.</p>
<div class="table-wrap"><table class="sortable" id="warmup-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>
</section>
`;
}

function chartSection(c: ReportChart): string {
  const hint = c.hint === undefined ? '' : `<p class="hint">${esc(c.hint)}</p>`;
  return `<section class="chart" id="chart-${c.id}"><h2>${esc(c.heading)}</h2><div class="vis" id="vis-${c.id}" data-chart="${c.id}"></div>${hint}</section>`;
}

function facts(page: ReportPage): string {
  const m = page.model;
  const note = reproduceNote(m);
  const rows: [string, string][] = [
    // `orchlab report` shows its own command: the one that made the result is not in the result.
    /^orchlab report\b/.test(page.command)
      ? [
          'report made with',
          `<code>${esc(page.command)}</code> <span class="note">(the command that made the result is not stored in it; the re-run below makes it again)</span>`,
        ]
      : ['command', `<code>${esc(page.command)}</code>`],
    ...(page.reproduce === undefined
      ? []
      : ([
          [
            're-run',
            `<code>${esc(page.reproduce)}</code> <span class="note">(with the scenario below saved under that name)</span>` +
              (note === undefined ? '' : ` <span class="note" id="rerun-note">${esc(note)}</span>`),
          ],
        ] as [string, string][])),
    ['orchlab', esc(m.orchlab)],
    ['result format', esc(m.format)],
    ['scenario', esc(m.scenario)],
    ['seed', esc(m.seed)],
    ['replications', replicationsText(m.replications)],
    ...(m.detailPoint === undefined
      ? []
      : ([['detail charts at', esc(m.detailPoint)]] as [string, string][])),
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function renderReportHtml(page: ReportPage, bundles: Bundles): string {
  const m = page.model;
  const h = m.headline;
  const specs = Object.fromEntries(page.charts.map((c) => [c.id, c.spec]));
  const failures = failureList(m.failures);
  const [verdict, ...rest] = h.sentences;
  // A sweep's scenario is that of one point (the detail charts'): its headings say which.
  const at = (heading: string) => (m.detailPoint === undefined ? heading : `${heading} at ${m.detailPoint}`);
  const scenarioLines =
    m.sweep === undefined || m.detailPoint === undefined
      ? page.scenarioWords
      : [sweptWords(m.sweep, m.detailPoint), ...page.scenarioWords];
  const nav = [
    ...page.charts.map((c) => [`chart-${c.id}`, c.heading]),
    ['figures', 'Every figure'],
    ['paired', 'Paired differences'],
    ...(m.warmupCuts.length === 0 ? [] : [['warmup', 'Warm-up cuts']]),
    ['provenance', 'How this was made'],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="orchlab ${esc(m.orchlab)}">
<title>orchlab report: ${esc(m.scenario)}</title>
<style>${REPORT_CSS}</style>
<script>${bundles.vega}</script>
<script>${bundles.vegaLite}</script>
<script>${bundles.vegaEmbed}</script>
</head>
<body>
<header>
<p class="kicker">orchlab ${esc(m.kind)} report · scenario ${esc(m.scenario)} · ${replicationsText(m.replications)} · seed ${esc(m.seed)}</p>
<h1 id="headline">${esc(h.title)}</h1>
<div class="lede" id="headline-text">
${verdict === undefined ? '' : `<p class="verdict">${esc(verdict)}</p>`}
${rest.map((s) => `<p>${esc(s)}</p>`).join('\n')}
${failures}
${runNotes(m.runNotes)}
</div>
</header>
<section class="scenario" id="scenario"><h2>${esc(at('Scenario'))}</h2><ul>${scenarioLines.map((s) => `<li>${esc(s)}</li>`).join('')}</ul></section>
<nav aria-label="contents"><ol>${nav.map(([id, t]) => `<li><a href="#${id}">${esc(t!)}</a></li>`).join('')}</ol></nav>
${page.charts.map(chartSection).join('\n')}
${page.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
<section id="figures"><h2>Every figure</h2>
<p class="hint note">Means over replications with 95% Student-t confidence intervals. Click a column heading to sort.</p>
${rankingNotes(m)
  .map((n) => `<p class="note ranking">${esc(n)}</p>`)
  .join('\n')}
${oneReplicationNote(m.replications, m.runs)}
${figuresTable(page.figures, m)}
</section>
<section id="paired"><h2>Paired differences against the best</h2>
<p class="note">For each figure compared (see above), each policy minus the best one, replication by replication on the same workload (common random numbers). Significant: the interval excludes 0. With k policies each interval is drawn at 1 − 0.05/(k(k − 1)/2), Bonferroni over every pair of policies, so for each figure all of them hold together with 95% confidence even though the best is picked from the same data (the family is per figure, not over figures).</p>
${pairedTable(m)}
</section>
${warmupSection(m)}<section id="provenance"><h2>How this was made</h2>
${facts(page)}
<h3>${esc(at('Scenario'))} (normalized: defaults filled in, overrides applied${m.sweep === undefined ? '' : "; the re-run's --vary sets the swept fields at each point"})</h3>
<pre id="scenario-yaml">${esc(page.scenarioYaml)}</pre>
</section>
<script type="application/json" id="report-specs">${safeJson(specs)}</script>
<script>${BROWSER_SCRIPT}</script>
</body>
</html>
`;
}

/** `1 replication`, `10 replications`, or `10–19 replications` across a sweep's points. */
function replicationsText([fewest, most]: readonly [number, number]): string {
  return fewest === most ? count(fewest, 'replication') : `${fewest}–${most} replications`;
}

/** Under the tables, when some run has one replication: its cells show no interval (-). */
function oneReplicationNote([fewest, most]: readonly [number, number], runs: readonly RunResult[]): string {
  if (fewest >= 2) return '';
  const text =
    most < 2
      ? `${oneReplication(runs)}: the interval and significance cells show -.`
      : 'Some runs have one replication: no confidence interval for them (their interval cells show -).';
  return `<p class="note" id="one-replication">${esc(text)}</p>`;
}
