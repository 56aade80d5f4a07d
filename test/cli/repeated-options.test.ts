// An option that takes one value, given twice, is refused on every command (exit 2): commander
// kept the last one silently (`compare --policies jsq --policies random` compared only random).
// The repeatable ones (--set, --vary) still collect every value.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { FAST, runCli, SMALL } from '../support/run-cli.js';

/** Every command as the words that name it (`trace inspect`), with the command itself. */
function commandsOf(command: Command, words: readonly string[] = []): [string[], Command][] {
  return command.commands.flatMap((sub) => {
    const path = [...words, sub.name()];
    return [[path, sub] as [string[], Command], ...commandsOf(sub, path)];
  });
}

describe('an option of one value given twice', () => {
  it('is refused on every command, naming the option and both values (exit 2)', async () => {
    let checked = 0;
    for (const [words, command] of commandsOf(buildProgram())) {
      for (const option of command.options) {
        if (!(option.required || option.optional) || option.long === undefined) continue;
        if (/repeatable/.test(option.description)) continue;
        // Valid values where there are choices, so the refusal is for the repeat alone.
        const [a, b] = option.argChoices ?? ['1', '2'];
        const r = await runCli(...words, SMALL, option.long, a ?? '1', `${option.long}=${b ?? a ?? '2'}`);
        expect(r.stderr, `${words.join(' ')} ${option.long}`).toBe(
          `orchlab: ${option.long} given twice: ${a}, ${b ?? a}; give it once\n`,
        );
        expect(r.code).toBe(2);
        checked++;
      }
    }
    // run, compare, sweep, report, validate, conformance, policies and trace inspect all have some.
    expect(checked).toBeGreaterThan(30);
  });

  it('compare --policies jsq --policies random is refused before any run', async () => {
    const r = await runCli('compare', SMALL, '--policies', 'jsq', '--policies', 'random', ...FAST);
    expect(r.stderr).toBe('orchlab: --policies given twice: jsq, random; give it once\n');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('is not seen after -- (an operand, not an option)', async () => {
    const r = await runCli('validate', SMALL, '--policy', 'jsq', '--', '--policy');
    expect(r.stderr).not.toContain('given twice');
    expect(r.stderr).toContain('--policy: cannot read scenario file');
    expect(r.code).toBe(2);
  });
});

describe('repeatable options and flags', () => {
  it('--set given twice applies both', async () => {
    const r = await runCli(
      'run',
      SMALL,
      '--set',
      'agents.0.count=5',
      '--set=workload.arrivals.rate=2',
      '--format',
      'json',
      ...FAST,
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.scenarioSpec.agents[0].count).toBe(5);
    expect(result.scenarioSpec.workload.arrivals.rate).toBe(2);
  });

  it('--vary given twice makes two axes; --quiet twice is taken', async () => {
    const r = await runCli(
      'sweep',
      SMALL,
      '--policies',
      'jsq',
      '--vary',
      'workload.arrivals.rate=2,3',
      '--vary=agents.0.count=4,5',
      '--format',
      'json',
      '--quiet',
      '--quiet',
      ...FAST,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).points).toHaveLength(4);
  });
});
