// `orchlab sweep` input that must be refused before any run (exit 2, nothing written), and file
// paths on the command line: a trace given with --set or with --vary is relative to the working
// directory alike.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

const never = () => join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'never.json');

/** Runs a sweep of SMALL that should be refused; returns its stderr. */
async function refused(...args: string[]): Promise<string> {
  const out = never();
  // An option given twice is refused: FAST's --replications is left out when `args` has one.
  const i = FAST.indexOf('--replications');
  const fast = args.includes('--replications') ? [...FAST.slice(0, i), ...FAST.slice(i + 2)] : FAST;
  const r = await runCli('sweep', SMALL, '--policies', 'jsq', '--out', out, ...fast, ...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return r.stderr;
}

describe('orchlab sweep: refused before any run', () => {
  it('two spellings of one field, or one axis inside another', async () => {
    expect(await refused('--vary', 'agents.0.count=4,5', '--vary', 'agents.00.count=6,7')).toContain(
      "--vary agents.00.count=6,7: expected an item number without leading zeros, got '00' (write 0)",
    );
    expect(
      await refused('--vary', 'agents.0.skills.0=general,x', '--vary', 'agents.0.skills=[general]'),
    ).toContain('--vary agents.0.skills.0 and --vary agents.0.skills: one lies inside the other');
    // A --set spelled with leading zeros would slip past the check against the axes.
    expect(await refused('--vary', 'agents.0.count=4,5', '--set', 'agents.00.count=10')).toContain(
      "--set agents.00.count=10: expected an item number without leading zeros, got '00' (write 0)",
    );
  });

  it('a malformed range, worded as one', async () => {
    expect(await refused('--vary', 'workload.arrivals.rate=:')).toContain(
      'orchlab: --vary workload.arrivals.rate=:: a range is from:to:step (three numbers), got 2 parts, all empty\n',
    );
    expect(await refused('--vary', 'workload.arrivals.rate=8::1')).toContain(
      'orchlab: --vary workload.arrivals.rate=8::1: a range is from:to:step (three numbers); to is missing\n',
    );
  });

  it('more runs than a sweep may hold in memory', async () => {
    const stderr = await refused('--vary', 'workload.arrivals.rate=1:2:0.01', '--replications', '1000');
    expect(stderr).toContain(
      'orchlab: sweep: 101000 runs (101 points × 1 policy × 1000 replications) are more than the 20000 runs a sweep may hold in memory',
    );
  });

  it('an empty --out or --report path, named as such', async () => {
    for (const flag of ['--out', '--report']) {
      const r = await runCli('sweep', SMALL, '--policies', 'jsq', '--vary', 'agents.0.count=4', flag, '');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `option '${flag} <file>' argument '' is invalid. the path is empty; expected a file name.`,
      );
    }
  });
});

describe('orchlab sweep: trace paths on the command line', () => {
  const TRACE = 'traces/mooncake_conversation_trace.jsonl';
  const SHORT = [
    '--replications',
    '1',
    '--set',
    'stop.completed=30',
    '--set',
    'warmup.time=0.001',
    '--workers',
    '1',
  ];
  const files = (stdout: string): string[] =>
    JSON.parse(stdout).points.map(
      (p: { runs: { scenarioSpec: { workload: { trace: { file: string } } } }[] }) =>
        p.runs[0]!.scenarioSpec.workload.trace.file,
    );

  it('--set and --vary both resolve a trace path against the working directory', async () => {
    const args = ['sweep', 'scenarios/llm-fleet.yaml', '--policies', 'jsq', '--format', 'json', ...SHORT];
    const viaVary = await runCli(...args, '--vary', `workload.trace.file=${TRACE}`);
    expect(viaVary.stderr).not.toContain('orchlab:');
    expect(viaVary.code).toBe(0);
    expect(files(viaVary.stdout)).toEqual([TRACE]);
    const viaSet = await runCli(
      ...args,
      '--set',
      `workload.trace.file=${TRACE}`,
      '--vary',
      'agents.0.count=2',
    );
    expect(viaSet.code).toBe(0);
    expect(files(viaSet.stdout)).toEqual([TRACE]);
  });

  it('a --vary of arrivals on a trace replay says the scenario replays a trace', async () => {
    const r = await runCli(
      'sweep',
      'scenarios/llm-fleet.yaml',
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=1,2',
      ...SHORT,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--vary workload.arrivals.rate=1: the scenario replays a trace (workload.trace), so it has no workload.arrivals to change',
    );
  });
});
