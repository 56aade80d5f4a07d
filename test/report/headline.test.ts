import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/analysis/compare-runs.js';
import { pairedDifference } from '../../src/analysis/paired.js';
import type { RunResult } from '../../src/runner/run-result.js';
import { headline, objectiveText, percent, rank } from '../../src/report/headline.js';
import type { SweepResult } from '../../src/report/input-types.js';
import { DEFAULT_OBJECTIVE } from '../../src/report/objective.js';
import { sweepHeadline } from '../../src/report/sweep-headline.js';
import { compareResult, sweepOf, sweepResult } from './support/results.js';

const p99 = (r: { metrics: { responseTime: { p99: { value: number | null } } } }) =>
  r.metrics.responseTime.p99.value!;

describe('headline(runs, objective)', () => {
  it('gives quantiles equal in every replication the rounding the paired table gives them', async () => {
    // p99 one bucket apart in each of 3 replications: a zero-width difference without the
    // rounding floor, so the title said "wins" where the paired table said "not significant".
    const [a, b] = structuredClone((await compareResult()).runs).slice(0, 2) as [RunResult, RunResult];
    for (const [run, v] of [
      [a, 4.015625],
      [b, 3.9921875],
    ] as const) {
      for (const r of run.replicationResults) r.metrics.responseTime.p99 = v;
      run.metrics.responseTime.p99 = { value: v, ci95: [v, v] };
    }
    const h = headline([a, b], DEFAULT_OBJECTIVE);
    const table = comparePolicies(
      [a, b].map((r) => ({
        policy: r.policy.label,
        values: { 'responseTime.p99': r.replicationResults.map((x) => x.metrics.responseTime.p99) },
      })),
      ['responseTime.p99'],
    ).paired[0]!;
    expect(h.paired).toEqual({ diff: table.diff, significant: table.significant });
    expect(h.paired!.significant).toBe(false);
    expect(h.title).toBe(`${b.policy.label} leads on p99 response time, not significantly`);
  });

  it('by default names the policy with the lowest p99, the runner-up and the paired test between them', async () => {
    const runs = (await compareResult()).runs;
    const sorted = [...runs].sort((a, b) => p99(a) - p99(b));
    const [winner, second] = sorted as [(typeof runs)[number], (typeof runs)[number]];
    const h = headline(runs, DEFAULT_OBJECTIVE);
    expect(h.title).toBe(`${winner.policy.label} wins on p99 response time`);
    expect(h.runnerUp).toBe(second.policy.label);
    const reps = (r: typeof winner) => r.replicationResults.map((x) => x.metrics.responseTime.p99);
    // Intervals over all pairs of policies, as in the paired table: the same row, the same verdict.
    const pairs = (runs.length * (runs.length - 1)) / 2;
    expect(pairs).toBeGreaterThan(1);
    expect(h.paired).toEqual(pairedDifference(reps(second), reps(winner), pairs));
    const row = (await compareResult()).paired.find(
      (p) => p.metric === 'responseTime.p99' && p.a === second.policy.label,
    );
    expect(row?.diff).toEqual(h.paired!.diff);
    expect(row?.significant).toBe(h.paired!.significant);
    expect(h.sentences[0]).toBe('Objective: the lowest p99 response time.');
    expect(h.sentences.join(' ')).toContain(
      `Paired over the same 3 replications, ${second.policy.label} − ${winner.policy.label} =`,
    );
    expect(h.sentences.join(' ')).toMatch(
      h.paired!.significant
        ? new RegExp(
            `: significant at the 5% level, with intervals that hold together over all ${pairs} pairs of policies\\.$`,
          )
        : /not significant/,
    );
  });

  it('with cost subject to a p99 target: the cheapest policy meeting it; the others are named', async () => {
    const runs = (await compareResult()).runs;
    const target = p99(runs.find((r) => r.policy.label === 'jsq')!) + 0.01;
    const objective = { metric: 'cost', subjectTo: { 'responseTime.p99': target } };
    const ok = runs
      .filter((r) => p99(r) <= target)
      .sort((a, b) => a.metrics.cost.value! - b.metrics.cost.value!);
    const h = headline(runs, objective);
    expect(h.winner).toBe(ok[0]!.policy.label);
    // jsq and least-cost cost much the same: three replications cannot tell them apart.
    expect(h.paired?.significant).toBe(false);
    expect(h.lead).toBe('not significant');
    expect(h.title).toBe(`${ok[0]!.policy.label} leads on cost, not significantly`);
    expect(h.sentences[1]).toMatch(
      new RegExp(
        `^${ok.length} of ${runs.length} policies meet the bound; not: random \\(p99 response time [\\d.]+ s, [\\d.]+ s over the bound [\\d.]+ s\\)`,
      ),
    );
    expect(rank(runs, objective).map((s) => s.violations.length > 0)).toEqual(
      runs.map((_, i) => i >= ok.length),
    );
  });

  it('on a total (cost) under warmup: auto: a caution that the windows differ; none with a fixed warm-up', async () => {
    const runs = (await compareResult()).runs;
    const objective = { metric: 'cost', subjectTo: {} };
    expect(headline(runs, objective).sentences.some((x) => x.startsWith('Caution'))).toBe(false);
    const auto = runs.map((r) => ({ ...r, scenarioSpec: { ...r.scenarioSpec, warmup: 'auto' as const } }));
    expect(headline(auto, objective).sentences[1]).toBe(
      "Caution: cost is a total over each run's observation window, and warmup: auto cuts each run at its own " +
        'point, so the windows differ; a per-task figure (cost per task) compares fairly.',
    );
    // Not on a rate or a per-task figure.
    expect(headline(auto, DEFAULT_OBJECTIVE).sentences.some((x) => x.startsWith('Caution'))).toBe(false);
    // A warm-up of completed tasks with a stop by time: each window ends at a time of its own too.
    const mixed = runs.map((r) => ({
      ...r,
      scenarioSpec: { ...r.scenarioSpec, warmup: { completed: 100 }, stop: { time: 60 } },
    }));
    expect(headline(mixed, objective).sentences[1]).toBe(
      "Caution: cost is a total over each run's observation window, and a warm-up counted in completed tasks ends at " +
        'its own time in each run, and the stop is by time, so the windows differ; a per-task figure (cost per task) compares fairly.',
    );
  });

  it('says by how much each policy misses each bound', async () => {
    const runs = (await compareResult()).runs;
    const h = headline(runs, { metric: 'cost', subjectTo: { 'responseTime.p99': 4, 'responseTime.p95': 2 } });
    const random = runs.find((r) => r.policy.label === 'random')!;
    const over = (v: number, b: number) =>
      `${Number(v.toPrecision(4))} s, ${Number((v - b).toPrecision(4))} s over the bound ${b} s`;
    expect(h.sentences[1]).toContain(
      `; random (p99 response time ${over(p99(random), 4)}; p95 response time ${over(random.metrics.responseTime.p95.value!, 2)}).`,
    );
    expect(h.sentences[1]).toMatch(/^\d of 4 policies meet the bounds; not: /);
  });

  it('when no policy meets the target, says so and names no winner', async () => {
    const runs = (await compareResult()).runs;
    const h = headline(runs, { metric: 'cost', subjectTo: { 'responseTime.p99': 0.001 } });
    expect(h.title).toBe('No policy meets the objective');
    expect(h.winner).toBeUndefined();
  });

  it('with one run, states its figure with its interval', async () => {
    const run = (await compareResult()).runs[0]!;
    const h = headline([run], DEFAULT_OBJECTIVE);
    expect(h.title).toMatch(new RegExp(`^${run.policy.label}: p99 response time [\\d.]+ s$`));
    expect(h.sentences[1]).toMatch(/\(95% CI [\d.]+ to [\d.]+ s\)\.$/);
  });
});

