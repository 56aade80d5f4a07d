import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/event-queue.js';
import { checkProperty } from '../support/check-property.js';

describe('EventQueue', () => {
  it('pop() returns events in (time, insertion) order', () => {
    checkProperty(
      'test/sim/event-queue.test.ts',
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new EventQueue(2);
        times.forEach((t, i) => {
          q.push(t, i % 4, i);
        });
        const out: [number, number][] = [];
        while (q.pop()) out.push([q.time, q.ref]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('pop() on an empty queue returns false', () => {
    const q = new EventQueue();
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps kind and ref with their time through interleaved pushes and pops', () => {
    const q = new EventQueue(1);
    q.push(5, 1, 50);
    q.push(1, 2, 10);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.ref]).toEqual([1, 2, 10]);
    q.push(3, 0, 30);
    q.pop();
    expect([q.time, q.kind, q.ref]).toEqual([3, 0, 30]);
    q.pop();
    expect([q.time, q.kind, q.ref]).toEqual([5, 1, 50]);
    expect(q.size).toBe(0);
  });
});
