// `orchlab trace inspect`: its --out is checked before the trace is read, and --quiet silences
// stderr. inspectTrace is spied on to see whether the trace was read.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectTrace } from '../../src/workload/trace/index.js';
import { runCli } from '../support/run-cli.js';

vi.mock('../../src/workload/trace/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/workload/trace/index.js')>();
  return { ...actual, inspectTrace: vi.fn(actual.inspectTrace) };
});

const TRACE = ['trace', 'inspect', 'test/fixtures/traces/small.csv', '--time', 'when', '--size', 'work'];
const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-trace-inspect-'));
beforeEach(() => {
  vi.mocked(inspectTrace).mockClear();
});

describe('orchlab trace inspect', () => {
  it('an --out that cannot be written fails at once, before the trace is read (exit 2)', async () => {
    const file = join(scratch(), 'f');
    writeFileSync(file, 'x');
    const r = await runCli(...TRACE, '--out', join(file, 'x.json'));
    expect(r.stderr).toBe(`orchlab: --out ${join(file, 'x.json')}: ${file} is a file, not a directory\n`);
    expect(r.code).toBe(2);
    expect(inspectTrace).not.toHaveBeenCalled();
  });

  it('a trace spanning more than 366 days gets one line and exit 2, from trace inspect and from a fit', async () => {
    const dir = scratch();
    // Epoch seconds after a 0: 54 years. It overflowed the stack (table) or aborted Node (1e12).
    writeFileSync(join(dir, 'epoch.csv'), 'time,size\n0,1\n1700000000,1\n');
    writeFileSync(
      join(dir, 'fit.yaml'),
      [
        'name: fit-epoch',
        'stop: { time: 100 }',
        'agents: [{ name: w, count: 1, skills: [g] }]',
        'workload:',
        '  arrivals: { process: fit, trace: { file: epoch.csv } }',
        '  classes: [{ name: c, skill: g, size: { dist: constant, value: 1 } }]',
      ].join('\n'),
    );
    const line =
      /^orchlab: \S*epoch\.csv:3: 'time' is 1700000000 s after the first row \(line 2\): expected a trace spanning at most 366 days .*set timeUnit.*\n$/;
    const inspect = await runCli('trace', 'inspect', join(dir, 'epoch.csv'));
    const validate = await runCli('validate', join(dir, 'fit.yaml'));
    for (const r of [inspect, validate]) {
      expect(r.stderr).toMatch(line);
      expect(r.code).toBe(2);
    }
  });

  it('--quiet leaves stderr empty, the wrote line included', async () => {
    const out = join(scratch(), 't.json');
    const loud = await runCli(...TRACE, '--format', 'json', '--out', out);
    expect(loud.stderr).toBe(`wrote ${out}\n`);
    const quiet = await runCli(...TRACE, '--format', 'json', '--out', out, '--quiet');
    expect(quiet.stderr).toBe('');
    // The spy sees the calls, so `not.toHaveBeenCalled()` above means what it says.
    expect(inspectTrace).toHaveBeenCalledTimes(2);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).rows).toBeGreaterThan(0);
  });
});
