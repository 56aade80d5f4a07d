// The README's commands stay true: every `npx orchlab` line names a real command, files that
// exist and policies that are registered, and every bundled scenario validates.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { runCli } from '../support/run-cli.js';

const readme = readFileSync('README.md', 'utf8');
const lines = readme
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.startsWith('npx orchlab ') || l.startsWith('npm ci && npx orchlab '))
  .map((l) => l.replace(/^npm ci && /, '').replace(/\s+#.*$/, ''));

describe('README commands', () => {
  it('the README shows orchlab commands', () => {
    expect(lines.length).toBeGreaterThan(15);
  });

  const commands = new Set(buildProgram().commands.map((c) => c.name()));
  for (const line of lines) {
    it(`${line.slice(0, 90)} uses real commands, files and policies`, () => {
      const words = line.split(/\s+/);
      expect(commands.has(words[2]!)).toBe(true);
      for (const w of words) {
        if (/^(scenarios|traces|examples)\/[^*]+$/.test(w)) expect(existsSync(w)).toBe(true);
      }
      const i = words.indexOf('--policies');
      if (i >= 0) {
        for (const entry of words[i + 1]!.split(',')) {
          const name = entry.split(':')[0]!;
          if (name !== 'all' && !name.includes('/')) expect(routingPolicyNames).toContain(name);
        }
      }
    });
  }

  it('every bundled scenario validates', async () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const r = await runCli('validate', ...files.map((f) => `scenarios/${f}`));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
