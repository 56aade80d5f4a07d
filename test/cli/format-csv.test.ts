// The CSV writer (src/cli/format-csv.ts) on results taken from the CLI's JSON and then altered:
// quoting, the text of numbers, empty intervals over one replication, failed policies.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCsv, csvField, csvLine, runCsv, sweepCsv } from '../../src/cli/format-csv.js';
import type { CompareResult } from '../../src/runner/compare.js';
import type { RunResult } from '../../src/runner/run-result.js';
import type { SweepResult } from '../../src/runner/sweep.js';
import { parseCsv } from '../support/parse-csv.js';
import { FAST, fast, runCli, SMALL } from '../support/run-cli.js';

const text = (lines: Iterable<string>) => [...lines].join('');

async function resultOf<T>(...args: string[]): Promise<T> {
  const r = await runCli(...args, '--format', 'json', '--quiet');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** The record of `policy` as header → field. */
function rowOf(csv: string, policy: string): Record<string, string> {
  const [header, ...rows] = parseCsv(csv);
  const at = header!.indexOf('policy');
  const row = rows.find((r) => r[at] === policy);
  if (row === undefined) throw new Error(`no row for ${policy}`);
  return Object.fromEntries(header!.map((h, i) => [h, row[i]!]));
}

describe('csvField and csvLine', () => {
  it('quote a field with a comma, a quote, CR or LF, doubling its quotes; leave others bare', () => {
    expect(csvField('jsq')).toBe('jsq');
    expect(csvField('power-of-d(d=2)')).toBe('power-of-d(d=2)');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('write numbers as String(n), the shortest text that reads back the same; missing ones empty', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(1234567.25)).toBe('1234567.25');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField(180000)).toBe('180000');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvLine(['a,b', 0.1 + 0.2, null, 'x'])).toBe('"a,b",0.30000000000000004,,x\n');
  });
});

describe('compareCsv', () => {
  let two: CompareResult;
  let one: CompareResult;
  beforeAll(async () => {
    two = await resultOf<CompareResult>('compare', SMALL, '--policies', 'jsq,random', ...FAST);
    one = await resultOf<CompareResult>(
      'compare',
      SMALL,
      '--policies',
      'jsq,random',
      ...fast('--replications', '1'),
    );
  });

  it('a label and an error with commas, quotes and newlines read back whole; every row as wide as the header', () => {
    const label = 'my "policy", v2\nsecond line';
    const run = { ...two.runs[0]!, policy: { ...two.runs[0]!.policy, label } };
    const error = 'threw: Error: bad "input", at\nline 2';
    const c: CompareResult = {
      ...two,
      policies: [label, 'broken'],
      runs: [run],
      failures: [0, 1].map((replication) => ({
        policy: 'broken',
        scenario: 'small-mmc',
        seed: 3,
        replication,
        kind: 'policy' as const,
        error,
      })),
    };
    const csv = text(compareCsv(c));
    const records = parseCsv(csv);
    expect(records).toHaveLength(3);
    for (const r of records) expect(r).toHaveLength(records[0]!.length);
    expect(records[0]!.at(-1)).toBe('error');
    const good = rowOf(csv, label);
    expect(good.error).toBe('');
    expect(good['responseTime.mean']).toBe(String(run.metrics.responseTime.mean.value));
    const bad = rowOf(csv, 'broken');
    // Each error once, with where it happened.
    expect(bad.error).toBe(`seed 3, replications 0-1: ${error}`);
    expect(bad.replications).toBe('');
    expect(bad['responseTime.mean']).toBe('');
    expect(bad['responseTime.mean.ci95Low']).toBe('');
  });

  it('a policy that failed with many different errors: the first 10 named, the rest counted', () => {
    const c: CompareResult = {
      ...two,
      policies: ['broken'],
      runs: [],
      failures: Array.from({ length: 13 }, (_, replication) => ({
        policy: 'broken',
        scenario: 'small-mmc',
        seed: 3,
        replication,
        kind: 'policy' as const,
        error: `task at t=${replication}.5 s`,
      })),
    };
    const error = rowOf(text(compareCsv(c)), 'broken').error!;
    const parts = error.split('; ');
    expect(parts).toHaveLength(11);
    expect(parts[0]).toBe('seed 3, replication 0: task at t=0.5 s');
    expect(parts[9]).toBe('seed 3, replication 9: task at t=9.5 s');
    expect(parts[10]).toBe('and 3 other errors (replications 10-12)');
  });

  it('numbers as String(n): 0.1 + 0.2 and 1e-7 as written, never rounded', () => {
    const base = two.runs[0]!;
    const m = base.metrics;
    const odd = {
      ...base,
      metrics: {
        ...m,
        responseTime: { ...m.responseTime, mean: { value: 0.1 + 0.2, ci95: [1e-7, 12345.678901234567] } },
      },
    } as RunResult;
    const row = rowOf(text(compareCsv({ ...two, runs: [odd, two.runs[1]!] })), base.policy.label);
    expect(row['responseTime.mean']).toBe('0.30000000000000004');
    expect(row['responseTime.mean.ci95Low']).toBe('1e-7');
    expect(row['responseTime.mean.ci95High']).toBe('12345.678901234567');
  });

  it('two replications: each figure with its 95% CI; one: the CI columns empty (the JSON has [v, v])', () => {
    const withCi = rowOf(text(compareCsv(two)), 'jsq');
    const e = two.runs[0]!.metrics.responseTime.p99;
    expect(withCi.replications).toBe('2');
    expect([withCi['responseTime.p99.ci95Low'], withCi['responseTime.p99.ci95High']]).toEqual(
      e.ci95!.map(String),
    );
    const single = rowOf(text(compareCsv(one)), 'jsq');
    const v = one.runs[0]!.metrics.responseTime.p99;
    expect(v.ci95).toEqual([v.value, v.value]);
    expect(single.replications).toBe('1');
    expect(single['responseTime.p99']).toBe(String(v.value));
    expect(single['responseTime.p99.ci95Low']).toBe('');
    expect(single['responseTime.p99.ci95High']).toBe('');
  });
});

