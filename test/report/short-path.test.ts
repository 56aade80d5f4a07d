// How the report names a sweep's axes: the last part of the path, unless another axis ends the
// same way (stop.completed and warmup.completed), and never a bare index (agents.0.count).
import { describe, expect, it } from 'vitest';
import { shortPath } from '../../src/report/sweep-headline.js';

describe('shortPath(path, among)', () => {
  it('the last part when no other axis ends with it', () => {
    expect(shortPath('workload.arrivals.rate', ['workload.arrivals.rate', 'seed'])).toBe('rate');
    expect(shortPath('seed', ['seed'])).toBe('seed');
  });

  it('as much as tells two axes apart', () => {
    const among = ['stop.completed', 'warmup.completed'];
    expect(among.map((p) => shortPath(p, among))).toEqual(['stop.completed', 'warmup.completed']);
    const agents = ['agents.0.count', 'agents.1.count'];
    expect(agents.map((p) => shortPath(p, agents))).toEqual(['agents.0.count', 'agents.1.count']);
  });

  it('no bare index: agents.0.count alone reads count', () => {
    expect(shortPath('agents.0.count', ['agents.0.count'])).toBe('count');
    expect(shortPath('rules.0', ['rules.0'])).toBe('rules.0');
  });
});
