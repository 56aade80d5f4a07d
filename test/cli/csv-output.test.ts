// --format csv on run, compare and sweep: the CSV read back holds what --format json of the same
// command holds (the runs are deterministic), failed policies get a row with their error, --out
// writes the same bytes, and commands without a CSV view refuse it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MaybeEstimate } from '../../src/runner/estimate-tree.js';
import { parseCsv } from '../support/parse-csv.js';
import { figurePaths } from '../../src/metrics/figure-paths.js';
import { FAST, fast, runCli, SMALL } from '../support/run-cli.js';

const THROWS_IN_CREATE = 'test/fixtures/policies/throws-outside-route.ts';

/** The figures of one run of SMALL (one agent group, `worker`): the paths a scenario's `objective` names. */
const FIGURES = figurePaths(['worker']);
const WITH_CI = FIGURES.flatMap((f) => [f, `${f}.ci95Low`, `${f}.ci95High`]);

/** A column's place in the JSON: its name is the path (`utilizationByGroup.worker`). */
function jsonValue(tree: unknown, column: string): unknown {
  return column.split('.').reduce((t, key) => (t as Record<string, unknown>)[key], tree);
}

/** A figure as the CSV writes it: String(n), empty for a missing one (null in the JSON). */
const field = (v: unknown): string => (v === null ? '' : String(v));

/** The fields a run's estimate gives: mean, then the CI (empty over one replication). */
function estimateFields(e: MaybeEstimate, replications: number): string[] {
  if (e.value === null) return ['', '', ''];
  return [field(e.value), ...(replications < 2 ? ['', ''] : e.ci95!.map(field))];
}

/** The command's CSV, parsed, and its JSON, and its exit code (the same for both). */
async function both(
  ...args: string[]
): Promise<{ code: number; csv: string[][]; json: Record<string, unknown> }> {
  const csv = await runCli(...args, '--format', 'csv', '--quiet');
  const json = await runCli(...args, '--format', 'json', '--quiet');
  expect(csv.code, csv.stderr).toBe(json.code);
  const records = parseCsv(csv.stdout);
  // RFC 4180 with LF line ends, and a final one.
  expect(csv.stdout.endsWith('\n')).toBe(true);
  expect(csv.stdout).not.toContain('\r');
  for (const r of records) expect(r).toHaveLength(records[0]!.length);
  return { code: csv.code, csv: records, json: JSON.parse(json.stdout) };
}

interface JsonRun {
  policy: { label: string };
  replications: number;
  metrics: unknown;
}

/** The CSV row of a run as compare and sweep write it, from the JSON. */
function expectedRow(run: JsonRun): string[] {
  return [
    run.policy.label,
    String(run.replications),
    ...FIGURES.flatMap((f) => estimateFields(jsonValue(run.metrics, f) as MaybeEstimate, run.replications)),
    '',
  ];
}

describe('orchlab run --format csv', () => {
  it('a row per replication with its figures, as in the JSON', async () => {
    const { csv, json } = await both('run', SMALL, ...fast('--replications', '3'));
    const [header, ...rows] = csv;
    expect(header).toEqual(['policy', 'replication', 'events', 'warmupEndSeconds', 'endSeconds', ...FIGURES]);
    const reps = json.replicationResults as {
      replication: number;
      events: number;
      warmupEndSeconds: number;
      endSeconds: number;
      metrics: unknown;
    }[];
    expect(rows).toEqual(
      reps.map((x) => [
        'shared-queue',
        String(x.replication),
        String(x.events),
        String(x.warmupEndSeconds),
        String(x.endSeconds),
        ...FIGURES.map((f) => field(jsonValue(x.metrics, f))),
      ]),
    );
  });
});

