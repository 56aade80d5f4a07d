import { describe, expect, it } from 'vitest';
import { briefPaths, figurePaths } from '../../src/metrics/figure-paths.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { metricPaths } from '../../src/report/metrics.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { loadScenarioFile } from '../../src/workload/load-scenario.js';

describe('figurePaths(groups)', () => {
  // Scenarios with one and several agent groups.
  it.each(['mmc', 'hetero', 'skills', 'priority', 'llm-fleet'])(
    'lists exactly the figures a run of scenarios/%s.yaml reports, in its order',
    async (name) => {
      const s = loadScenarioFile(`scenarios/${name}.yaml`, {
        knownPolicies: routingPolicyNames,
        overrides: ['replications=2', 'stop={completed: 3000}', 'warmup={completed: 300}'],
      });
      const c = await runComparison(s, [s.routing.policy], executeInProcess);
      expect(c.failures).toEqual([]);
      const groups = s.agents.map((g) => g.name);
      expect(figurePaths(groups)).toEqual(metricPaths(c.runs[0]!));
    },
  );
});

describe('briefPaths(paths)', () => {
  it('gathers siblings in braces and keeps the order', () => {
    expect(briefPaths(['a.x', 'a.y', 'b', 'c.d.e', 'a.z'])).toBe('a.{x,y,z}, b, c.d.e');
  });
});
