// The result schema checks every field the report reads: a result it lets through is drawn
// without a crash, one it refuses gets one message naming the field (exit code 2). What orchlab
// itself writes (one replication, a figure with no value, a point that did not run) passes.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Bundles } from '../../src/report/bundles.js';
import { renderReportHtml } from '../../src/report/html.js';
import { parseResult } from '../../src/report/load-result.js';
import { reportPage } from '../../src/report/write-report.js';
import { checkProperty } from '../support/check-property.js';
import { runCli } from '../support/run-cli.js';
import { compareResult, sweepResult } from './support/results.js';

// biome-ignore lint/suspicious/noExplicitAny: results edited by path in tests
type Json = any;

/** Long arrays of numbers (timelines) cut to 4: the same shapes, a smaller text to parse. */
const trimmed = (x: unknown): Json =>
  JSON.parse(
    JSON.stringify(x, (_k, v) =>
      Array.isArray(v) && v.length > 4 && typeof v[0] !== 'object' ? v.slice(0, 4) : v,
    ),
  );

let compare: Json;
let sweep: Json;
let run: Json;

beforeAll(async () => {
  compare = trimmed(await compareResult());
  sweep = trimmed(await sweepResult());
  run = compare.runs[0];
});

/** A copy of `doc` with `edit` applied. */
function edited(doc: Json, edit: (d: Json) => void): Json {
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
}

