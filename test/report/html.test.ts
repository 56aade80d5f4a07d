import { describe, expect, it } from 'vitest';
import { loadBundles } from '../../src/report/bundles.js';
import { esc, pointOrder, renderReportHtml, safeJson } from '../../src/report/html.js';
import type { SweepResult } from '../../src/report/input-types.js';
import { metricPaths } from '../../src/report/metrics.js';
import { reportPage } from '../../src/report/write-report.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { compareResult, runResult, smallScenario, sweepOf, sweepResult } from './support/results.js';

async function html(): Promise<string> {
  return renderReportHtml(
    reportPage(await compareResult(), { command: 'orchlab compare x.yaml --report r.html' }),
    loadBundles(),
  );
}

describe('renderReportHtml(page, bundles)', () => {
  it('says how many replications in words: 1 replication, or the range across a sweep', async () => {
    const kicker = (text: string) => /<p class="kicker">(.*?)<\/p>/.exec(text)![1]!;
    const run = await runResult();
    const one = { ...run, replicationResults: run.replicationResults.slice(0, 1) };
    const oneHtml = renderReportHtml(reportPage(one, { command: 'c' }), loadBundles());
    expect(kicker(oneHtml)).toContain(' · 1 replication · ');
    expect(oneHtml).toContain(
      '<dt>replications</dt><dd>1</dd>'.replace('<dd>1</dd>', '<dd>1 replication</dd>'),
    );
    // A sweep whose first point ran fewer replications (replications: auto stopped it sooner).
    const sweep = await sweepResult();
    const [p0, ...rest] = sweep.points;
    const fewer = {
      ...p0!,
      runs: p0!.runs.map((r) => ({ ...r, replicationResults: r.replicationResults.slice(0, 2) })),
    };
    const n = sweep.points[1]!.runs[0]!.replicationResults.length;
    const sweepHtml = renderReportHtml(
      reportPage({ ...sweep, points: [fewer, ...rest] }, { command: 'c' }),
      loadBundles(),
    );
    expect(kicker(sweepHtml)).toContain(` · 2–${n} replications · `);
  });

  it('references no external URL: no http(s) src or href, no <link>, no import', async () => {
    const text = await html();
    expect(text).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(text).not.toMatch(/<link\b/i);
    expect(text).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(text).not.toMatch(/sourceMappingURL/);
  });

  it('inlines the vega, vega-lite and vega-embed bundles and every chart spec', async () => {
    const text = await html();
    const bundles = loadBundles();
    expect(text).toContain(bundles.vega.slice(0, 200));
    expect(text).toContain(bundles.vegaEmbed.slice(-200));
    const specs = JSON.parse(
      /<script type="application\/json" id="report-specs">(.*?)<\/script>/s.exec(text)![1]!,
    );
    expect(Object.keys(specs)).toEqual(['response-cdf', 'quantiles', 'cost-p99', 'timeline', 'agents']);
    for (const id of Object.keys(specs)) expect(text).toContain(`<div class="vis" id="vis-${id}"`);
  });

  it('shows the headline, the command, the version, the seed and the scenario YAML', async () => {
    const text = await html();
    const result = await compareResult();
    expect(text).toMatch(/<h1 id="headline">\w[\w-]* wins on p99 response time<\/h1>/);
    expect(text).toContain('<code>orchlab compare x.yaml --report r.html</code>');
    expect(text).toContain(`<dt>orchlab</dt><dd>${result.orchlab}</dd>`);
    expect(text).toContain('<dt>seed</dt><dd>11</dd>');
    expect(text).toMatch(/<pre id="scenario-yaml">[^<]*name: report-small\nseed: 11\n/);
  });

  it('has a sortable table row for every figure of every policy', async () => {
    const text = await html();
    const table = /<table class="sortable" id="figures-table">(.*?)<\/table>/s.exec(text)![1]!;
    const rows = table.match(/<tr[ >]/g)!.length - 1;
    const result = await compareResult();
    expect(rows).toBe(result.runs.reduce((n, r) => n + metricPaths(r).length, 0));
    expect(rows).toBeGreaterThan(4 * 20);
    expect(table).toContain('<th data-type="number"><button type="button">95% CI low</button></th>');
  });

  it('a policy label cannot break out of its script or markup', async () => {
    const result = await compareResult();
    const evil = '</script><script>alert(1)</script><b>';
    const runs = result.runs.map((r, i) => (i === 0 ? { ...r, policy: { ...r.policy, label: evil } } : r));
    const text = renderReportHtml(reportPage({ ...result, runs }, { command: 'x' }), loadBundles());
    expect(text).not.toContain(evil);
    expect(text.match(/<script>alert/g)).toBeNull();
  });
});

