import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { MAX_LIVE_TASKS, TaskTable } from '../../src/model/task-table.js';

describe('TaskTable', () => {
  it('grows as tasks pile up and hands back released ids', () => {
    const t = new TaskTable(4);
    const ids = Array.from({ length: 10 }, () => t.alloc());
    expect(new Set(ids).size).toBe(10);
    expect(t.live).toBe(10);
    t.release(ids[3]!);
    expect(t.live).toBe(9);
    expect(t.alloc()).toBe(ids[3]);
  });

  it('refuses to hold more than its bound at once, with a message instead of an abort', () => {
    const t = new TaskTable(1024, 4096);
    for (let i = 0; i < 4096; i++) t.alloc();
    expect(() => t.alloc()).toThrow(InputError);
    expect(() => t.alloc()).toThrow(
      'more than 4,096 tasks in the system at once: the fleet cannot keep up with the arrivals, or the policy holds or queues every task',
    );
    // The bound of real runs: 2^22 tasks, far past any stable queue.
    expect(MAX_LIVE_TASKS).toBe(4_194_304);
  });
});
