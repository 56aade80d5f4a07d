// A policy module that calls process.exit() in the main thread (--workers 1), run from the sources
// in a child process since what is tested is how the process ends: during a run, that run
// crashes (as a worker thread that dies would) and the others go on; outside any run, one line
// says so. Exit code 1 either way, never the policy's own code and never silence.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';
const ORCHLAB = ['--import', 'tsx', 'src/cli/bin.ts'];
const EXITS = 'test/fixtures/policies/exits.ts';
const FAST = ['--replications', '2', '--set', 'stop.completed=1000', '--set', 'warmup.completed=100'];

const orchlab = (...args: string[]) =>
  spawnSync(process.execPath, [...ORCHLAB, ...args], { encoding: 'utf8' });

describe('a policy that calls process.exit() in the main thread', () => {
  it('run: its runs crash, named with their replications; exit 1', () => {
    const r = orchlab('run', SMALL, '--policy', EXITS, ...FAST, '--workers', '1', '--quiet');
    expect(r.stderr).toBe(
      [
        `orchlab: scenario 'small-mmc', policy ${EXITS}, seed 3: 2 of 2 replications failed:`,
        `  replications 0-1: policy ${EXITS} called process.exit(7) during the run`,
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });

  it('compare: the other policies complete and are written; exit 1', () => {
    const r = orchlab('compare', SMALL, '--policies', `jsq,${EXITS}`, ...FAST, '--workers', '1', '--quiet');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^jsq /m);
    // The failures are listed with the table (format-compare.ts words the line).
    expect(r.stdout).toContain(`policy ${EXITS} called process.exit(7) during the run`);
    expect(r.stderr).toBe('');
  });

  it('gives the same results as a worker thread that the call ends (--workers 2)', () => {
    const args = ['compare', SMALL, '--policies', `jsq,${EXITS}`, ...FAST, '--format', 'json', '--quiet'];
    const one = orchlab(...args, '--workers', '1');
    const two = orchlab(...args, '--workers', '2');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).failures[0].error).toBe(
      `policy ${EXITS} called process.exit(7) during the run`,
    );
  });

  it("checks the code as a worker thread's process.exit does, so the bytes match there too", () => {
    // A bad code throws Node's own error in route() (a policy error); no code means exitCode.
    const entries = [`${EXITS}:code=abc`, `${EXITS}:code=2.7`, `${EXITS}:code=none:exitCode=5`];
    const args = [
      'compare',
      SMALL,
      '--policies',
      ['jsq', ...entries].join(','),
      ...FAST,
      '--format',
      'json',
      '--quiet',
    ];
    const one = orchlab(...args, '--workers', '1');
    const two = orchlab(...args, '--workers', '2');
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
    const errors = (JSON.parse(one.stdout) as { failures: { policy: string; error: string }[] }).failures.map(
      (f) => f.error,
    );
    expect(errors.some((e) => e.includes('ERR_INVALID_ARG_TYPE'))).toBe(true);
    expect(errors.some((e) => e.includes('ERR_OUT_OF_RANGE'))).toBe(true);
    expect(errors).toContain(`policy ${EXITS} called process.exit(5) during the run`);
  });

  it('after the command is over (a late timer): the command keeps its own exit code and output', () => {
    const r = orchlab(
      'run',
      SMALL,
      '--policy',
      EXITS,
      '--set',
      'routing.where=late',
      ...FAST,
      '--workers',
      '1',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^response time mean/m);
    expect(r.stderr).not.toContain('process.exit');
  });

  it('outside any run (from a timer): one line saying so, exit 1', () => {
    const r = orchlab(
      'run',
      SMALL,
      '--policy',
      EXITS,
      '--set',
      'routing.where=timer',
      ...FAST,
      '--workers',
      '1',
    );
    expect(r.stderr).toBe(
      'orchlab: process.exit(7) was called before the command finished (by a policy module?); exit code 1\n',
    );
    expect(r.status).toBe(1);
  });
});