describe('orchlab compare --format csv', () => {
  it('a row per policy: replications, each figure with its 95% CI, an empty error, as in the JSON', async () => {
    const { csv, json } = await both('compare', SMALL, '--policies', 'jsq,random,power-of-d:d=3', ...FAST);
    expect(csv[0]).toEqual(['policy', 'replications', ...WITH_CI, 'error']);
    expect(csv.slice(1)).toEqual((json.runs as JsonRun[]).map(expectedRow));
    expect(csv.slice(1).map((r) => r[0])).toEqual(['jsq', 'random', 'power-of-d(d=3)']);
  });

  it('one replication: the CI columns are empty', async () => {
    const { csv } = await both('compare', SMALL, '--policies', 'jsq', ...fast('--replications', '1'));
    const low = csv[0]!.indexOf('responseTime.mean.ci95Low');
    expect(csv[1]![1]).toBe('1');
    expect(csv[1]![low - 1]).not.toBe('');
    expect([csv[1]![low], csv[1]![low + 1]]).toEqual(['', '']);
  });

  it('a failed policy: its row has no figures and the error; exit code 3 as with the table', async () => {
    const { code, csv, json } = await both(
      'compare',
      SMALL,
      '--policies',
      `jsq,${THROWS_IN_CREATE}`,
      ...FAST,
    );
    // As with the table (failed-runs.test.ts): the others are written, and exit code 3.
    expect(code).toBe(3);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toEqual(expectedRow((json.runs as JsonRun[])[0]!));
    const failed = csv[2]!;
    expect(failed[0]).toBe('throws-outside-route');
    expect(failed.slice(1, -1).every((f) => f === '')).toBe(true);
    expect(failed.at(-1)).toBe(
      "seed 3, replications 0-1: policy 'throws-outside-route' threw in create(): Error: boom in create",
    );
  });

  it('--out FILE: the same bytes as on stdout, written through the atomic path', async () => {
    const args = ['compare', SMALL, '--policies', 'jsq,random', ...FAST, '--format', 'csv'];
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-csv-')), 'compare.csv');
    const toFile = await runCli(...args, '--out', out);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(toFile.stderr).toContain(`wrote ${out}\n`);
    const toStdout = await runCli(...args, '--quiet');
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
    expect(toStdout.stdout.startsWith('policy,replications,responseTime.mean,')).toBe(true);
  });
});

describe('names a user gives: task classes and agent groups called anything', () => {
  it('a class named ci95 or classes, a group named ci95: columns by the JSON path, values as in the JSON', async () => {
    const names = [
      '--set',
      'workload.classes.0.name=ci95',
      '--set',
      'workload.classes.1.name=classes',
      '--set',
      'agents.0.name=ci95',
    ];
    const { csv, json } = await both(
      'compare',
      'scenarios/priority.yaml',
      '--policies',
      'jsq',
      ...FAST,
      ...names,
    );
    const [header, row] = csv;
    const run = (json.runs as (JsonRun & { classes: unknown })[])[0]!;
    for (const column of [
      'utilizationByGroup.ci95',
      'classes.ci95.responseTime.mean',
      'classes.classes.waitTime.p99',
    ]) {
      const at = header!.indexOf(column);
      expect(at, column).toBeGreaterThan(0);
      const e = jsonValue(column.startsWith('classes.') ? { classes: run.classes } : run.metrics, column);
      expect(row!.slice(at, at + 3)).toEqual(estimateFields(e as MaybeEstimate, run.replications));
    }
  });
});

describe('sweep points that differ in agent groups and task classes', () => {
  it('a group only some points have goes beside the other groups, a class after the other classes', async () => {
    const { csv } = await both(
      'sweep',
      'scenarios/priority.yaml',
      '--policies',
      'jsq',
      '--vary',
      'workload.classes.1.name=low,mid',
      '--vary',
      'agents.0.name=solo,duo',
      ...FAST,
    );
    const header = csv[0]!;
    const at = (column: string) => header.indexOf(column);
    expect(at('utilizationByGroup.duo')).toBe(at('utilizationByGroup.solo') + 3);
    expect(at('numberInSystem')).toBe(at('utilizationByGroup.duo') + 3);
    const lowLast = Math.max(...header.map((c, i) => (c.startsWith('classes.low.') ? i : -1)));
    expect(at('classes.mid.responseTime.mean')).toBe(lowLast + 1);
    expect(header.at(-1)).toBe('error');
    // Each point fills only its own group's column.
    for (const row of csv.slice(1)) {
      const filled = ['solo', 'duo'].filter((g) => row[at(`utilizationByGroup.${g}`)] !== '');
      expect(filled).toEqual([row[header.indexOf('agents.0.name')]]);
    }
  });
});

