// Labels say what ran: an entry that takes parameters from the scenario file is labelled with
// them in compare (power-of-d(d=5)), labels stay unique, and a sweep's varied parameters stay out.
import { describe, expect, it } from 'vitest';
import { preparePoint, runComparison, uniqueLabels } from '../../src/runner/compare.js';
import { executeInProcess } from '../../src/runner/executor.js';
import { smallScenario } from './small-scenario.js';

const FAST = ['replications=2', 'stop.completed=300', 'warmup.completed=30'];
const pod5 = () => smallScenario([...FAST, 'routing.policy=power-of-d', 'routing.d=5']);

describe('labels of a comparison', () => {
  it("compare labels an entry by the file's parameters it runs with; others keep their labels", async () => {
    const c = await runComparison(
      pod5(),
      ['power-of-d', 'power-of-d:d=2', 'power-of-d:mode=weighted', 'jsq'],
      executeInProcess,
    );
    expect(c.policies).toEqual([
      'power-of-d(d=5)',
      'power-of-d(d=2)',
      'power-of-d(mode=weighted,d=5)',
      'jsq',
    ]);
    expect(c.runs.map((r) => [r.policy.label, r.policy.params.d ?? null])).toEqual([
      ['power-of-d(d=5)', 5],
      ['power-of-d(d=2)', 2],
      ['power-of-d(mode=weighted,d=5)', 5],
      ['jsq', null],
    ]);
    // A file without routing parameters changes nothing.
    const plain = await runComparison(
      smallScenario(FAST),
      ['power-of-d', 'power-of-d:d=4'],
      executeInProcess,
    );
    expect(plain.policies).toEqual(['power-of-d', 'power-of-d(d=4)']);
  });

  it('leaves file parameters out unless asked, and leaves out what a sweep varies or sets', () => {
    const entries = ['power-of-d', 'power-of-d:mode=weighted'];
    expect(preparePoint(pod5(), entries).labels).toEqual(['power-of-d', 'power-of-d(mode=weighted)']);
    expect(preparePoint(pod5(), entries, [], { fileParams: true }).labels).toEqual([
      'power-of-d(d=5)',
      'power-of-d(mode=weighted,d=5)',
    ]);
    // A sweep over routing.d: the base and every point get the same labels.
    const base = preparePoint(pod5(), entries, [], { fileParams: true, varied: ['d'] });
    const point = preparePoint(
      smallScenario([...FAST, 'routing.policy=power-of-d', 'routing.d=1']),
      entries,
      ['d=1'],
      {
        fileParams: true,
        varied: ['d'],
      },
    );
    expect(base.labels).toEqual(['power-of-d', 'power-of-d(mode=weighted)']);
    expect(point.labels).toEqual(base.labels);
    expect(point.scenarios.map((s) => s.routing.d)).toEqual([1, 1]);
  });

  it('uniqueLabels numbers repeats without taking a label another entry has', () => {
    expect(uniqueLabels(['a', 'b'])).toEqual(['a', 'b']);
    expect(uniqueLabels(['a', 'a', 'b', 'a'])).toEqual(['a', 'a#2', 'b', 'a#4']);
    const tricky = uniqueLabels(['a', 'a', 'a#2']);
    expect(new Set(tricky).size).toBe(3);
    expect(tricky).toEqual(['a', 'a#3', 'a#2']);
  });
});