describe('esc(text) and safeJson(value)', () => {
  it('escape markup and <, U+2028 and U+2029 inside JSON', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(safeJson({ s: '</script>\u2028' })).toBe('{"s":"\\u003c/script>\\u2028"}');
    expect(JSON.parse(safeJson({ s: '</script>\u2028' }))).toEqual({ s: '</script>\u2028' });
  });
});

describe('a report of one replication', () => {
  it('shows no interval (-, not a zero-width CI) in either table, and says why', async () => {
    const one = await runComparison(smallScenario(['replications=1']), ['sed', 'random'], executeInProcess);
    expect(one.runs[0]!.metrics.responseTime.p99.ci95).toEqual([
      one.runs[0]!.metrics.responseTime.p99.value,
      one.runs[0]!.metrics.responseTime.p99.value,
    ]);
    const text = renderReportHtml(reportPage(one, { command: 'c' }), loadBundles());
    const table = (id: string) =>
      new RegExp(`<table class="sortable" id="${id}">(.*?)</table>`, 's').exec(text)![1]!;
    const p99 = table('figures-table')
      .split('\n')
      .find((row) => row.includes('<td>sed</td>') && row.includes('>p99 response time<'))!;
    const value = one.runs[0]!.metrics.responseTime.p99.value!;
    expect(p99).toContain(`<td class="num" data-v="${value}">`);
    // mean, then low, high and half-width: a dash each.
    expect(p99.match(/<td class="num" data-v="">-<\/td>/g)).toHaveLength(3);
    const paired = table('paired-table')
      .split('\n')
      .filter((r) => r.startsWith('<tr>'));
    expect(paired.length).toBeGreaterThan(0);
    for (const row of paired) {
      expect(row.match(/<td class="num" data-v="">-<\/td>/g)).toHaveLength(2);
      expect(row).toMatch(/<td class="sig-no">-<\/td><\/tr>$/);
    }
    expect(text).toContain(
      '<p class="note" id="one-replication">One replication: no confidence intervals (give --replications 2 or more): the interval and significance cells show -.</p>',
    );
    expect(await html()).not.toContain('id="one-replication"');
  });
});

describe("the point column sorts by the points' values, not as text", () => {
  it('rate = 8 before rate = 15.2; axis by axis, other values as the axis lists them', async () => {
    const one = await sweepResult();
    const path = one.axes[0]!.path;
    const values = [15.2, 8, 10.4];
    const sweep: SweepResult = {
      ...one,
      axes: [{ path, values }],
      points: values.map((v, i) => ({ ...one.points[i]!, values: { [path]: v } })),
    };
    expect([...pointOrder(sweep)]).toEqual([
      ['rate = 8', 0],
      ['rate = 10.4', 1],
      ['rate = 15.2', 2],
    ]);
    const text = renderReportHtml(reportPage(sweep, { command: 'c' }), loadBundles());
    const table = /<table class="sortable" id="figures-table">.*?<\/table>/s.exec(text)![0];
    expect(table).toContain('<th data-type="number"><button type="button">point</button></th>');
    const cells = [...table.matchAll(/<tr[^>]*><td data-v="(\d+)">(rate = [\d.]+)<\/td>/g)].map((m) => [
      m[2],
      m[1],
    ]);
    expect(new Set(cells.map((c) => c.join(' → ')))).toEqual(
      new Set(['rate = 8 → 0', 'rate = 10.4 → 1', 'rate = 15.2 → 2']),
    );
    const two: SweepResult = {
      ...one,
      axes: [
        { path: 'queueing.discipline', values: ['fifo', 'lifo'] },
        { path, values: [15.2, 8] },
      ],
      points: [
        { ...one.points[0]!, values: { 'queueing.discipline': 'lifo', [path]: 8 } },
        { ...one.points[1]!, values: { 'queueing.discipline': 'fifo', [path]: 15.2 } },
        { ...one.points[2]!, values: { 'queueing.discipline': 'fifo', [path]: 8 } },
      ],
    };
    expect([...pointOrder(two).keys()]).toEqual([
      'discipline = fifo, rate = 8',
      'discipline = fifo, rate = 15.2',
      'discipline = lifo, rate = 8',
    ]);
  });
});

