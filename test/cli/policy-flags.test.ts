// What compare and sweep take as policy input (--policies entries, not --set routing.*), and the
// messages for --seed and --run-timeout.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { positiveSeconds, wholeNumber } from '../../src/cli/scenario-input.js';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

/** run's power-of-d with d = 3 given by --set, as JSON: what `--policy power-of-d:d=3` must equal. */
const RUN_POD_D3 = [
  'run',
  SMALL,
  '--policy',
  'power-of-d',
  '--set',
  'routing.d=3',
  '--format',
  'json',
  ...FAST,
];

/** The small fixture with `policy: power-of-d` and `d: 5` in the file. */
function pod5File(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'orchlab-')), 'pod5.yaml');
  const text = readFileSync(SMALL, 'utf8').replace('policy: shared-queue', 'policy: power-of-d\n  d: 5');
  expect(text).toContain('  d: 5');
  writeFileSync(file, text);
  return file;
}

describe("run's --policy with parameters, written as a --policies entry", () => {
  it('--policy power-of-d:d=3 runs as --policy power-of-d --set routing.d=3, byte for byte', async () => {
    const entry = await runCli('run', SMALL, '--policy', 'power-of-d:d=3', '--format', 'json', ...FAST);
    const sets = await runCli(...RUN_POD_D3);
    expect(entry.code).toBe(0);
    expect(JSON.parse(entry.stdout).policy.params.d).toBe(3);
    expect(entry.stdout).toBe(sets.stdout);
  });

  it('a malformed pair is refused naming --policy (exit 2)', async () => {
    const r = await runCli('run', SMALL, '--policy', 'power-of-d:d', ...FAST);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("orchlab: --policy: 'd' in 'power-of-d:d' is not param=value\n");
  });
});

describe("run's --policy and --set routing.policy together", () => {
  it('are refused when they name different policies, naming both (exit 2, nothing run)', async () => {
    for (const [policy, set, names] of [
      ['jsq', 'routing.policy=random', 'jsq, random'],
      ['power-of-d:d=3', 'routing={policy: random}', 'power-of-d, random'],
    ] as const) {
      const r = await runCli('run', SMALL, '--policy', policy, '--set', set, ...FAST);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `orchlab: --policy ${policy} and --set ${set} name different policies (${names}); give one of them\n`,
      );
    }
    const validate = await runCli('validate', SMALL, '--policy', 'jsq', '--set', 'routing.policy=random');
    expect(validate.code).toBe(2);
  });

  it('are taken when they name the same policy', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--policy',
      'jsq',
      '--set',
      'routing.policy=jsq',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).policy.name).toBe('jsq');
  });
});

describe('--set routing.* with compare and sweep', () => {
  it('compare refuses it, pointing at the --policies entry, before any run (exit 2)', async () => {
    for (const [set, own] of [
      ['routing.d=3', 'NAME:d=3, '],
      ['routing.dd=3', 'NAME:dd=3, '],
    ] as const) {
      const r = await runCli('compare', SMALL, '--policies', 'power-of-d,jsq', '--set', set, ...FAST);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `orchlab: --set ${set}: compare and sweep take policy parameters in the --policies entry, ` +
          `not from --set routing.*; give ${own}e.g. --policies power-of-d:d=3 ` +
          `(a sweep can vary one for every policy: --vary ${set.split('=')[0]}=…)\n`,
      );
    }
    // Also when the file names the same policy (the --set used to reach only that entry).
    const same = await runCli(
      'compare',
      pod5File(),
      '--policies',
      'power-of-d,jsq',
      '--set',
      'routing.d=3',
      ...FAST,
    );
    expect(same.code).toBe(2);
    const policy = await runCli(
      'compare',
      SMALL,
      '--policies',
      'jsq',
      '--set',
      'routing.policy=random',
      ...FAST,
    );
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain(
      '--set routing.policy=random: compare and sweep run the policies listed in --policies',
    );
  });

  it('sweep refuses it too; run still takes it', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'power-of-d',
      '--set',
      'routing.d=3',
      '--vary',
      'workload.arrivals.rate=2,3',
      ...FAST,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--set routing.d=3: compare and sweep take policy parameters in the --policies entry',
    );
    const run = await runCli(...RUN_POD_D3);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).policy.params.d).toBe(3);
  });

  it('the entry carries the parameter instead, and other --set paths still apply', async () => {
    const r = await runCli(
      'compare',
      SMALL,
      '--policies',
      'power-of-d:d=3,jsq',
      '--set',
      'agents.0.count=5',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.runs[0].policy.params.d).toBe(3);
    expect(out.runs[0].scenarioSpec.agents[0].count).toBe(5);
  });
});

describe('--policies entries', () => {
  it('a parameter given twice in one entry is refused (exit 2)', async () => {
    const r = await runCli('compare', SMALL, '--policies', 'power-of-d:d=3:d=4,jsq', ...FAST);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "orchlab: --policies: parameter 'd' is given twice in 'power-of-d:d=3:d=4'; give each parameter once\n",
    );
    const bad = await runCli('compare', SMALL, '--policies', 'power-of-d:d=[1', ...FAST);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--policies: 'd=[1' in 'power-of-d:d=[1': the value is not valid YAML");
  });

  it("compare labels an entry with the file's parameters it runs with", async () => {
    const r = await runCli(
      'compare',
      pod5File(),
      '--policies',
      'power-of-d,power-of-d:d=2',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.policies).toEqual(['power-of-d(d=5)', 'power-of-d(d=2)']);
    expect(out.runs.map((x: { policy: { params: { d: number } } }) => x.policy.params.d)).toEqual([5, 2]);
    const table = await runCli(
      'compare',
      pod5File(),
      '--policies',
      'power-of-d,power-of-d:d=2',
      '--quiet',
      ...FAST,
    );
    expect(table.stdout).toMatch(/\npower-of-d\(d=5\) /);
  });
});

describe('number flags say what they take', () => {
  it('--seed names its upper bound', async () => {
    const r = await runCli('run', SMALL, '--seed', '99999999999999999999');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "orchlab: --seed: expected a whole number from 0 to 9007199254740991, got '99999999999999999999'\n",
    );
    expect(() => wholeNumber('--seed', '-1', 0)).toThrow('from 0 to 9007199254740991');
    expect(wholeNumber('--seed', '9007199254740991', 0)).toBe(9007199254740991);
  });

  it('--run-timeout says it takes plain decimals', async () => {
    for (const bad of ['1e-9', '-1', '0', '.5', '100000'])
      expect(() => positiveSeconds('--run-timeout', bad)).toThrow(
        '--run-timeout: expected seconds as a plain decimal number like 30 or 0.5 (no exponent or sign), ' +
          `above 0 and at most 86400 (a day), got '${bad}'`,
      );
    expect(positiveSeconds('--run-timeout', '0.5')).toBe(0.5);
    const r = await runCli('compare', SMALL, '--policies', 'jsq', '--run-timeout', '1e-9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plain decimal number like 30 or 0.5');
  });
});
