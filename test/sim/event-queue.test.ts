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
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
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

  it('an event in the side slot pops exactly where the same event pushed on the heap would', () => {
    // Interleaved operations: heap pushes, side pushes (when the slot is free) and pops. The
    // reference is a plain queue where every event is pushed on the heap.
    const op = fc.oneof(
      fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ op: fc.constant('side' as const), time: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ op: fc.constant('pop' as const) }),
    );
    checkProperty(
      'test/sim/event-queue.test.ts',
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const withSide = new EventQueue(2);
        const reference = new EventQueue(2);
        let sideRef = -1;
        const popBoth = () => {
          const a = withSide.pop();
          const b = reference.pop();
          expect(a).toBe(b);
          if (!a) return;
          expect([withSide.time, withSide.kind, withSide.ref]).toEqual([
            reference.time,
            reference.kind,
            reference.ref,
          ]);
          if (withSide.ref === sideRef) sideRef = -1;
        };
        ops.forEach((o, i) => {
          if (o.op === 'pop') popBoth();
          else if (o.op === 'side' && sideRef === -1) {
            withSide.pushSide(o.time, 1, i);
            reference.push(o.time, 1, i);
            sideRef = i;
          } else {
            withSide.push(o.time, 0, i);
            reference.push(o.time, 0, i);
          }
          expect(withSide.size).toBe(reference.size);
          expect(withSide.peekTime()).toBe(reference.peekTime());
        });
        while (reference.size > 0) popBoth();
        expect(withSide.pop()).toBe(false);
      }),
    );
  });

  it('refuses a second event in a taken side slot, and a time that is not finite', () => {
    const q = new EventQueue();
    q.pushSide(1, 0, 0);
    expect(() => q.pushSide(2, 0, 1)).toThrow(/side slot is taken/);
    q.pop();
    q.pushSide(2, 0, 1);
    expect(q.size).toBe(1);
    q.pop();
    expect(() => q.pushSide(Number.POSITIVE_INFINITY, 0, 2)).toThrow(/finite times/);
    expect(() => q.pushSide(Number.NaN, 0, 2)).toThrow(/finite times/);
  });
});
