// docs/policies.md's worked example is real: the page shows the file verbatim, the policy passes
// the conformance kit, and it runs under `orchlab compare` like a built-in one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRoutingPolicy } from '../../src/policies/routing/kit.js';
import { loadUserPolicy } from '../../src/runner/user-policy.js';
import { runCli } from '../support/run-cli.js';

const EXAMPLE = 'examples/policies/fastest-free.ts';

describe('docs/policies.md', () => {
  it('shows examples/policies/fastest-free.ts exactly as it is', () => {
    const doc = readFileSync('docs/policies.md', 'utf8');
    expect(doc).toContain(readFileSync(EXAMPLE, 'utf8'));
  });

  it('checkRoutingPolicy(the example) finds no problem', async () => {
    expect(checkRoutingPolicy(await loadUserPolicy(EXAMPLE))).toEqual([]);
  });

  it('the example runs under orchlab compare beside a built-in policy', async () => {
    const r = await runCli('compare', 'test/fixtures/scenarios/small-mmc.yaml', '--policies', `jsq,${EXAMPLE}`, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.policies).toEqual(['jsq', 'fastest-free']);
    expect(out.runs[1].metrics.completed.value).toBe(4500);
  });
});
