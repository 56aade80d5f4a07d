// Commands whose runs failed: every failed run is named (policy, sweep point, replication), and
// the exit code says what failed, the same way for run, compare and sweep: 3 a policy, 1 a crash
// (a worker thread that died), 2 only when every run failed on its input.
import { describe, expect, it } from 'vitest';
import { FAST, fast, runCli, SMALL } from '../support/run-cli.js';

const THROWS_IN_CREATE = 'test/fixtures/policies/throws-outside-route.ts';
const EXITS = 'test/fixtures/policies/exits.ts';
const EVERY_OTHER = 'test/fixtures/policies/fails-every-other-run.ts';
/** FAST without its --workers 1. */
const SHORT = FAST.slice(0, FAST.indexOf('--workers'));

describe('sweep where every run fails', () => {
  it('a policy that throws: exit 3, each failure named with its point and replications', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      THROWS_IN_CREATE,
      '--vary',
      'workload.arrivals.rate=1,2',
      ...FAST,
      '--quiet',
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'orchlab: no policy completed at any point (4 runs failed):',
        "  throws-outside-route (4 runs at 2 points): policy 'throws-outside-route' threw in create(): Error: boom in create",
        '    workload.arrivals.rate=1 (replications 0-1)',
        '    workload.arrivals.rate=2 (replications 0-1)',
        '',
      ].join('\n'),
    );
  });

  it('a policy whose worker thread dies: exit 1, one message naming point and replication, no stack', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      EXITS,
      '--vary',
      'workload.arrivals.rate=1,2',
      ...SHORT,
      '--workers',
      '2',
      '--quiet',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^orchlab: no policy completed at any point \(4 runs failed\):\n {2}exits \(4 runs at 2 points\): policy \S+ called process\.exit\(7\) during the run\n {4}workload\.arrivals\.rate=1 \(replications 0-1\)\n {4}workload\.arrivals\.rate=2 \(replications 0-1\)\n$/,
    );
  });
});

describe('compare where every run fails', () => {
  it('a worker thread that dies: exit 1 and one message, as sweep, not an internal error', async () => {
    const r = await runCli('compare', SMALL, '--policies', EXITS, ...SHORT, '--workers', '2', '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^orchlab: every policy failed \(2 runs failed\):\n {2}exits \(replications 0-1\): policy \S+ called process\.exit\(7\) during the run\n$/,
    );
  });

  it('a policy that throws: exit 3, its replications named', async () => {
    const r = await runCli('compare', SMALL, '--policies', `jsq,${THROWS_IN_CREATE}`, ...FAST, '--quiet');
    // jsq completed: the table is written and the failure listed in it.
    expect(r.code).toBe(3);
    const all = await runCli('compare', SMALL, '--policies', THROWS_IN_CREATE, ...FAST, '--quiet');
    expect(all.code).toBe(3);
    expect(all.stderr).toBe(
      "orchlab: every policy failed (2 runs failed):\n  throws-outside-route (replications 0-1): policy 'throws-outside-route' threw in create(): Error: boom in create\n",
    );
  });
});

describe('run where some replications fail', () => {
  it('names every failed replication, nothing is written, exit 3', async () => {
    const r = await runCli('run', SMALL, '--policy', EVERY_OTHER, ...fast('--replications', '5'), '--quiet');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(
      `orchlab: scenario 'small-mmc', policy ${EVERY_OTHER}, seed 3: 3 of 5 replications failed:`,
    );
    expect(lines.slice(1, 4).map((l) => l.replace(/:.*/, ''))).toEqual([
      '  replication 0',
      '  replication 2',
      '  replication 4',
    ]);
    for (const l of lines.slice(1, 4))
      expect(l).toContain("policy 'fails-every-other-run' threw: Error: boom on an even run");
    expect(lines.slice(4)).toEqual(['']);
  });
});
