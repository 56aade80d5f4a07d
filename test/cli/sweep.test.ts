import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

describe('orchlab sweep', () => {
  it('--format json prints orchlab.sweep/1: a comparison at every point of the cross product', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq,random',
      '--vary',
      'workload.arrivals.rate=2:3:0.5',
      '--vary',
      'agents.0.count=4,5',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('orchlab.sweep/1');
    expect(out.scenario).toBe('small-mmc');
    expect(out.policies).toEqual(['jsq', 'random']);
    expect(out.axes).toEqual([
      { path: 'workload.arrivals.rate', values: [2, 2.5, 3] },
      { path: 'agents.0.count', values: [4, 5] },
    ]);
    expect(out.points.map((p: { values: object }) => p.values)).toEqual([
      { 'workload.arrivals.rate': 2, 'agents.0.count': 4 },
      { 'workload.arrivals.rate': 2, 'agents.0.count': 5 },
      { 'workload.arrivals.rate': 2.5, 'agents.0.count': 4 },
      { 'workload.arrivals.rate': 2.5, 'agents.0.count': 5 },
      { 'workload.arrivals.rate': 3, 'agents.0.count': 4 },
      { 'workload.arrivals.rate': 3, 'agents.0.count': 5 },
    ]);
    const last = out.points[5];
    expect(
      last.runs.map((run: { format: string; policy: { name: string } }) => [run.format, run.policy.name]),
    ).toEqual([
      ['orchlab.run/1', 'jsq'],
      ['orchlab.run/1', 'random'],
    ]);
    expect(last.runs[0].scenarioSpec.workload.arrivals.rate).toBe(3);
    expect(last.runs[0].scenarioSpec.agents[0].count).toBe(5);
    expect(last.best['responseTime.mean']).toBe('jsq');
    expect(last.paired.length).toBeGreaterThan(0);
    // Same seeds at every point: each point's replications are 0 and 1 under the base seed.
    for (const p of out.points) for (const run of p.runs) expect(run.seed).toBe(3);
  });

  it('prints a table with one row per point and p99 and mean per policy, best starred', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq,random',
      '--vary',
      'workload.arrivals.rate=2,3',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('2 policies × 2 points · 2 replications');
    expect(lines[2]).toMatch(
      /workload\.arrivals\.rate\s+jsq p99 \(s\)\s+jsq mean \(s\)\s+random p99 \(s\)\s+random mean \(s\)/,
    );
    expect(lines[4]).toMatch(/^2\s+\S+ ±\S+\*/);
    expect(lines[5]).toMatch(/^3\s/);
  });

  it('prints each swept value as given, so close points never read the same', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=2.00001,2.00002',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[4]).toMatch(/^2\.00001\s/);
    expect(lines[5]).toMatch(/^2\.00002\s/);
  });

  it('sweeps a file that only its axes make valid; with no point valid, the error of the file itself (exit 2)', async () => {
    // small-mmc warms up for 500 tasks: a stop at 400 is valid only with the swept warm-ups.
    const args = ['sweep', SMALL, '--policies', 'jsq', '--set', 'stop.completed=400', '--replications', '2'];
    const r = await runCli(
      ...args,
      '--vary',
      'warmup.completed=100,200',
      '--format',
      'json',
      '--workers',
      '1',
    );
    expect(r.code, r.stderr).toBe(0);
    const points = (JSON.parse(r.stdout) as { points: { values: object; failures: unknown[] }[] }).points;
    expect(points.map((p) => [p.values, p.failures])).toEqual([
      [{ 'warmup.completed': 100 }, []],
      [{ 'warmup.completed': 200 }, []],
    ]);
    const none = await runCli(...args, '--vary', 'warmup.completed=600,700', '--workers', '1');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('never past the warm-up of 500');
  });

  it('a value that makes a point invalid fails that point, naming the --vary; the others complete (exit 3)', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'agents.0.count=4,0',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.points[0].runs).toHaveLength(1);
    expect(out.points[1].runs).toHaveLength(0);
    expect(out.points[1].error).toContain('--vary agents.0.count=0: agents.0.count');
    expect(out.points[1].failures[0]).toMatchObject({
      policy: 'jsq',
      scenario: 'small-mmc',
      seed: 3,
      replication: null,
      kind: 'input',
    });
  });

  it('rejects malformed axes, a path that does not exist and all-invalid grids with exit code 2, writing nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'never.json');
    const bad = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=3:2:1',
      '--out',
      out,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--vary workload.arrivals.rate=3:2:1: expected from <= to');
    const missing = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'agents.3.count=1,2',
      '--out',
      out,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      '--vary agents.3.count=1: agents has 1 item (index 0); there is no item 3',
    );
    // A range with a word for a part is worded as a range, not refused at every point as text.
    const word = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=8:9:abc',
      '--out',
      out,
    );
    expect(word.code).toBe(2);
    expect(word.stderr).toContain(
      "--vary workload.arrivals.rate=8:9:abc: step must be a number in decimal notation like 0.5 or 1e-3, got 'abc'",
    );
    expect(word.stderr).not.toContain('every sweep point is invalid');
    const none = await runCli('sweep', SMALL, '--policies', 'jsq', '--out', out);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--vary: give at least one');
    expect(existsSync(out)).toBe(false);
  });

  it('--vary routing.PARAM sets the parameter of every policy at the point', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'power-of-d',
      '--vary',
      'routing.d=1,4',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(
      out.points.map((p: { runs: { policy: { params: { d: number } } }[] }) => p.runs[0]!.policy.params.d),
    ).toEqual([1, 4]);
    const bad = await runCli('sweep', SMALL, '--policies', 'jsq', '--vary', 'routing.d=2', ...FAST);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--vary routing.d=2: routing.d: unknown key 'd'");
  });

  it('refuses --vary routing.PARAM when a --policies entry fixes PARAM, before any run (exit 2)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'never.json');
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'power-of-d:d=3',
      '--vary',
      'routing.d=1,2',
      '--format',
      'json',
      '--out',
      out,
      ...FAST,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--vary routing.d: power-of-d:d=3 in --policies fixes d; vary it or fix it in --policies, not both',
    );
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    // An entry that sets another parameter leaves d to the axis, and its label says only what it fixes.
    const ok = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'power-of-d,power-of-d:mode=weighted',
      '--vary',
      'routing.d=1,2',
      '--format',
      'json',
      ...FAST,
    );
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.stdout);
    expect(result.policies).toEqual(['power-of-d', 'power-of-d(mode=weighted)']);
    expect(
      result.points.map((p: { runs: { policy: { params: { d: number; mode: string } } }[] }) =>
        p.runs.map((run) => `${run.policy.params.mode} d=${run.policy.params.d}`),
      ),
    ).toEqual([
      ['load d=1', 'weighted d=1'],
      ['load d=2', 'weighted d=2'],
    ]);
  });

  it('--out writes the sweep atomically', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'results', 'sweep.json');
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=2',
      '--format',
      'json',
      '--out',
      file,
      ...FAST,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).points).toHaveLength(1);
  });
});
