// Golden output: the table for a bundled-style scenario is committed and diffed, so any change
// in what users see (or in the numbers) shows up in review. UPDATE_GOLDEN=1 rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const GOLDEN = 'test/golden/small-mmc.txt';

describe('golden output', () => {
  it('orchlab run test/fixtures/scenarios/small-mmc.yaml prints the committed table', async () => {
    const r = await runCli('run', 'test/fixtures/scenarios/small-mmc.yaml');
    expect(r.code).toBe(0);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, r.stdout);
    expect(r.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
