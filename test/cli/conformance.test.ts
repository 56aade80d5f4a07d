// `orchlab conformance`: its --out is checked before the cases run, and --quiet silences stderr.
// runConformance is spied on (and, where the verdicts do not matter, stubbed) to see whether
// the cases ran.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runConformance } from '../../src/runner/conformance.js';
import { runCli } from '../support/run-cli.js';

vi.mock('../../src/runner/conformance.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/runner/conformance.js')>();
  return { ...actual, runConformance: vi.fn(actual.runConformance) };
});

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-conformance-'));
beforeEach(() => {
  vi.mocked(runConformance).mockClear();
});

describe('orchlab conformance', () => {
  it('an --out that cannot be written fails at once, before any case runs (exit 2)', async () => {
    const file = join(scratch(), 'f');
    writeFileSync(file, 'x');
    const r = await runCli('conformance', '--quick', '--out', join(file, 'x.json'));
    expect(r.stderr).toBe(`orchlab: --out ${join(file, 'x.json')}: ${file} is a file, not a directory\n`);
    expect(r.code).toBe(2);
    expect(runConformance).not.toHaveBeenCalled();
  });

  it('--quiet leaves stderr empty, the wrote line included', async () => {
    const out = join(scratch(), 'c.json');
    vi.mocked(runConformance).mockReturnValueOnce([]).mockReturnValueOnce([]);
    const loud = await runCli('conformance', '--quick', '--format', 'json', '--out', out);
    expect(loud.stderr).toBe(`wrote ${out}\n`);
    const quiet = await runCli('conformance', '--quick', '--format', 'json', '--out', out, '--quiet');
    expect(quiet.stderr).toBe('');
    // The spy sees the calls, so `not.toHaveBeenCalled()` above means what it says.
    expect(runConformance).toHaveBeenCalledTimes(2);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('orchlab.conformance/1');
  });
});
