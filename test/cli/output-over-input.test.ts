// An --out or --report that names a file the command reads (its scenario, a policy module, the
// trace a scenario replays, the result of `report`, the trace of `trace inspect`) is refused
// before any work, exit 2, however it is spelled: written, it would replace the input.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs } from '../../src/cli/output.js';
import { compareResult } from '../report/support/results.js';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'orchlab-over-input-'));

/** A copy of the small scenario in a fresh folder. */
function scenarioCopy(): { dir: string; scenario: string } {
  const dir = scratch();
  const scenario = join(dir, 'S.yaml');
  copyFileSync(SMALL, scenario);
  return { dir, scenario };
}

/** The one line a refusal prints: the flag, the path as given, what it would replace. */
function refused(flag: string, out: string, what: string, input: string): string {
  const spelled = input === out ? '' : ` (${input})`;
  return `orchlab: ${flag} ${out}: would replace ${what}${spelled}, which this command reads; give another file\n`;
}

/** Runs the command and checks it was refused with exit 2 and `file` left byte for byte as it was. */
async function expectRefused(file: string, expected: string, ...args: string[]): Promise<void> {
  const before = readFileSync(file);
  const r = await runCli(...args);
  expect(r.stderr).toBe(expected);
  expect(r.code).toBe(2);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('run --out naming its own input', () => {
  it('refuses the scenario file, spelled as given, relative, through ./ or through a symlink', async () => {
    const { dir, scenario } = scenarioCopy();
    symlinkSync('S.yaml', join(dir, 'link.yaml'));
    const rel = relative(process.cwd(), scenario);
    for (const [input, out] of [
      [scenario, scenario],
      [scenario, rel],
      [rel, `./${rel}`],
      [scenario, join(dir, 'link.yaml')],
    ] as const) {
      await expectRefused(
        scenario,
        refused('--out', out, 'the scenario', input),
        ...['run', input, ...FAST, '--out', out],
      );
    }
  });

  it('refuses the --policy module it would load', async () => {
    const { dir, scenario } = scenarioCopy();
    const policy = join(dir, 'mine.ts');
    copyFileSync('examples/policies/fastest-free.ts', policy);
    await expectRefused(
      policy,
      refused('--out', policy, 'the policy module', policy),
      ...['run', scenario, ...FAST, '--policy', policy, '--out', policy],
    );
  });

  it('refuses the trace the scenario replays', async () => {
    const { dir } = scenarioCopy();
    const trace = join(dir, 'small.csv');
    copyFileSync('test/fixtures/traces/small.csv', trace);
    const scenario = join(dir, 'replay.yaml');
    writeFileSync(
      scenario,
      readFileSync(SMALL, 'utf8').replace(
        /arrivals: .*/,
        'trace: { file: small.csv, timeUnit: iso, columns: { time: when, size: work } }',
      ),
    );
    // The scenario's path to its trace is relative to the scenario; the command names it from here.
    const named = relative(process.cwd(), trace);
    await expectRefused(
      trace,
      refused('--out', trace, "the scenario's trace", named),
      ...['run', scenario, '--replications', '1', '--workers', '1', '--out', trace],
    );
  });

  it('refuses a trace the arrivals or a size are fitted to (the fitted scenario no longer names it)', async () => {
    const { dir } = scenarioCopy();
    const trace = join(dir, 'small.csv');
    copyFileSync('test/fixtures/traces/small.csv', trace);
    const spec = '{ file: small.csv, timeUnit: iso, columns: { time: when, size: work } }';
    const named = relative(process.cwd(), trace);
    const small = readFileSync(SMALL, 'utf8');
    for (const [name, text] of [
      ['arrivals.yaml', small.replace(/arrivals: .*/, `arrivals: { process: fit, trace: ${spec} }`)],
      ['sizes.yaml', small.replace(/size: .*/, `size: { dist: fit, trace: ${spec}, column: work }`)],
    ] as const) {
      const scenario = join(dir, name);
      writeFileSync(scenario, text);
      await expectRefused(
        trace,
        refused('--out', trace, "the scenario's trace", named),
        ...['run', scenario, ...FAST, '--out', trace],
      );
    }
  });

  it('still writes an --out beside the scenario', async () => {
    const { dir, scenario } = scenarioCopy();
    const r = await runCli('run', scenario, ...FAST, '--quiet', '--out', join(dir, 'S.txt'));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'S.txt'))).toBe(true);
  });
});