describe('sweepCsv', () => {
  it('a point that could not run: a row per policy with the axes, the error, no figures', async () => {
    const s = await resultOf<SweepResult>(
      'sweep',
      SMALL,
      '--policies',
      'jsq,random',
      '--vary',
      'workload.arrivals.rate=2,3',
      ...FAST,
    );
    const broken: SweepResult = {
      ...s,
      points: [s.points[0]!, { ...s.points[1]!, runs: [], best: {}, paired: [], error: 'bad, "point"' }],
    };
    const records = parseCsv(text(sweepCsv(broken)));
    expect(records.map((r) => r.slice(0, 3))).toEqual([
      ['workload.arrivals.rate', 'policy', 'replications'],
      ['2', 'jsq', '2'],
      ['2', 'random', '2'],
      ['3', 'jsq', ''],
      ['3', 'random', ''],
    ]);
    for (const r of records) expect(r).toHaveLength(records[0]!.length);
    expect(records.map((r) => r.at(-1))).toEqual(['error', '', '', 'bad, "point"', 'bad, "point"']);
    expect(records[3]!.slice(2, -1).every((f) => f === '')).toBe(true);
  });
});

describe('runCsv', () => {
  it('a row per replication with its own figures; per-class columns when there are classes to tell apart', async () => {
    const r = await resultOf<RunResult>(
      'run',
      'scenarios/priority.yaml',
      ...FAST,
      '--set',
      'warmup.completed=100',
    );
    const records = parseCsv(text(runCsv(r)));
    const [header, ...rows] = records;
    expect(header!.slice(0, 5)).toEqual([
      'policy',
      'replication',
      'events',
      'warmupEndSeconds',
      'endSeconds',
    ]);
    expect(rows).toHaveLength(r.replications);
    const col = (name: string) => header!.indexOf(name);
    expect(col('classes.high.responseTime.mean')).toBeGreaterThan(0);
    expect(col('classes.low.waitTime.p99')).toBeGreaterThan(0);
    rows.forEach((row, i) => {
      const x = r.replicationResults[i]!;
      expect(row).toHaveLength(header!.length);
      expect(row[col('replication')]).toBe(String(i));
      expect(row[col('endSeconds')]).toBe(String(x.endSeconds));
      expect(row[col('classes.low.responseTime.mean')]).toBe(
        String(x.metrics.classes.low!.responseTime.mean),
      );
      // NaN without affinity keys: JSON writes null, the CSV an empty field.
      expect(row[col('affinityHitRate')]).toBe('');
    });
  });
});
