// `--cache ""` would write hash-named files into the current directory: refused with exit 2
// before anything runs. Runs the built CLI (bin/orchlab.js over dist/; after editing src/,
// `npm run build`) in a scratch directory, so a regression shows as files left there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/orchlab.js');
const SMALL = resolve('test/fixtures/scenarios/small-mmc.yaml');

describe('--cache ""', () => {
  for (const args of [
    ['run', SMALL],
    ['compare', SMALL, '--policies', 'jsq'],
    ['sweep', SMALL, '--policies', 'jsq', '--vary', 'workload.arrivals.rate=2,3'],
  ])
    it(`\`orchlab ${args[0]} --cache ""\` exits 2 with one line and writes nothing`, () => {
      const cwd = mkdtempSync(join(tmpdir(), 'orchlab-cache-flag-'));
      for (const flag of [['--cache', ''], ['--cache=']]) {
        const r = spawnSync(
          process.execPath,
          [BIN, ...args, '--replications', '1', '--workers', '1', ...flag],
          {
            cwd,
            encoding: 'utf8',
          },
        );
        expect(r.stderr).toBe("orchlab: --cache: expected a directory, got ''\n");
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(readdirSync(cwd)).toEqual([]);
      }
    });
});
