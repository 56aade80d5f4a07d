import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';

interface E {
  value: number;
  ci95: [number, number];
}
const isEstimate = (e: E) =>
  typeof e.value === 'number' && e.ci95.length === 2 && e.ci95[0] <= e.value && e.value <= e.ci95[1];

describe('orchlab run', () => {
  it('--format json prints one orchlab.run/1 object with the contract fields', async () => {
    const r = await runCli('run', SMALL, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('orchlab.run/1');
    expect(out.scenario).toBe('small-mmc');
    expect(out.policy).toMatchObject({ name: 'shared-queue', params: {} });
    expect(out.seed).toBe(3);
    expect(out.replications).toBe(3);
    const m = out.metrics;
    for (const e of [
      m.responseTime.mean,
      m.responseTime.p50,
      m.responseTime.p95,
      m.responseTime.p99,
      m.waitTime.mean,
      m.waitTime.p99,
      m.throughput,
      m.utilization,
      m.numberInSystem,
      m.completed,
      m.rejected,
    ]) {
      expect(isEstimate(e)).toBe(true);
    }
    expect(isEstimate(out.classes.default.responseTime.mean)).toBe(true);
    expect(isEstimate(out.classes.default.responseTime.p99)).toBe(true);
    expect(isEstimate(out.classes.default.waitTime.mean)).toBe(true);
    expect(out.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same digest for the same inputs and a different one for another seed', async () => {
    const a = JSON.parse((await runCli('run', SMALL, '--format', 'json')).stdout);
    const b = JSON.parse((await runCli('run', SMALL, '--format', 'json')).stdout);
    const c = JSON.parse((await runCli('run', SMALL, '--format', 'json', '--seed', '4')).stdout);
    expect(b.digest).toBe(a.digest);
    expect(c.digest).not.toBe(a.digest);
    expect(c.seed).toBe(4);
  });

  it('--policy and --set routing.d choose the policy and its parameter', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--policy',
      'power-of-d',
      '--set',
      'routing.d=3',
      '--format',
      'json',
      '--replications',
      '2',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // The label names the parameter given, as compare's do, so runs with other values differ.
    expect(out.policy).toMatchObject({ name: 'power-of-d', params: { d: 3 }, label: 'power-of-d(d=3)' });
    expect(out.replications).toBe(2);
  });

  it("the table names a module policy's file: its name may be a built-in's", async () => {
    const r = await runCli('run', SMALL, '--policy', 'examples/policies/fastest-free.ts', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^small-mmc · policy \S+ from examples\/policies\/fastest-free\.ts · seed 3 · /,
    );
    const builtIn = await runCli('run', SMALL, '--policy', 'jsq', '--quiet');
    expect(builtIn.stdout.split('\n')[0]).toMatch(/^small-mmc · policy jsq · seed 3 · /);
  });

  it('--set agents.0.count changes the fleet', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--set',
      'agents.0.count=8',
      '--format',
      'json',
      '--replications',
      '2',
    );
    const out = JSON.parse(r.stdout);
    // Twice the agents at the same arrival rate: utilization halves to about 3/8.
    expect(out.metrics.utilization.value).toBeGreaterThan(0.3);
    expect(out.metrics.utilization.value).toBeLessThan(0.45);
  });

  it('--out writes the file whole and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-'));
    const file = join(dir, 'nested', 'run.json');
    const r = await runCli('run', SMALL, '--format', 'json', '--out', file, '--replications', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('orchlab.run/1');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['run.json']);
  });

  it('rejects an unknown policy with exit code 2 and lists the known ones', async () => {
    const r = await runCli('run', SMALL, '--policy', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown policy 'nope'");
    expect(r.stderr).toContain('shared-queue');
  });

  it('rejects a bad policy parameter with exit code 2, naming the field', async () => {
    const r = await runCli('run', SMALL, '--policy', 'power-of-d', '--set', 'routing.d=0');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "orchlab: routing.d: expected a whole number >= 1 and <= 64, got 0 (a parameter of policy 'power-of-d')\n",
    );
  });

  it("run and validate name the file and line of a bad parameter of the file's own policy", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'pd.yaml');
    const text = readFileSync(SMALL, 'utf8').replace(/policy: [\w-]+/, 'policy: power-of-d\n  d: 0');
    writeFileSync(file, text);
    const line = text.split('\n').indexOf('  d: 0') + 1;
    for (const command of ['run', 'validate']) {
      const r = await runCli(command, file);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `orchlab: ${file}:${line}: routing.d: expected a whole number >= 1 and <= 64, got 0 (a parameter of policy 'power-of-d')\n`,
      );
    }
  });

  it('finds a policy module named in a scenario beside the scenario, not in the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-'));
    writeFileSync(
      join(dir, 'first.mjs'),
      "export default { name: 'first', create: () => ({ name: 'first', route: (t) => t.eligible[0] }) };\n",
    );
    writeFileSync(
      join(dir, 's.yaml'),
      readFileSync(SMALL, 'utf8').replace(/policy: [\w-]+/, 'policy: ./first.mjs'),
    );
    const r = await runCli('run', join(dir, 's.yaml'), '--format', 'json', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).policy.name).toBe('first');
  });

  it('rejects a malformed scenario with exit code 2, the file, line and field, and no stack trace', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'never.json');
    const r = await runCli('run', 'test/fixtures/scenarios/bad-slots.yaml', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test/fixtures/scenarios/bad-slots.yaml:6');
    expect(r.stderr).toContain('agents.0.slots');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a missing file with exit code 2', async () => {
    const r = await runCli('run', 'no/such/scenario.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/scenario.yaml');
  });

  it('rejects a bad --replications value with exit code 2', async () => {
    const r = await runCli('run', SMALL, '--replications', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "orchlab: --replications: expected a whole number from 1 to 10000 or auto, got 'many'\n",
    );
  });

  it('refuses more than 10,000 replications (flag or file) before running out of memory', async () => {
    const flag = await runCli('run', SMALL, '--replications', '10001');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe(
      "orchlab: --replications: expected a whole number from 1 to 10000 or auto, got '10001'\n",
    );
    const set = await runCli('run', SMALL, '--set', 'replications=auto', '--set', 'maxReplications=10001');
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('maxReplications: expected a whole number >= 1 and <= 10000');
  });

  it("--replications auto is replications: auto (with the scenario's precision and cap)", async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--replications',
      'auto',
      '--set',
      'maxReplications=3',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { replications: number; precisionMet: boolean };
    expect(out.replications).toBeGreaterThanOrEqual(2);
    expect(out.replications).toBeLessThanOrEqual(3);
    expect(typeof out.precisionMet).toBe('boolean');
  });

  it('a run that stops before its warm-up ends is an input error, not empty figures', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--set',
      'warmup={time: 100000}',
      '--replications',
      '1',
      '--workers',
      '1',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('before the warm-up ended');
  });

  it('--quiet leaves stderr empty, the wrote line included', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'r.json');
    const quiet = await runCli('run', SMALL, '--replications', '2', '--out', out, '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(existsSync(out)).toBe(true);
    const loud = await runCli('run', SMALL, '--replications', '2', '--out', out);
    expect(loud.stderr).toMatch(new RegExp(`wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`));
  });

  it('--out naming a directory is an input error (exit 2), not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-'));
    const r = await runCli(
      'run',
      SMALL,
      '--format',
      'json',
      '--replications',
      '1',
      '--workers',
      '1',
      '--out',
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`orchlab: --out ${dir}: is a directory\n`);
  });

  it('refuses an output it could not write before running anything, naming the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const base = ['run', SMALL, '--replications', '1', '--workers', '1'];
    const under = await runCli(...base, '--out', join(file, 'x.json'));
    expect(under.code).toBe(2);
    expect(under.stderr).toBe(`orchlab: --out ${join(file, 'x.json')}: ${file} is a file, not a directory\n`);
    const cache = await runCli(...base, '--cache', file);
    expect(cache.code).toBe(2);
    expect(cache.stderr).toBe(`orchlab: --cache ${file}: is a file, not a directory\n`);
    // /proc takes no new files, even from root.
    const proc = await runCli(...base, '--out', '/proc/orchlab-test.json');
    expect(proc.code).toBe(2);
    expect(proc.stderr).toBe(
      'orchlab: --out /proc/orchlab-test.json: cannot create it in /proc\n',
    );
    // No summary line: no run started.
    for (const r of [under, cache, proc]) expect(r.stderr).not.toContain('events in');
  });
});