describe('a sweep report names what varies by point', () => {
  it('a seed sweep: the seed varies by point (not the last point’s seed), in the kicker and the facts', async () => {
    const sweep = await sweepOf(['seed=1:6:1']);
    const text = renderReportHtml(reportPage(sweep, { command: 'c' }), loadBundles());
    expect(/<p class="kicker">(.*?)<\/p>/.exec(text)![1]).toMatch(/ · seed varies by point: 1–6, 6 values$/);
    expect(text).toContain('<dt>seed</dt><dd>varies by point: 1–6, 6 values</dd>');
    expect(text).not.toMatch(/seed 6\b/);
    expect(text).toContain('<h2>Scenario at seed = 6</h2><ul><li>Swept: seed (1–6, 6 values), 6 points.');
  });

  it('the scenario section and YAML are headed with the point they describe, after a line naming the axes', async () => {
    const text = renderReportHtml(reportPage(await sweepResult(), { command: 'c' }), loadBundles());
    const section = /<section class="scenario" id="scenario">(.*?)<\/section>/.exec(text)![1]!;
    expect(section).toMatch(
      /^<h2>Scenario at rate = 8<\/h2><ul><li>Swept: workload\.arrivals\.rate \(4, 6, 8\), 3 points\. The lines below describe the point rate = 8, the one the detail charts show\.<\/li><li>Fleet: /,
    );
    expect(section).toContain('Poisson arrivals at 8 tasks/s');
    expect(text).toContain(
      "<h3>Scenario at rate = 8 (normalized: defaults filled in, overrides applied; the re-run's --vary sets the swept fields at each point)</h3>",
    );
    // A compare's section is the scenario itself.
    expect(await html()).toContain('<h2>Scenario</h2><ul><li>Fleet: ');
  });
});

