import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandText, invocation, registerReport } from '../../src/cli/commands/report.js';
import { InputError } from '../../src/errors.js';
import { compareResult } from '../report/support/results.js';
import { runCli } from '../support/run-cli.js';

/** `orchlab report ...` through commander, on a program holding only the report command. */
async function report(...args: string[]): Promise<void> {
  const program = new Command('orchlab').exitOverride();
  registerReport(program);
  const err = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await program.parseAsync(['report', ...args], { from: 'user' });
  } finally {
    process.stderr.write = err;
  }
}

describe('orchlab report RESULT --out FILE [--svg DIR]', () => {
  it('writes the report, recording the command that made it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cli-report-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(await compareResult()));
    await report(join(dir, 'c.json'), '--out', join(dir, 'c.html'));
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toContain(
      `<code>orchlab report ${join(dir, 'c.json')} --out ${join(dir, 'c.html')}</code>`,
    );
  });

  it('a bad result file is an InputError naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cli-report-'));
    writeFileSync(join(dir, 'bad.json'), '{"format": "orchlab.run/7"}');
    await expect(report(join(dir, 'bad.json'), '--out', join(dir, 'x.html'))).rejects.toThrow(InputError);
    await expect(report(join(dir, 'bad.json'), '--out', join(dir, 'x.html'))).rejects.toThrow(
      `${join(dir, 'bad.json')}: format 'orchlab.run/7' is a version`,
    );
  });
});

describe('orchlab report: a missing <result> or --out', () => {
  it('with nothing given, names the missing <result> first (exit 2)', async () => {
    const r = await runCli('report');
    expect(r.stderr).toBe("error: missing required argument 'result'\n(run with --help for usage)\n");
    expect(r.code).toBe(2);
  });

  it('with a result and no --out, names --out (exit 2), and reads nothing', async () => {
    const r = await runCli('report', 'no-such-result.json');
    expect(r.stderr).toBe(
      "error: required option '--out <file>' not specified\n(run with --help for usage)\n",
    );
    expect(r.code).toBe(2);
    const bare = await runCli('report', '--quiet');
    expect(bare.stderr).toBe("error: missing required argument 'result'\n(run with --help for usage)\n");
  });
});

describe('orchlab report: every output checked before any is written', () => {
  /** A folder holding c.json, a saved compare result. */
  async function withResult(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-cli-report-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(await compareResult()));
    return dir;
  }

  it("--svg '' fails (exit 2) naming --svg, writing nothing: not the charts into the working directory", async () => {
    const dir = await withResult();
    const work = mkdtempSync(join(tmpdir(), 'orchlab-cli-report-cwd-'));
    // From an empty folder: '' resolves to it, where a regression would drop the charts.
    const cwd = process.cwd();
    process.chdir(work);
    try {
      const r = await runCli('report', join(dir, 'c.json'), '--out', join(dir, 'c.html'), '--svg', '');
      expect(r.stderr).toBe('orchlab: --svg: an output path is empty; expected a folder name\n');
      expect(r.code).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(work)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['c.json']);
  });

  it('an --out that cannot be written fails (exit 2) before any SVG is written', async () => {
    const dir = await withResult();
    const out = join(dir, 'c.json', 'x.html');
    const r = await runCli('report', join(dir, 'c.json'), '--out', out, '--svg', join(dir, 'svg'));
    expect(r.stderr).toBe(`orchlab: --out ${out}: ${join(dir, 'c.json')} is a file, not a directory\n`);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'svg'))).toBe(false);
  });

  it('a folder in the way of one chart’s SVG file is found before any file is written', async () => {
    const dir = await withResult();
    mkdirSync(join(dir, 'svg', 'timeline.svg'), { recursive: true });
    const r = await runCli(
      'report',
      join(dir, 'c.json'),
      '--out',
      join(dir, 'c.html'),
      '--svg',
      join(dir, 'svg'),
    );
    expect(r.stderr).toBe(`orchlab: --svg ${join(dir, 'svg', 'timeline.svg')}: is a directory\n`);
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, 'svg'))).toEqual(['timeline.svg']);
    expect(existsSync(join(dir, 'c.html'))).toBe(false);
  });

  it('--quiet leaves stderr empty, the wrote line included', async () => {
    const dir = await withResult();
    const args = ['report', join(dir, 'c.json'), '--out', join(dir, 'c.html'), '--svg', join(dir, 'svg')];
    const loud = await runCli(...args);
    expect(loud.stderr).toBe(`wrote ${join(dir, 'c.html')} and SVG charts in ${join(dir, 'svg')}\n`);
    const quiet = await runCli(...args, '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(readdirSync(join(dir, 'svg'))).toContain('timeline.svg');
  });
});

describe('commandText(args)', () => {
  it('quotes only the arguments that need it', () => {
    expect(commandText(['orchlab', 'report', 'a b.json', '--out', "it's.html"])).toBe(
      `orchlab report 'a b.json' --out 'it'\\''s.html'`,
    );
  });
});

describe('invocation(cmd)', () => {
  it('rebuilds the command line from the operands and the options the user gave', async () => {
    const program = new Command('orchlab').exitOverride();
    let seen = '';
    program
      .command('compare')
      .argument('<scenario>')
      .option('--policies <list>')
      .option('--set <kv>', 'repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('--quiet')
      .option('--format <f>', 'format', 'table')
      .action((_p: string, _f: unknown, cmd: Command) => {
        seen = invocation(cmd);
      });
    await program.parseAsync(
      ['compare', 's.yaml', '--set', 'a=1', '--policies', 'jsq,sed', '--set', 'b=2', '--quiet'],
      {
        from: 'user',
      },
    );
    // Options in the order the command defines them; defaults the user did not give are left out.
    expect(seen).toBe('orchlab compare s.yaml --policies jsq,sed --set a=1 --set b=2 --quiet');
  });
});
