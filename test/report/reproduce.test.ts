import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundles } from '../../src/report/bundles.js';
import { esc, renderReportHtml } from '../../src/report/html.js';
import { reportModel } from '../../src/report/report-model.js';
import { policyEntry, reproduceCommand, reproduceNote } from '../../src/report/reproduce.js';
import { reportPage } from '../../src/report/write-report.js';
import { runComparison } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { preloadPolicies } from '../../src/runner/resolve-policy.js';
import { compareResult, smallScenario, sweepOf, sweepResult } from './support/results.js';

describe('policyEntry(label)', () => {
  it('turns a comparison label back into a --policies entry', () => {
    expect(policyEntry('jsq')).toBe('jsq');
    expect(policyEntry('power-of-d(d=3,mode=weighted)')).toBe('power-of-d:d=3:mode=weighted');
    expect(policyEntry('jsq#3')).toBe('jsq');
  });
});

describe('reproduceCommand(model)', () => {
  it('re-runs a comparison from the scenario file the report prints', async () => {
    expect(reproduceCommand(reportModel(await compareResult(), 'r.json'))).toBe(
      'orchlab compare report-small.yaml --policies sed,jsq,least-cost,random --format json --out report-small.json',
    );
  });

  it('quotes what a shell would split or strip: pasted, the shell gives back the same arguments', async () => {
    const sweep = await sweepOf(
      ['warmup={time: 10},auto'],
      ['jsq', 'random'],
      ['replications=2', 'stop.completed=600'],
    );
    const command = reproduceCommand(reportModel(sweep, 's.json'));
    expect(command).toContain(`--vary 'warmup={"time":10},auto'`);
    const args = execFileSync('sh', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' })
      .trimEnd()
      .split('\n');
    expect(args[args.indexOf('--vary') + 1]).toBe('warmup={"time":10},auto');
  });

  it('re-runs a sweep with one --vary per axis', async () => {
    expect(reproduceCommand(reportModel(await sweepResult(), 's.json'))).toBe(
      'orchlab sweep report-small.yaml --policies sed,jsq,least-cost --vary workload.arrivals.rate=4:8:2 --format json --out report-small.json',
    );
  });
});

describe('reproduceCommand(model) with policy modules', () => {
  const MARKS = 'test/fixtures/policies/marks-thread.ts';
  const EVERY_OTHER = 'test/fixtures/policies/fails-every-other-run.ts';
  beforeAll(() => preloadPolicies([MARKS, EVERY_OTHER]));

  it('gives a module that ran by its recorded path, and names one whose runs failed with a note', async () => {
    const c = await runComparison(smallScenario(), ['jsq', EVERY_OTHER, MARKS], executeInProcess);
    expect(c.runs.map((r) => r.policy.label)).toEqual(['jsq', 'marks-thread']);
    expect(c.failures.map((f) => f.replication)).toEqual([0, 2]);
    const model = reportModel(c, 'c.json');
    // The path as the run recorded it (the CLI records it absolute).
    const recorded = c.runs[1]!.scenarioSpec.routing.policy;
    expect([MARKS, resolve(MARKS)]).toContain(recorded);
    expect(reproduceCommand(model)).toBe(
      `orchlab compare report-small.yaml --policies jsq,fails-every-other-run,${recorded} --format json --out report-small.json`,
    );
    expect(reproduceNote(model)).toBe(
      'fails-every-other-run came from a policy module whose path the result does not record (it was left out, as some of its runs failed): ' +
        'in --policies, give the module\'s path in place of its name, or the command stops with "unknown policy".',
    );
    const text = renderReportHtml(reportPage(c, { command: 'c' }), loadBundles());
    expect(text).toContain(`<span class="note" id="rerun-note">${esc(reproduceNote(model)!)}</span>`);
    expect(text).toMatch(
      /<li>fails-every-other-run \(seed 11\) failed in replications 0 and 2 of 3; it is left out entirely, although the other replication ran \(a policy is compared over all its replications or not at all\): [^<]*boom on an even run<\/li>/,
    );
  });

  it('has no note when every policy is built in', async () => {
    expect(reproduceNote(reportModel(await compareResult(), 'r.json'))).toBeUndefined();
  });
});
