// What the worker bundle holds: every module a worker thread evaluates before its first run is
// start-up time for each thread, so the scenario loader (the YAML parser, the schema, the checks)
// must stay out of it; a worker gets scenarios already validated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the worker bundle (dist/src/runner/worker.bundle.json, written by npm run build)', () => {
  it('holds the simulator and no scenario loading', () => {
    const { inputs } = JSON.parse(readFileSync('dist/src/runner/worker.bundle.json', 'utf8')) as {
      inputs: string[];
    };
    expect(inputs).toContain('dist/src/sim/simulate.js');
    for (const kept of [
      'node_modules/yaml',
      'dist/src/workload/load-scenario.js',
      'dist/src/workload/scenario-schema.js',
      'dist/src/workload/scenario-checks.js',
    ])
      expect(inputs, `${kept} reached the worker bundle`).not.toContain(kept);
  });
});
