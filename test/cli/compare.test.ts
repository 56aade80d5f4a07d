import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';

interface E {
  value: number;
  ci95: [number, number];
}

describe('orchlab compare', () => {
  it('--format json prints orchlab.compare/1 with runs and paired differences against the best', async () => {
    const r = await runCli('compare', SMALL, '--policies', 'shared-queue,jsq,random', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('orchlab.compare/1');
    expect(out.scenario).toBe('small-mmc');
    expect(out.replications).toBe(3);
    expect(
      out.runs.map((run: { format: string; policy: { name: string } }) => [run.format, run.policy.name]),
    ).toEqual([
      ['orchlab.run/1', 'shared-queue'],
      ['orchlab.run/1', 'jsq'],
      ['orchlab.run/1', 'random'],
    ]);
    // Late binding beats early binding on equal agents, and random is worst.
    expect(out.best['responseTime.mean']).toBe('shared-queue');
    const vsRandom = out.paired.find(
      (p: { a: string; metric: string }) => p.a === 'random' && p.metric === 'responseTime.mean',
    );
    expect(vsRandom.b).toBe('shared-queue');
    const diff: E = vsRandom.diff;
    expect(diff.ci95[0]).toBeGreaterThan(0);
    expect(vsRandom.significant).toBe(true);
  });

  it('the table says its paired intervals hold together per metric, over every pair of policies', async () => {
    const r = await runCli('compare', SMALL, '--policies', 'jsq,round-robin,random');
    expect(r.stdout).toContain(
      'Paired differences against the best (same replications; per metric, intervals hold together at 95% over all 3 pairs):',
    );
    // One replication: no intervals (every cell '-'), so nothing is said to hold together.
    const one = await runCli('compare', SMALL, '--policies', 'jsq,round-robin,random', '--replications', '1');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Paired differences against the best (same replications):');
  });

  it('runs every policy on the same scenario and seeds, differing only in routing', async () => {
    const out = JSON.parse(
      (await runCli('compare', SMALL, '--policies', 'jsq,round-robin', '--format', 'json')).stdout,
    );
    const [a, b] = out.runs;
    expect({ ...a.scenarioSpec, routing: null }).toEqual({ ...b.scenarioSpec, routing: null });
    expect(a.replicationResults.map((r: { replication: number }) => r.replication)).toEqual([0, 1, 2]);
    expect(b.replicationResults.map((r: { replication: number }) => r.replication)).toEqual([0, 1, 2]);
  });

  it('accepts parameters as name:param=value and labels the run with them', async () => {
    const out = JSON.parse(
      (await runCli('compare', SMALL, '--policies', 'power-of-d,power-of-d:d=4', '--format', 'json')).stdout,
    );
    expect(out.policies).toEqual(['power-of-d', 'power-of-d(d=4)']);
    expect(out.runs[1].policy.params).toMatchObject({ d: 4 });
  });

  it('--policies all runs every registered policy', async () => {
    const out = JSON.parse(
      (await runCli('compare', SMALL, '--policies', 'all', '--format', 'json', '--replications', '2')).stdout,
    );
    expect(out.runs.length).toBeGreaterThanOrEqual(5);
    expect(out.failures).toEqual([]);
  });

  it('a user policy that throws is reported with its name and the task; the others still complete (exit 3)', async () => {
    const r = await runCli(
      'compare',
      SMALL,
      '--policies',
      'jsq,test/fixtures/policies/throws.ts',
      '--format',
      'json',
    );
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.runs.map((x: { policy: { name: string } }) => x.policy.name)).toEqual(['jsq']);
    expect(out.failures[0].policy).toBe('throws-on-ten');
    expect(out.failures[0].error).toContain("policy 'throws-on-ten' threw: Error: boom");
    expect(out.failures[0].error).toMatch(/task id \d+ \(arrival #\d+, class 'default'/);
  });

  it("a policy's error names the task by the id the policy saw, and by its arrival number", async () => {
    const r = await runCli('compare', SMALL, '--policies', 'jsq,test/fixtures/policies/throws-at-200.ts');
    expect(r.code).toBe(3);
    const m = /task id (\d+) \(arrival #199, class 'default'.*boom at id (\d+)/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    // Ids are rows reused once a task is done: by the 200th task they no longer follow arrivals.
    expect(Number(m![1])).toBeLessThan(199);
  });

  it('a user policy that picks an agent without the skill gets a clear error naming policy, task and skill', async () => {
    const r = await runCli(
      'compare',
      'test/fixtures/scenarios/two-skills.yaml',
      '--policies',
      'test/fixtures/policies/wrong-skill.ts',
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("policy 'wrong-skill' picked agent 3, which does not have skill 'a'");
    expect(r.stderr).toMatch(/task id \d+ \(arrival #\d+, class 'x'/);
  });

  it('a module that is not a policy is rejected with exit code 2', async () => {
    const r = await runCli('run', SMALL, '--policy', 'test/fixtures/policies/not-a-policy.js');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a routing policy');
  });

  it('an unknown policy in the list is rejected before anything runs', async () => {
    const r = await runCli('compare', SMALL, '--policies', 'jsq,nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown policy 'nope'");
  });

  it('with one replication shows no interval and no verdict in the table (the JSON keeps [v, v])', async () => {
    const table = await runCli(
      'compare',
      SMALL,
      '--policies',
      'jsq,random',
      '--replications',
      '1',
      '--quiet',
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('2 policies · 1 replication ·');
    expect(table.stdout).not.toContain('±');
    expect(table.stdout).toContain(
      'One replication: no confidence intervals (give --replications 2 or more)',
    );
    expect(table.stdout).toMatch(/random − jsq\s+responseTime\.mean\s+\S+\s+-\s+-/);
    const json = await runCli(
      'compare',
      SMALL,
      '--policies',
      'jsq',
      '--replications',
      '1',
      '--format',
      'json',
    );
    const mean = (
      JSON.parse(json.stdout) as {
        runs: { metrics: { responseTime: { mean: { value: number; ci95: number[] } } } }[];
      }
    ).runs[0]!.metrics.responseTime.mean;
    expect(mean.ci95).toEqual([mean.value, mean.value]);
  });

  it('shows the affinity hit rate column when tasks carry keys, and only then', async () => {
    const keyed = await runCli(
      'compare',
      'scenarios/sessions.yaml',
      '--policies',
      'consistent-hash,random',
      '--replications',
      '2',
      '--set',
      'stop.completed=6000',
      '--set',
      'warmup.completed=1000',
      '--workers',
      '1',
      '--quiet',
    );
    expect(keyed.code).toBe(0);
    expect(keyed.stdout).toContain('affinity hits');
    const plain = await runCli('compare', SMALL, '--policies', 'jsq', '--workers', '1', '--quiet');
    expect(plain.stdout).not.toContain('affinity hits');
  });
});
