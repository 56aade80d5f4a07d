import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';

describe('--workers, --cache', () => {
  it('run and compare print the same bytes with --workers 1 and --workers 2', async () => {
    const run1 = await runCli('run', SMALL, '--format', 'json', '--workers', '1');
    const run2 = await runCli('run', SMALL, '--format', 'json', '--workers', '2');
    expect(run1.code).toBe(0);
    expect(run2.stdout).toBe(run1.stdout);
    const args = ['compare', SMALL, '--policies', 'jsq,random,round-robin', '--format', 'json'];
    const cmp1 = await runCli(...args, '--workers', '1');
    const cmp2 = await runCli(...args, '--workers', '2');
    expect(cmp1.code).toBe(0);
    expect(cmp2.stdout).toBe(cmp1.stdout);
    expect(JSON.parse(cmp2.stdout).runs.map((r: { digest: string }) => r.digest)).toEqual(
      JSON.parse(cmp1.stdout).runs.map((r: { digest: string }) => r.digest),
    );
  });

  it('a user policy that fails inside a worker is reported with scenario, policy, seed and replication (exit 3)', async () => {
    const r = await runCli(
      'compare',
      SMALL,
      '--policies',
      'jsq,test/fixtures/policies/throws.ts',
      '--format',
      'json',
      '--workers',
      '2',
    );
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.runs.map((x: { policy: { name: string } }) => x.policy.name)).toEqual(['jsq']);
    expect(out.failures[0]).toMatchObject({
      policy: 'throws-on-ten',
      scenario: 'small-mmc',
      seed: 3,
      kind: 'policy',
    });
    expect(out.failures[0].error).toContain('Error: boom');
  });

  it('run reports a failing policy with where it failed', async () => {
    const r = await runCli('run', SMALL, '--policy', 'test/fixtures/policies/throws.ts', '--workers', '1');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /scenario 'small-mmc', policy test\/fixtures\/policies\/throws\.ts, seed 3, replication 0: .*boom/,
    );
  });

  it('--cache reads runs back on a second invocation: same bytes, cache hits in the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cache-'));
    const args = [
      'compare',
      SMALL,
      '--policies',
      'jsq,random',
      '--format',
      'json',
      '--cache',
      dir,
      '--workers',
      '1',
    ];
    const a = await runCli(...args);
    expect(a.code).toBe(0);
    expect(a.stderr).toMatch(/^6 runs · /m);
    expect(readdirSync(dir)).toHaveLength(6);
    const b = await runCli(...args);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toMatch(/^6 runs \(6 from cache\) · 0 events in /m);
  });

  it('--run-timeout lists a run still going after it as failed (exit 3), the others complete', async () => {
    const loops = 'test/runner/fixtures/loops-policy.ts';
    const args = ['compare', SMALL, '--policies', `jsq,${loops}`, '--format', 'json', '--workers', '2'];
    // Far above a healthy run's time (tens of ms), so a loaded machine cannot fail jsq's runs.
    const r = await runCli(...args, '--run-timeout', '1.5', '--set', 'replications=2');
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.runs.map((x: { policy: { name: string } }) => x.policy.name)).toEqual(['jsq']);
    expect(out.failures.map((f: { kind: string; replication: number }) => [f.kind, f.replication])).toEqual([
      ['timeout', 0],
      ['timeout', 1],
    ]);
    expect(out.failures[0].error).toBe('still running after 1.5 s; stopped');
    const one = await runCli(
      'run',
      SMALL,
      '--policy',
      loops,
      '--run-timeout',
      '0.3',
      '--set',
      'replications=1',
    );
    expect(one.code).toBe(3);
    expect(one.stderr).toContain(
      `scenario 'small-mmc', policy ${loops}, seed 3, replication 0: still running after 0.3 s; stopped`,
    );
    expect(one.stderr).not.toContain('internal error');
    for (const bad of ['0', '-1', 'abc', '1e3', '100000']) {
      const b = await runCli('run', SMALL, '--run-timeout', bad);
      expect(b.code).toBe(2);
      expect(b.stderr).toContain(
        `--run-timeout: expected seconds as a plain decimal number like 30 or 0.5 (no exponent or sign), above 0 and at most 86400 (a day), got '${bad}'`,
      );
    }
  });

  it('rejects a bad --workers value with exit code 2', async () => {
    const r = await runCli('run', SMALL, '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers');
  });
});

describe('a user policy that breaks its contract, in-process and on workers', () => {
  // A bad answer from route() or release(), or a throw String() cannot print: the policy's
  // failure (exit 3, not the "a bug; please report it" of exit 1), the same bytes on any thread.
  const BAD = 'test/fixtures/policies/bad-answers.ts';
  for (const [answer, error] of [
    [
      'string',
      /^task id \d+ \(arrival #\d+, .*\): policy 'bad-answers' picked "0" \(a string\), which is not an agent index \(0\.\.3\), HOLD or REJECT$/,
    ],
    ['bigint', /policy 'bad-answers' picked 0n \(a bigint\), which is not an agent index/],
    [
      'release-twice',
      /^policy 'bad-answers': release\(agent [0-3]\) returned \d+, which is neither the id of a task the policy holds/,
    ],
    [
      'throw-null-proto',
      /policy 'bad-answers' threw: an object that cannot be turned into text \(\[object Object\]\)$/,
    ],
  ] as const) {
    it(`answer=${answer}: exit 3 and the same JSON with --workers 1 and 2`, async () => {
      const args = ['compare', SMALL, '--policies', `jsq,${BAD}:answer=${answer}`, '--format', 'json'];
      const one = await runCli(...args, '--workers', '1', '--set', 'workload.arrivals.rate=7');
      const two = await runCli(...args, '--workers', '2', '--set', 'workload.arrivals.rate=7');
      expect(one.code, one.stderr).toBe(3);
      expect(two.code, two.stderr).toBe(3);
      expect(two.stdout).toBe(one.stdout);
      const out = JSON.parse(one.stdout);
      expect(out.runs.map((x: { policy: { name: string } }) => x.policy.name)).toEqual(['jsq']);
      expect(out.failures).toHaveLength(3);
      for (const f of out.failures) {
        expect(f.kind).toBe('policy');
        expect(f.error).toMatch(error);
      }
      expect(two.stderr).not.toContain('please report');
    });
  }

  it('run prints the failure in words on stderr and exits 3', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--policy',
      `${BAD}:answer=release-unknown`,
      '--workers',
      '2',
      '--set',
      'workload.arrivals.rate=7',
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /replication 0: policy 'bad-answers': release\(agent [0-3]\) returned 12345, which is neither the id of a task the policy holds \(route\(\) answered HOLD for it, release\(\) has not returned it yet\) nor -1 \(none\)\n/,
    );
    expect(r.stderr).not.toContain('please report');
  });
});
