import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('orchlab commands', () => {
  it('--version prints the package version', async () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    const r = await runCli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  for (const command of ['run', 'validate', 'conformance', 'policies']) {
    it(`${command} --help describes the command and exits 0`, async () => {
      const r = await runCli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: orchlab ${command}`);
    });
  }

  it('an unknown command exits 2', async () => {
    const r = await runCli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });

  it('a usage mistake gets its message and one hint line, not the whole help page (exit 2)', async () => {
    const r = await runCli('compare', 'scenarios/mmc.yaml', '--policies', 'jsq', '--worker', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: unknown option '--worker'\n(Did you mean --workers?)\n(run with --help for usage)\n",
    );
  });

  for (const command of ['compare', 'sweep']) {
    it(`${command} names a missing <scenario> before a missing --policies (exit 2)`, async () => {
      const bare = await runCli(command);
      expect(bare.stderr).toBe("error: missing required argument 'scenario'\n(run with --help for usage)\n");
      expect(bare.code).toBe(2);
      const noPolicies = await runCli(command, 'scenarios/mmc.yaml');
      expect(noPolicies.stderr).toBe(
        "error: required option '--policies <list>' not specified\n(run with --help for usage)\n",
      );
      expect(noPolicies.code).toBe(2);
    });
  }

  it('validate accepts the bundled scenarios', async () => {
    const r = await runCli('validate', 'scenarios/mmc.yaml', 'scenarios/priority.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scenarios/mmc.yaml: ok');
    // Counts in words: one agent, not "1 agents in 1 group(s)".
    expect(r.stdout).toContain(
      'scenarios/priority.yaml: ok (priority-2: 1 agent in 1 group, 2 classes, policy shared-queue)',
    );
  });

  it('validate rejects zero slots with exit code 2', async () => {
    const r = await runCli('validate', 'test/fixtures/scenarios/bad-slots.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('agents.0.slots');
  });

  it('validate checks every file, a bad one among them, and exits 2 after the last', async () => {
    const bad = 'test/fixtures/scenarios/bad-slots.yaml';
    const r = await runCli('validate', 'scenarios/mmc.yaml', bad, 'missing.yaml', 'scenarios/priority.yaml');
    expect(r.code).toBe(2);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split(':')[0]),
    ).toEqual(['scenarios/mmc.yaml', 'scenarios/priority.yaml']);
    expect(r.stderr).toBe(
      `orchlab: ${bad}:6: agents.0.slots: expected a whole number >= 1 and <= 1000000 (tasks served at once), got 0\n` +
        'orchlab: missing.yaml: cannot read scenario file (no such file)\n',
    );
  });

  it("validate names the file in a flag's problem, once for each file", async () => {
    const r = await runCli('validate', 'scenarios/mmc.yaml', 'scenarios/priority.yaml', '--policy', 'bogus');
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^orchlab: scenarios\/mmc\.yaml: routing\.policy: unknown policy 'bogus'/);
    expect(lines[1]).toMatch(/^orchlab: scenarios\/priority\.yaml: routing\.policy: unknown policy 'bogus'/);
  });

  it('policies refuses a --format it does not know (exit 2), as the other commands do', async () => {
    const r = await runCli('policies', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("argument 'xml' is invalid. Allowed choices are table, json.");
  });

  it('policies lists every registered policy with its parameters', async () => {
    const r = await runCli('policies');
    expect(r.code).toBe(0);
    for (const p of ['shared-queue', 'random', 'round-robin', 'jsq', 'power-of-d'])
      expect(r.stdout).toContain(p);
    expect(r.stdout).toContain('d=2');
  });
});