describe('sweepHeadline(sweep, objective)', () => {
  it('says a lead significant at no point in so many words (not "significantly at 0 of 3")', async () => {
    const sweep = await sweepOf(
      ['seed=1,2,3'],
      ['jsq', 'least-work-left'],
      ['replications=2', 'stop.completed=600', 'warmup.completed=60'],
    );
    expect(sweepHeadline(sweep, DEFAULT_OBJECTIVE).title).toBe(
      'least-work-left leads on p99 response time at every point, not significantly at any',
    );
  });

  it('counts the points each policy leads, and at how many of them the lead is significant', async () => {
    const sweep = await sweepResult();
    const perPoint = sweep.points.map((p) => headline(p.runs, DEFAULT_OBJECTIVE));
    expect(perPoint.map((h) => h.winner)).toEqual(['least-cost', 'least-cost', 'least-cost']);
    expect(perPoint.map((h) => h.lead)).toEqual(['significant', 'significant', 'not significant']);
    const h = sweepHeadline(sweep, DEFAULT_OBJECTIVE);
    expect(h.title).toBe('least-cost leads on p99 response time at every point (significantly at 2 of 3)');
    expect(h.sentences[1]).toBe(
      'Across 3 points of workload.arrivals.rate: least-cost leads at every point.',
    );
    expect(h.sentences[2]).toBe('The lead over the runner-up is not significant at 1 of 3: rate = 8.');
    // Significant everywhere: "wins".
    const sure = { ...sweep, points: [sweep.points[0]!, sweep.points[1]!] };
    expect(sweepHeadline(sure, DEFAULT_OBJECTIVE).title).toBe(
      'least-cost wins on p99 response time at every point',
    );
  });

  it('a policy alone at every point (the only one asked for, or the others failed) wins nothing: its figure', async () => {
    const sweep = await sweepResult();
    const only = {
      ...sweep,
      points: sweep.points.map((p) => ({ ...p, runs: p.runs.filter((r) => r.policy.label === 'jsq') })),
    };
    const values = only.points.map((p) => p99(p.runs[0]!));
    const h = sweepHeadline(only, DEFAULT_OBJECTIVE);
    const fig = (v: number) => String(Number(v.toPrecision(4)));
    expect(h.title).toBe(`jsq: p99 response time ${fig(Math.min(...values))}–${fig(Math.max(...values))} s`);
    expect(h.sentences[1]).toBe(
      'Across 3 points of workload.arrivals.rate: jsq is the only policy at every point.',
    );
    // One point: one figure.
    const one = { ...only, points: only.points.slice(0, 1) };
    expect(sweepHeadline(one, DEFAULT_OBJECTIVE).title).toBe(`jsq: p99 response time ${fig(values[0]!)} s`);
  });

  it('a lead where the policy ran alone at some points counts wins only where another policy ran', async () => {
    const sweep = await sweepResult();
    // least-cost: significant at rates 4 and 6, not at 8; alone at rate 4 now.
    const mixed = {
      ...sweep,
      points: sweep.points.map((p, i) =>
        i === 0 ? { ...p, runs: p.runs.filter((r) => r.policy.label === 'least-cost') } : p,
      ),
    };
    expect(sweepHeadline(mixed, DEFAULT_OBJECTIVE).title).toBe(
      'least-cost leads on p99 response time at every point (significantly at 1 of the 2 points where another policy ran)',
    );
  });

  it('a sweep on a total (cost) under warmup: auto carries the caution once', async () => {
    const sweep = await sweepResult();
    const objective = { metric: 'cost', subjectTo: {} };
    const caution = (h: { sentences: readonly string[] }) =>
      h.sentences.filter((x) => x.startsWith('Caution'));
    expect(caution(sweepHeadline(sweep, objective))).toEqual([]);
    const auto = {
      ...sweep,
      points: sweep.points.map((p) => ({
        ...p,
        runs: p.runs.map((r) => ({ ...r, scenarioSpec: { ...r.scenarioSpec, warmup: 'auto' as const } })),
      })),
    };
    expect(caution(sweepHeadline(auto, objective))).toEqual([
      "Caution: cost is a total over each run's observation window, and warmup: auto cuts each run at its own " +
        'point, so the windows differ; a per-task figure (cost per task) compares fairly.',
    ]);
  });
});