describe('the same bytes with any number of workers', () => {
  it('compare and sweep CSV with --workers 1 and --workers 2', async () => {
    for (const args of [
      ['compare', SMALL, '--policies', 'jsq,random'],
      ['sweep', SMALL, '--policies', 'jsq,random', '--vary', 'workload.arrivals.rate=2,3'],
    ]) {
      const one = await runCli(...args, ...fast('--workers', '1'), '--format', 'csv', '--quiet');
      const two = await runCli(...args, ...fast('--workers', '2'), '--format', 'csv', '--quiet');
      expect(one.code, one.stderr).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(parseCsv(one.stdout).length).toBeGreaterThan(2);
    }
  });
});

describe('orchlab sweep --format csv', () => {
  it('a row per point and policy: the axes as the table writes them, then as compare', async () => {
    const { csv, json } = await both(
      'sweep',
      SMALL,
      '--policies',
      'jsq,random',
      '--vary',
      'workload.arrivals.rate=2:3:0.5',
      '--vary',
      'agents.0.count=4,5',
      ...FAST,
    );
    expect(csv[0]).toEqual([
      'workload.arrivals.rate',
      'agents.0.count',
      'policy',
      'replications',
      ...WITH_CI,
      'error',
    ]);
    const points = json.points as { values: Record<string, unknown>; runs: JsonRun[] }[];
    expect(csv.slice(1)).toEqual(
      points.flatMap((p) =>
        p.runs.map((run) => [
          String(p.values['workload.arrivals.rate']),
          String(p.values['agents.0.count']),
          ...expectedRow(run),
        ]),
      ),
    );
    expect(csv.slice(1).map((r) => r.slice(0, 3).join(' '))).toEqual([
      '2 4 jsq',
      '2 4 random',
      '2 5 jsq',
      '2 5 random',
      '2.5 4 jsq',
      '2.5 4 random',
      '2.5 5 jsq',
      '2.5 5 random',
      '3 4 jsq',
      '3 4 random',
      '3 5 jsq',
      '3 5 random',
    ]);
  });

  it('a mapping value is written as JSON, quoted; a failed policy gets a row per point with its error (exit 3)', async () => {
    const { code, csv } = await both(
      'sweep',
      SMALL,
      '--policies',
      `jsq,${THROWS_IN_CREATE}`,
      '--vary',
      'warmup={completed: 100},{time: 5}',
      ...['--replications', '2', '--set', 'stop.completed=1000', '--workers', '1'],
    );
    expect(code).toBe(3);
    expect(csv.map((r) => [r[0], r[1], r.at(-1)!.replace(/:.*/, '')])).toEqual([
      ['warmup', 'policy', 'error'],
      ['{"completed":100}', 'jsq', ''],
      ['{"completed":100}', 'throws-outside-route', 'seed 3, replications 0-1'],
      ['{"time":5}', 'jsq', ''],
      ['{"time":5}', 'throws-outside-route', 'seed 3, replications 0-1'],
    ]);
  });
});

describe('--format csv where there is no CSV view', () => {
  for (const args of [['policies'], ['trace', 'inspect', 'test/fixtures/traces/small.csv'], ['conformance']])
    it(`${args.join(' ')} refuses it with exit code 2`, async () => {
      const r = await runCli(...args, '--format', 'csv');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain("argument 'csv' is invalid. Allowed choices are table, json.");
    });

  it('run, compare and sweep offer it in --help', async () => {
    for (const command of ['run', 'compare', 'sweep']) {
      const r = await runCli(command, '--help');
      expect(r.stdout.replace(/\s+/g, ' ')).toContain('(choices: "table", "json", "csv", default: "table")');
    }
  });
});