/** The InputError message parseResult gives `doc`. */
function refusal(doc: Json): string {
  try {
    parseResult(JSON.stringify(doc), 'r.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected the result to be refused');
}

const NO_BUNDLES: Bundles = { vega: '', vegaLite: '', vegaEmbed: '' };

/** The report's page and HTML for `doc` (the bundles left out): throws what the report would. */
function draw(doc: Json): { html: string; words: string[] } {
  const page = reportPage(parseResult(JSON.stringify(doc), 'r.json'), { command: 'orchlab report r.json' });
  const words = [
    ...page.scenarioWords,
    page.model.headline.title,
    ...page.model.headline.sentences,
    page.reproduce ?? '',
    ...page.model.runNotes,
    ...page.figures.map((f) => `${f.point} ${f.policy} ${f.name}`),
  ];
  return { html: renderReportHtml(page, NO_BUNDLES), words };
}

describe('a result the report would stumble on is refused at load, naming the field', () => {
  it('a scenario without stop, rules or queueing (each crashed the scenario in words)', () => {
    const without = (key: string) => refusal(edited(run, (d) => delete d.scenarioSpec[key]));
    expect(without('stop')).toBe(
      'r.json: not a valid orchlab.run/1 result:\n  scenarioSpec.stop: missing; expected { completed: N } or { time: S }',
    );
    expect(without('rules')).toBe(
      'r.json: not a valid orchlab.run/1 result:\n  scenarioSpec.rules: missing; expected an array',
    );
    expect(without('queueing')).toBe(
      'r.json: not a valid orchlab.run/1 result:\n  scenarioSpec.queueing: missing; expected an object',
    );
  });

  it('a figure with a value but a null interval (crashed the CDF, the quantile bars and the cost chart)', () => {
    expect(
      refusal(edited(compare, (d) => (d.runs[1].metrics.responseTime.p99 = { value: 3, ci95: null }))),
    ).toBe(
      'r.json: not a valid orchlab.compare/1 result:\n' +
        '  runs.1.metrics.responseTime.p99.ci95: expected [low, high] beside the value 3, found null (ci95 is null only with a null value)',
    );
    expect(refusal(edited(run, (d) => (d.metrics.cost = { value: 3, ci95: null })))).toContain(
      '\n  metrics.cost.ci95: expected [low, high] beside the value 3, found null',
    );
    // Any figure the tables list, not only those the charts draw.
    expect(refusal(edited(run, (d) => (d.metrics.throughput.ci95 = [1, 'x'])))).toContain(
      '\n  metrics.throughput.ci95.1: expected a number or null, found "x"',
    );
  });

  it('the rest of the scenario the report puts in words', () => {
    const problem = (edit: (d: Json) => void) => refusal(edited(run, edit)).split('\n')[1];
    expect(problem((d) => delete d.scenarioSpec.workload.arrivals)).toBe(
      '  scenarioSpec.workload: expected arrivals (synthetic) or trace (recorded); found neither',
    );
    expect(problem((d) => (d.scenarioSpec.workload.arrivals = { process: 'sometimes' }))).toBe(
      '  scenarioSpec.workload.arrivals.process: expected one of poisson, constant, mmpp, diurnal, piecewise, batch, fit, found "sometimes"',
    );
    expect(problem((d) => delete d.scenarioSpec.workload.arrivals.rate)).toBe(
      '  scenarioSpec.workload.arrivals.rate: missing; expected a number',
    );
    expect(problem((d) => delete d.scenarioSpec.workload.classes[0].weight)).toBe(
      '  scenarioSpec.workload.classes.0.weight: missing; expected a number',
    );
    expect(problem((d) => (d.scenarioSpec.workload.classes[0].size = { dist: 'exponential' }))).toBe(
      '  scenarioSpec.workload.classes.0.size.mean: missing; expected a number',
    );
    expect(problem((d) => (d.scenarioSpec.warmup = 'later'))).toBe(
      `  scenarioSpec.warmup: expected { completed: N }, { time: S } or 'auto', found "later"`,
    );
    expect(problem((d) => (d.scenarioSpec.agents[0].count = 1e12))).toBe(
      '  scenarioSpec.agents.0.count: expected a number <= 1000000, found 1000000000000',
    );
    expect(problem((d) => (d.scenarioSpec.agents[0].count = 1.5))).toBe(
      '  scenarioSpec.agents.0.count: expected a whole number, found 1.5',
    );
    expect(problem((d) => delete d.scenarioSpec.queueing.discipline)).toBe(
      '  scenarioSpec.queueing.discipline: missing; expected a string',
    );
  });

  it("a sweep point without its value of an axis (the point's label and place on the chart)", () => {
    expect(refusal(edited(sweep, (d) => delete d.points[1].values['workload.arrivals.rate']))).toBe(
      'r.json: not a valid orchlab.sweep/1 result:\n' +
        "  points.1.values.workload.arrivals.rate: missing; expected the point's value of the axis workload.arrivals.rate",
    );
  });

  it('orchlab report on such a file: one message naming the file, exit code 2, no stack, no file written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-result-schema-'));
    const file = join(dir, 'nostop.json');
    writeFileSync(file, JSON.stringify(edited(run, (d) => delete d.scenarioSpec.stop)));
    const r = await runCli('report', file, '--out', join(dir, 'r.html'));
    expect(r.stderr).toBe(
      `orchlab: ${file}: not a valid orchlab.run/1 result:\n  scenarioSpec.stop: missing; expected { completed: N } or { time: S }\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });
});

describe('what orchlab writes passes and is drawn', () => {
  it('one replication: every interval is [v, v]', () => {
    const one = edited(run, (d) => {
      d.replicationResults = d.replicationResults.slice(0, 1);
      d.replications = 1;
      const degenerate = (node: Json): void => {
        if (node !== null && typeof node === 'object' && 'ci95' in node) node.ci95 = [node.value, node.value];
        else if (node !== null && typeof node === 'object') Object.values(node).forEach(degenerate);
      };
      degenerate(d.metrics);
    });
    expect(draw(one).html).toContain('<!doctype html>');
  });

  it('a figure some replication had no value of: { value: null, ci95: null }, null per replication', () => {
    const none = edited(compare, (d) => {
      for (const r of d.runs) {
        r.metrics.responseTime.p99 = { value: null, ci95: null };
        r.metrics.cost = { value: null, ci95: null };
        r.replicationResults[0].metrics.responseTime.p99 = null;
      }
    });
    expect(draw(none).html).toContain('<!doctype html>');
  });

  it('a sweep point that did not run; a recorded trace replayed; sizes from tokens; no per-agent series', () => {
    const skipped = edited(sweep, (d) => {
      d.points[0].runs = [];
      d.points[0].paired = [];
      d.points[0].best = {};
      d.points[0].error = 'workload.arrivals.rate: expected a number > 0';
    });
    expect(draw(skipped).words.join('\n')).toContain('did not run');
    const replay = edited(run, (d) => {
      d.scenarioSpec.workload.arrivals = undefined;
      d.scenarioSpec.workload.trace = { file: 'traces/t.jsonl', preset: 'mooncake' };
      d.scenarioSpec.workload.classes[0].size = undefined;
      for (const r of d.replicationResults) r.timeline.agentUtilization = undefined;
    });
    expect(draw(replay).words.join('\n')).toContain('replay of the trace traces/t.jsonl');
  });
});

/** Every path into `doc`, but of a long array only its first two items and its last. */
function paths(node: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(node))
    node.forEach((v, i) => {
      if (i < 2 || i === node.length - 1) {
        out.push([...prefix, i]);
        paths(v, [...prefix, i], out);
      }
    });
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  return out;
}

const EDITS: Record<string, (parent: Json, key: string | number) => void> = {
  delete: (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]),
  null: (p, k) => (p[k] = null),
  'a string': (p, k) => (p[k] = 'x'),
  '{}': (p, k) => (p[k] = {}),
  '[]': (p, k) => (p[k] = []),
  '-1': (p, k) => (p[k] = -1),
  '1.5': (p, k) => (p[k] = 1.5),
};

/**
 * Drawn, or refused at load: never another error, and no word of the page (`undefined`, `NaN`)
 * standing for a field that was not there.
 */
function refusedOrDrawn(doc: Json, path: (string | number)[], how: string): void {
  const d = edited(doc, (c) =>
    EDITS[how]!(
      path.slice(0, -1).reduce((n: Json, k) => n[k], c),
      path.at(-1)!,
    ),
  );
  let drawn: { words: string[] };
  try {
    drawn = draw(d);
  } catch (err) {
    if (err instanceof InputError) return;
    throw new Error(`${how} at ${path.join('.')}: ${String(err)}`);
  }
  for (const w of drawn.words) expect(w, `${how} at ${path.join('.')}`).not.toMatch(/undefined|NaN/);
}

// Every edit of every field outside the figures (the scenario, policies, axes, failures, best,
// paired, notes' fields), tried one by one: the fields read once each, where a random sample
// could miss one. The figures, many and alike, are sampled by the property below.
describe('one field outside the figures deleted, nulled or of another type: refused or drawn, every one tried', () => {
  for (const kind of ['compare', 'sweep', 'run'] as const) {
    it(`in a ${kind} result`, () => {
      const doc = { compare, sweep, run }[kind];
      // Of alike items, the first one's fields: a compare's first run, a sweep's first point.
      const firstRun = (p: (string | number)[]) => {
        const i = p.indexOf('runs');
        return (i === -1 || p[i + 1] === 0) && (p[0] !== 'points' || p[1] === undefined || p[1] === 0);
      };
      const structure = paths(doc).filter(
        (p) => !p.includes('metrics') && !p.includes('timeline') && firstRun(p),
      );
      for (const path of structure) for (const how of Object.keys(EDITS)) refusedOrDrawn(doc, path, how);
    });
  }
});

describe('one field deleted, nulled or of another type, anywhere: refused (exit 2) or drawn, never a crash', () => {
  for (const kind of ['compare', 'sweep', 'run'] as const) {
    it(`in a ${kind} result`, () => {
      const doc = { compare, sweep, run }[kind];
      checkProperty(
        'test/report/result-schema.test.ts',
        fc.property(fc.constantFrom(...paths(doc)), fc.constantFrom(...Object.keys(EDITS)), (path, how) =>
          refusedOrDrawn(doc, path, how),
        ),
        { compare: 100, sweep: 60, run: 150 }[kind],
      );
    });
  }
});
