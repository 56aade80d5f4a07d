import { describe, expect, it } from 'vitest';
import { reportModel } from '../../src/report/report-model.js';
import { policyEntry, reproduceCommand } from '../../src/report/reproduce.js';
import { compareResult, sweepResult } from './support/results.js';

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

  it('re-runs a sweep with one --vary per axis', async () => {
    expect(reproduceCommand(reportModel(await sweepResult(), 's.json'))).toBe(
      'orchlab sweep report-small.yaml --policies sed,jsq,least-cost --vary workload.arrivals.rate=4:8:2 --format json --out report-small.json',
    );
  });
});
