// Golden output for a compare table with what tables say beyond the figures: warmup: auto's cut
// per policy, a policy that failed everywhere (counted in the header) and its FAILED lines with
// seed and replication. UPDATE_GOLDEN=1 rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const GOLDEN = 'test/golden/compare-two-skills.txt';

describe('golden output', () => {
  it('orchlab compare two-skills.yaml --policies jsq,random,wrong-skill.ts --set warmup=auto prints the committed table', async () => {
    const r = await runCli(
      'compare',
      'test/fixtures/scenarios/two-skills.yaml',
      '--policies',
      'jsq,random,test/fixtures/policies/wrong-skill.ts',
      '--set',
      'warmup=auto',
      '--quiet',
    );
    expect(r.code).toBe(3);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, r.stdout);
    expect(r.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
