// A replay with skipBadRows: the rows it left out (malformed, or of a class the scenario lacks)
// are counted per replication (skippedRows, with the first reasons) and the tables say so in one
// line. Without skipBadRows a row of an unknown class fails the run, naming file and line; a
// replay with no bad row keeps its bytes (no field added).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCompare } from '../../src/cli/format-compare.js';
import { formatRun } from '../../src/cli/format-run.js';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { parseScenario } from '../../src/workload/load-scenario.js';
import { reportModel } from '../../src/report/report-model.js';
import { parseResult } from '../../src/report/load-result.js';

// Line 3 has no size; line 5 a class the scenario lacks.
const TRACE = 'time,size,kind\n0,1,a\n1,,a\n2,1,b\n3,1,zzz\n4,1,a\n';

function replay(trace: string, extra = '') {
  const dir = mkdtempSync(join(tmpdir(), 'orchlab-skipped-'));
  writeFileSync(join(dir, 't.csv'), trace);
  return parseScenario(
    `name: skipped
seed: 1
replications: 2
stop: { time: 100 }
agents:
  - { name: pool, count: 2, skills: [x] }
workload:
  trace: { file: t.csv, columns: { class: kind }${extra} }
  classes:
    - { name: a, skill: x }
    - { name: b, skill: x }
routing: { policy: jsq }
`,
    join(dir, 'S.yaml'),
    { knownPolicies: routingPolicyNames },
  );
}

describe('rows a replay skips', () => {
  it('are counted per replication, with the first reasons, and named in one table line', () => {
    const r = runScenario(replay(TRACE, ', skipBadRows: true'));
    expect(r.metrics.completed.value).toBe(3);
    for (const x of r.replicationResults) {
      expect(x.skippedRows?.rows).toBe(2);
      expect(x.skippedRows?.reasons.map((m) => m.replace(/^.*t\.csv/, 't.csv'))).toEqual([
        expect.stringMatching(/^t\.csv:3: /),
        "t.csv:5: class 'zzz' is not a class of the scenario (classes: a, b)",
      ]);
    }
    expect(formatRun(r)).toMatch(
      /\nSKIPPED ROWS: skipBadRows left out 2 bad rows of the trace in each replication \(first: .*t\.csv:3: /,
    );
  });

  it('keeps the reasons in file order, a class the scenario lacks before a malformed row', () => {
    const trace = 'time,size,kind\n0,1,zzz\n1,1,a\n2,,a\n3,1,a\n';
    const [first] = runScenario(replay(trace, ', skipBadRows: true')).replicationResults;
    expect(first!.skippedRows?.reasons.map((m) => /t\.csv:(\d+):/.exec(m)![1])).toEqual(['2', '4']);
  });

  it('are counted under bootstrap resampling too, and said once in a comparison', async () => {
    const s = replay(TRACE, ', skipBadRows: true, resample: bootstrap, blockSeconds: 1');
    expect(runScenario(s).replicationResults.map((x) => x.skippedRows?.rows)).toEqual([2, 2]);
    const c = await runComparison(replay(TRACE, ', skipBadRows: true'), ['jsq', 'random'], executeInProcess);
    expect(formatCompare(c).match(/SKIPPED ROWS/g)).toHaveLength(1);
    // The report reads it back from the JSON and says the same line.
    const model = reportModel(parseResult(JSON.stringify(c), 'c.json'), 'c.json');
    expect(model.runNotes.filter((n) => n.startsWith('SKIPPED ROWS'))).toHaveLength(1);
  });

  it('without skipBadRows, a class the scenario lacks fails the run at its line', () => {
    expect(() => runScenario(replay(TRACE.replace('1,,a', '1,1,a')))).toThrow(
      /t\.csv:5: class 'zzz' is not a class of the scenario \(classes: a, b\)/,
    );
  });

  it('a replay with no bad row adds nothing', () => {
    const r = runScenario(replay('time,size,kind\n0,1,a\n1,1,b\n', ', skipBadRows: true'));
    expect(r.replicationResults.every((x) => !('skippedRows' in x))).toBe(true);
    expect(formatRun(r)).not.toContain('SKIPPED ROWS');
  });
});