describe('compare and sweep: --out and --report naming the scenario', () => {
  it('compare refuses both flags, before any run', async () => {
    const { dir, scenario } = scenarioCopy();
    symlinkSync('S.yaml', join(dir, 'link.yaml'));
    const compare = ['compare', scenario, '--policies', 'jsq,random', ...FAST];
    await expectRefused(
      scenario,
      refused('--out', join(dir, 'link.yaml'), 'the scenario', scenario),
      ...[...compare, '--out', join(dir, 'link.yaml')],
    );
    await expectRefused(
      scenario,
      refused('--report', scenario, 'the scenario', scenario),
      ...[...compare, '--out', join(dir, 'c.json'), '--report', scenario],
    );
    expect(existsSync(join(dir, 'c.json'))).toBe(false);
  });

  it('sweep refuses both flags, before any run', async () => {
    const { dir, scenario } = scenarioCopy();
    const sweep = ['sweep', scenario, '--policies', 'jsq,random', '--vary', 'seed=1,2', ...FAST];
    const dotted = join(dir, 'sub', '..', 'S.yaml');
    await expectRefused(
      scenario,
      refused('--out', dotted, 'the scenario', scenario),
      ...[...sweep, '--out', dotted],
    );
    await expectRefused(
      scenario,
      refused('--report', scenario, 'the scenario', scenario),
      ...[...sweep, '--report', scenario],
    );
  });
});

describe('sweep: --out naming a trace of --vary', () => {
  it('refuses a trace file a ...trace.file axis gives', async () => {
    const { dir } = scenarioCopy();
    const [a, b] = ['a.csv', 'b.csv'].map((f) => join(dir, f)) as [string, string];
    for (const t of [a, b]) copyFileSync('test/fixtures/traces/small.csv', t);
    const scenario = join(dir, 'replay.yaml');
    writeFileSync(
      scenario,
      readFileSync(SMALL, 'utf8').replace(
        /arrivals: .*/,
        'trace: { file: a.csv, timeUnit: iso, columns: { time: when, size: work } }',
      ),
    );
    const sweep = ['sweep', scenario, '--policies', 'jsq,random', '--replications', '1', '--workers', '1'];
    await expectRefused(
      b,
      refused('--out', b, 'a trace of --vary', b),
      ...[...sweep, '--vary', `workload.trace.file=${a},${b}`, '--out', b],
    );
  });
});

describe('report and trace inspect: --out naming their input', () => {
  it('report refuses its result file', async () => {
    const dir = scratch();
    const result = join(dir, 'c.json');
    writeFileSync(result, JSON.stringify(await compareResult()));
    symlinkSync('c.json', join(dir, 'link.json'));
    await expectRefused(
      result,
      refused('--out', result, 'the result file', result),
      ...['report', result, '--out', result],
    );
    await expectRefused(
      result,
      refused('--out', result, 'the result file', join(dir, 'link.json')),
      ...['report', join(dir, 'link.json'), '--out', result],
    );
  });

  it('trace inspect refuses its trace', async () => {
    const dir = scratch();
    const trace = join(dir, 'small.csv');
    copyFileSync('test/fixtures/traces/small.csv', trace);
    await expectRefused(
      trace,
      refused('--out', trace, 'the trace', trace),
      ...['trace', 'inspect', trace, '--time', 'when', '--size', 'work', '--out', trace],
    );
  });
});

describe('checkOutputs(flags, inputs)', () => {
  it('passes an input that is not there: reading it fails with its own message', () => {
    const out = join(scratch(), 'missing.json');
    expect(() => checkOutputs({ out }, [{ what: 'the result file', path: out }])).not.toThrow();
  });
});

describe('report --svg naming its input or its --out', () => {
  /** A compare result in a fresh folder, and a folder D for the charts. */
  async function setup(): Promise<{ dir: string; result: string; svg: string }> {
    const dir = scratch();
    const result = join(dir, 'c.json');
    writeFileSync(result, JSON.stringify(await compareResult()));
    const svg = join(dir, 'D');
    mkdirSync(svg);
    return { dir, result, svg };
  }

  it('refuses a chart file that is the result file, also through a symlinked folder', async () => {
    const { dir, result, svg } = await setup();
    const input = join(svg, 'timeline.svg');
    copyFileSync(result, input);
    symlinkSync('D', join(dir, 'E'));
    const viaLink = join(dir, 'E', 'timeline.svg');
    for (const named of [input, viaLink]) {
      const spelled = named === input ? '' : ` (${named})`;
      await expectRefused(
        input,
        `orchlab: --svg ${svg}: ${input} would replace the result file${spelled}, which this command reads; give another folder\n`,
        ...['report', named, '--out', join(dir, 'r.html'), '--svg', svg],
      );
    }
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('refuses --out naming one of the chart files, however spelled, and writes nothing', async () => {
    const { dir, result, svg } = await setup();
    for (const out of [join(svg, 'quantiles.svg'), join(dir, 'D', '..', 'D', '.', 'quantiles.svg')]) {
      const r = await runCli('report', result, '--out', out, '--svg', `${svg}/.`);
      expect(r.stderr).toBe(
        `orchlab: --svg ${svg}/. and --out ${out} name the same file: ${join(svg, 'quantiles.svg')}; give another file or folder\n`,
      );
      expect(r.code).toBe(2);
      expect(readdirSync(svg)).toEqual([]);
    }
  });
});