describe('replications: auto and warmup: auto in a report', () => {
  const AUTO = [
    'replications=auto',
    'precision=0.05',
    'maxReplications=3',
    'warmup=auto',
    'stop.completed=1000',
  ];

  it('lists PRECISION NOT MET (with the replications needed) and WARM-UP AT LIMIT as the tables do', async () => {
    const c = await runComparison(smallScenario(AUTO), ['jsq', 'random'], executeInProcess);
    // One replication of jsq whose cut MSER put at its limit (half the series).
    const runs = c.runs.map((r, i) =>
      i > 0
        ? r
        : {
            ...r,
            replicationResults: r.replicationResults.map((x, j) =>
              j === 1 ? { ...x, warmupCut: { ...x.warmupCut!, atLimit: true as const } } : x,
            ),
          },
    );
    const text = renderReportHtml(reportPage({ ...c, runs }, { command: 'c' }), loadBundles());
    const notes = /<ul class="warnings" id="run-notes">(.*?)<\/ul>/.exec(text)![1]!;
    const items = notes.match(/<li>.*?<\/li>/g)!;
    expect(items).toHaveLength(3);
    for (const [i, r] of runs.entries()) {
      expect(r.precisionMet).toBe(false);
      expect(items[i]).toMatch(
        new RegExp(
          `^<li>PRECISION NOT MET: ${r.policy.label}: mean response ±[\\d.]+% after 3 replications, asked ±5%, about ${r.replicationsTarget} needed \\(raise maxReplications to about ${r.replicationsTarget}\\)</li>$`,
        ),
      );
    }
    expect(items[2]).toBe(
      '<li>WARM-UP AT LIMIT: jsq: warmup: auto cut half the run in 1 of 3 replications; the transient may last longer than the run (make stop later)</li>',
    );
  });

  it('shows where warmup: auto cut each policy’s replications (mean, fewest, most, mean start)', async () => {
    const c = await runComparison(smallScenario(AUTO), ['jsq', 'random'], executeInProcess);
    const text = renderReportHtml(reportPage(c, { command: 'c' }), loadBundles());
    const table = /<table class="sortable" id="warmup-table">(.*?)<\/table>/s.exec(text)![1]!;
    for (const r of c.runs) {
      const completed = r.replicationResults.map((x) => x.warmupCut!.completed);
      const seconds = r.replicationResults.map((x) => x.warmupCut!.seconds);
      const mean = completed.reduce((a, b) => a + b, 0) / completed.length;
      const from = seconds.reduce((a, b) => a + b, 0) / seconds.length;
      const cell = (x: number, shown: string) => `<td class="num" data-v="${x}">${shown}</td>`;
      expect(table).toContain(
        `<tr><td>${r.policy.label}</td>${cell(mean, Number.isInteger(mean) ? String(mean) : mean.toFixed(1))}` +
          `${cell(Math.min(...completed), String(Math.min(...completed)))}${cell(Math.max(...completed), String(Math.max(...completed)))}` +
          `${cell(from, String(Number(from.toPrecision(4))))}</tr>`,
      );
    }
    expect(text).toContain('<li><a href="#warmup">Warm-up cuts</a></li>');
    // A fixed warm-up and a met precision: none of it.
    const fixed = await html();
    expect(fixed).not.toContain('id="run-notes"');
    expect(fixed).not.toContain('id="warmup"');
  });

  it('a sweep names the point of each note and lists at most 12, then how many more', async () => {
    const sweep = await sweepOf(['seed=1:7:1'], ['jsq', 'random'], AUTO);
    const text = renderReportHtml(reportPage(sweep, { command: 'c' }), loadBundles());
    const items = /<ul class="warnings" id="run-notes">(.*?)<\/ul>/.exec(text)![1]!.match(/<li>.*?<\/li>/g)!;
    expect(items).toHaveLength(13);
    expect(items[0]).toMatch(/^<li>PRECISION NOT MET: jsq at seed = 1: mean response ±/);
    expect(items[1]).toMatch(/^<li>PRECISION NOT MET: random at seed = 1: /);
    expect(items[12]).toMatch(/^<li>… and [1-9]\d* more like these \(the JSON says it run by run/);
    const table = /<table class="sortable" id="warmup-table">(.*?)<\/table>/s.exec(text)![1]!;
    expect(table).toContain('<tr><td data-v="6">seed = 7</td><td>random</td>');
  });
});

describe('which figures the ★ and the paired differences cover', () => {
  const notes = (text: string) => [...text.matchAll(/<p class="note ranking">(.*?)<\/p>/g)].map((m) => m[1]!);

  it('names the figures compare ranks; the others (p50, throughput) get no ★', async () => {
    const text = await html();
    expect(notes(text)[0]).toBe(
      '★ marks the policy with the lowest mean on each figure compared: mean response time, p95 response time, ' +
        'p99 response time, mean wait, rejected tasks and cost (none where two or more policies share the lowest mean). ' +
        'Those are the figures of the paired differences. Other figures are not ranked: for some, such as ' +
        'throughput or utilization, lower is not better.',
    );
    const rows = /<table class="sortable" id="figures-table">(.*?)<\/table>/s.exec(text)![1]!.split('\n');
    const starred = new Set(
      rows.filter((r) => r.includes('<td>★</td>')).map((r) => /<code>([^<]+)<\/code>/.exec(r)![1]),
    );
    expect([...starred].sort()).toEqual(Object.keys((await compareResult()).best).sort());
    expect(text).not.toContain('is not among them');
  });

  it('a sweep ranks at each point', async () => {
    const text = renderReportHtml(reportPage(await sweepResult(), { command: 'c' }), loadBundles());
    expect(notes(text)[0]).toMatch(
      /^★ marks the policy with the lowest mean on each figure compared, at each point: mean response time, /,
    );
  });

  it('under warmup: auto, says rejected and cost are not compared', async () => {
    const c = await runComparison(
      smallScenario(['warmup=auto', 'replications=2', 'stop.completed=1000']),
      ['sed', 'random'],
      executeInProcess,
    );
    const n = notes(renderReportHtml(reportPage(c, { command: 'c' }), loadBundles()));
    expect(n[0]).toContain(': mean response time, p95 response time, p99 response time and mean wait (none');
    expect(n[1]).toBe(
      'Rejected tasks and cost are totals over each run&#39;s own window, as warmup: auto cuts each run at its own point: not compared (no ★, no paired difference); cost per task is the fair figure to compare.',
    );
  });

  it('with a bound, says the ★ on the objective’s figure marks a policy outside it, and who the headline names', async () => {
    const c = await compareResult();
    const objective = { metric: 'cost', subjectTo: { 'responseTime.p99': 5 } };
    const runs = c.runs.map((r) => ({ ...r, scenarioSpec: { ...r.scenarioSpec, objective } }));
    expect(c.best.cost).toBe('random');
    const text = renderReportHtml(reportPage({ ...c, runs }, { command: 'c' }), loadBundles());
    expect(text).toContain('<h1 id="headline">jsq ');
    expect(notes(text)[1]).toMatch(
      /^A ★ ranks its figure alone, without the objective&#39;s bound: on cost it marks random, which misses it \(p99 response time 43\.13 s, 38\.13 s over the bound 5 s\); the headline&#39;s jsq has the lowest cost among the policies within it\.$/,
    );
  });

  it('an objective on a figure compare does not rank is ranked by the headline, and says so', async () => {
    const c = await compareResult();
    const objective = { metric: 'responseTime.p50', subjectTo: {} };
    const runs = c.runs.map((r) => ({ ...r, scenarioSpec: { ...r.scenarioSpec, objective } }));
    const n = notes(renderReportHtml(reportPage({ ...c, runs }, { command: 'c' }), loadBundles()));
    expect(n[1]).toBe(
      'The objective&#39;s figure, p50 response time, is not among them: the headline ranks it by its means.',
    );
  });
});

describe('failed runs in a report', () => {
  it('names the failed replications, out of how many, and that the policy is left out although others ran', async () => {
    const c = await compareResult();
    const [kept, gone] = [c.runs.filter((r) => r.policy.label !== 'random'), 'random'];
    const fail = (replication: number, error: string) => ({
      policy: gone,
      scenario: c.scenario,
      seed: c.seed,
      replication,
      kind: 'policy' as const,
      error,
    });
    const failed = {
      ...c,
      runs: kept,
      failures: [fail(0, 'policy threw: boom 1'), fail(2, 'policy threw: boom 2')],
    };
    const text = renderReportHtml(reportPage(failed, { command: 'c' }), loadBundles());
    expect(text).toContain(
      '<div class="failures" id="failures"><p>Left out because runs failed (replications numbered from 0, as in the JSON):</p><ul>' +
        '<li>random (seed 11) failed in replications 0 and 2 of 3; it is left out entirely, although the other replication ran ' +
        '(a policy is compared over all its replications or not at all): replication 0: policy threw: boom 1; ' +
        'replication 2: policy threw: boom 2</li></ul></div>',
    );
    // One error for every replication: said once; all failed: no "although".
    const all = { ...failed, failures: [0, 1, 2].map((r) => fail(r, 'policy threw: same')) };
    expect(renderReportHtml(reportPage(all, { command: 'c' }), loadBundles())).toContain(
      '<li>random (seed 11) failed in all 3 replications; it is left out: policy threw: same</li>',
    );
  });

  it('a sweep point whose scenario is invalid is reported once, not once per policy', async () => {
    const sweep = await sweepOf(['workload.arrivals.rate=-1,6']);
    const error = sweep.points[0]!.error!;
    expect(error).toContain('workload.arrivals.rate');
    const text = renderReportHtml(reportPage(sweep, { command: 'c' }), loadBundles());
    expect(text.split(esc(error)).length - 1).toBe(1);
    expect(text).toContain(`1 point did not run: rate = -1 (${esc(error)}).`);
    expect(text).not.toContain('id="failures"');
  });
});

describe('what the docs point to is on the page', () => {
  it('the figures table shows each figure’s path, as the objective names it', async () => {
    const table = /<table class="sortable" id="figures-table">(.*?)<\/table>/s.exec(await html())![1]!;
    expect(table).toContain('<th data-type="text"><button type="button">path</button></th>');
    expect(table).toMatch(/<td>p99 response time<\/td><td><code>responseTime\.p99<\/code><\/td><td>s<\/td>/);
    expect(table).toContain('<td>cost per task</td><td><code>costPerTask</code></td>');
  });

  it('orchlab report shows its own command as such, and says the producing one is not stored', async () => {
    const text = renderReportHtml(
      reportPage(await compareResult(), { command: 'orchlab report r.json --out r.html' }),
      loadBundles(),
    );
    expect(text).toContain(
      '<dt>report made with</dt><dd><code>orchlab report r.json --out r.html</code> <span class="note">(the command that made the result is not stored in it; the re-run below makes it again)</span></dd>',
    );
    expect(await html()).toContain(
      '<dt>command</dt><dd><code>orchlab compare x.yaml --report r.html</code></dd>',
    );
  });
});
