import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoQueue, makeQueue } from '../../src/core/task-queue.js';
import { TaskTable } from '../../src/model/task-table.js';
import { checkProperty } from '../support/check-property.js';

function table(priorities: number[], deadlines: number[] = []): TaskTable {
  const t = new TaskTable(2);
  priorities.forEach((p, i) => {
    const id = t.alloc();
    expect(id).toBe(i);
    t.seq[id] = i;
    t.priority[id] = p;
    t.deadline[id] = deadlines[i] ?? Number.POSITIVE_INFINITY;
  });
  return t;
}

const drain = (q: { pop(): number }) => {
  const out: number[] = [];
  for (let id = q.pop(); id >= 0; id = q.pop()) out.push(id);
  return out;
};

describe('task queues', () => {
  it('FifoQueue serves in push order across growth and wrap-around', () => {
    const q = new FifoQueue();
    for (let i = 0; i < 10; i++) q.push(i);
    expect([q.pop(), q.pop(), q.pop()]).toEqual([0, 1, 2]);
    for (let i = 10; i < 40; i++) q.push(i);
    expect(drain(q)).toEqual(Array.from({ length: 37 }, (_, i) => i + 3));
    expect(q.peek()).toBe(-1);
  });

  it("makeQueue('priority') serves lower priority first, FIFO within a priority", () => {
    checkProperty(
      'test/core/task-queue.test.ts',
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 100 }), (prios) => {
        const t = table(prios);
        const q = makeQueue('priority', t);
        for (let i = 0; i < prios.length; i++) q.push(i);
        const expected = prios.map((p, i) => [p, i]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!).map((x) => x[1]);
        expect(drain(q)).toEqual(expected);
      }),
    );
  });

  it("makeQueue('edf') serves the earliest deadline first, ties in arrival order", () => {
    const t = table([0, 0, 0, 0], [5, 2, 5, 1]);
    const q = makeQueue('edf', t);
    for (const i of [0, 1, 2, 3]) q.push(i);
    expect(drain(q)).toEqual([3, 1, 0, 2]);
  });
});