describe('objectiveText(objective) and percent(share)', () => {
  it('read as plain English', () => {
    expect(objectiveText({ metric: 'cost', subjectTo: { 'responseTime.p99': 5 } })).toBe(
      'the lowest cost with p99 response time ≤ 5 s',
    );
    expect([percent(0.06759), percent(0.234), percent(0)]).toEqual(['6.8%', '23%', '0.0%']);
  });
});

describe('sweepHeadline(sweep, objective) on many points', () => {
  /** A seed sweep of `n` points whose winner is least-cost, but sed at the seeds in `sedWins`. */
  async function seeds(n: number, sedWins: (seed: number) => boolean): Promise<SweepResult> {
    const c = await compareResult();
    const withoutLeastCost = c.runs.filter((r) => r.policy.label !== 'least-cost');
    const values = Array.from({ length: n }, (_, i) => i + 1);
    return {
      format: 'orchlab.sweep/1',
      orchlab: c.orchlab,
      scenario: c.scenario,
      axes: [{ path: 'seed', values }],
      points: values.map((seed) => ({
        values: { seed },
        runs: sedWins(seed) ? withoutLeastCost : c.runs,
        paired: [],
        best: {},
      })),
    };
  }

  it('says "at every point" rather than listing each', async () => {
    const h = sweepHeadline(await seeds(40, () => false), DEFAULT_OBJECTIVE);
    expect(h.sentences[1]).toMatch(/^Across 40 points of seed: least-cost (wins|leads) at every point\.$/);
    expect(h.sentences.join(' ')).not.toContain('seed = 2');
  });

  it('writes runs of consecutive points as ranges', async () => {
    const sed = new Set([4, 5, 6, 7, 11, 13, 21, 22, 23, 24, 25]);
    const h = sweepHeadline(await seeds(25, (s) => sed.has(s)), DEFAULT_OBJECTIVE);
    expect(h.sentences[1]).toMatch(
      /^Across 25 points of seed: least-cost (wins|leads) at 14 of 25 \(seed = 1–3, 8–10, 12, 14–20\); sed at 11 \(seed = 4–7, 11, 13, 21–25\)\.$/,
    );
  });

  it('lists at most 10 values or ranges, then counts the rest', async () => {
    const h = sweepHeadline(await seeds(30, (s) => s % 2 === 0), DEFAULT_OBJECTIVE);
    expect(h.sentences[1]).toMatch(
      /^Across 30 points of seed: least-cost (wins|leads) at 15 of 30 \(seed = 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, … and 5 more points\); sed at 15 \(seed = 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, … and 5 more points\)\.$/,
    );
  });
});

describe('headline(runs, objective) claims no more than the data', () => {
  const rejected = { metric: 'rejected', subjectTo: {} };

  it('when every policy scores the same (nothing rejected), no policy is better: no winner, no paired test', async () => {
    const runs = (await compareResult()).runs;
    expect(runs.map((r) => r.metrics.rejected.value)).toEqual([0, 0, 0, 0]);
    const h = headline(runs, rejected);
    expect(h.title).toBe('No policy is better on rejected tasks');
    expect(h.winner).toBeUndefined();
    expect(h.lead).toBe('tie');
    expect(h.sentences).toEqual([
      'Objective: the fewest rejected tasks.',
      'Every policy scores rejected tasks 0: none is better than another.',
    ]);
  });

  it('drops the window caution on a total that is 0 everywhere, and does not point a count to cost per task', async () => {
    const runs = (await compareResult()).runs.map((r) => ({
      ...r,
      scenarioSpec: { ...r.scenarioSpec, warmup: 'auto' as const },
    }));
    expect(headline(runs, rejected).sentences.some((x) => x.startsWith('Caution'))).toBe(false);
    // A count that is not 0: the caution, with a remedy that fits it.
    const some = runs.map((r, i) =>
      i === 0
        ? {
            ...r,
            metrics: { ...r.metrics, rejected: { value: 1, ci95: [0, 2] as [number, number] } },
            replicationResults: r.replicationResults.map((x) => ({
              ...x,
              metrics: { ...x.metrics, rejected: 1 },
            })),
          }
        : r,
    );
    expect(headline(some, rejected).sentences[1]).toBe(
      "Caution: rejected tasks is a total over each run's observation window, and warmup: auto cuts each run at its own " +
        'point, so the windows differ; a fixed warm-up cuts every run the same way.',
    );
  });

  it('when the best two score the same but others more: they tie, and no winner is named', async () => {
    const runs = (await compareResult()).runs;
    const best = runs.find((r) => r.policy.label === 'least-cost')!;
    const twin = { ...best, policy: { ...best.policy, label: 'twin' } };
    const h = headline([...runs, twin], DEFAULT_OBJECTIVE);
    expect(h.title).toBe('least-cost and twin tie on p99 response time');
    expect(h.winner).toBeUndefined();
    expect(h.sentences[1]).toBe(
      `least-cost and twin: p99 response time ${Number(p99(best).toPrecision(4))} s each; the others score more.`,
    );
  });

  it('with one replication: "leads …, untested"', async () => {
    const runs = (await compareResult()).runs.map((r) => ({
      ...r,
      replicationResults: r.replicationResults.slice(0, 1),
    }));
    const h = headline(runs, DEFAULT_OBJECTIVE);
    expect(h.title).toBe('least-cost leads on p99 response time, untested');
    expect(h.lead).toBe('untested');
    expect(h.sentences.at(-1)).toBe(
      'With one replication (or unmatched replications) there is no paired test; run more replications.',
    );
  });

  it('the only policy within the bounds wins, and the title says why', async () => {
    const runs = (await compareResult()).runs;
    const h = headline(runs, { metric: 'cost', subjectTo: { 'responseTime.p99': 2.5 } });
    expect(h.title).toBe('least-cost wins on cost, the only policy within the bounds');
    expect(h.lead).toBe('alone');
  });

  it('a sweep where no policy is better anywhere says so', async () => {
    const h = sweepHeadline(await sweepResult(), rejected);
    expect(h.title).toBe('No policy is better on rejected tasks at every point');
    expect(h.winner).toBeUndefined();
    expect(h.sentences[1]).toBe(
      'Across 3 points of workload.arrivals.rate: no policy is better at every point.',
    );
  });
});
