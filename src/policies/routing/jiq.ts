// jiq: join-idle-queue (Lu, Xie, Kliot, Geller, Larus and Greenberg, "Join-Idle-Queue: A novel load
// balancing algorithm for dynamically scalable web services", Performance 2011). An agent that
// becomes idle registers with one of `dispatchers` I-queues (round robin over dispatchers: the
// deterministic stand-in for the paper's random choice); an arrival asks a uniformly random
// dispatcher, which hands it its longest-registered idle agent able to take the task, or, with none,
// a uniformly random eligible agent. No load is read on the arrival path: O(1) per task, plus the
// unlinking of the chosen agent from the idle lists it is on (one per candidate list it belongs to).
// Trade-off: near-jsq waiting at light and moderate load for random's cost, but with many
// dispatchers and few idle agents most arrivals fall back to random.
import { z } from 'zod';
import { EligibleCache, memberMask } from './eligible-cache.js';
import { definePolicy } from './types.js';

/** Idle agents of one candidate list, one FIFO per dispatcher, as doubly linked lists over agents. */
interface IdleLists {
  readonly member: Uint8Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
}

export default definePolicy({
  name: 'jiq',
  summary: 'join-idle-queue: an idle agent registered with a random dispatcher, else a random agent',
  params: z.strictObject({
    /** Dispatchers, each with its own I-queue of idle agents. Default 1; range 1..1024. */
    dispatchers: z.number().int().min(1).max(1024).default(1),
  }),
  create({ dispatchers }, ctx) {
    const n = ctx.fleet.size;
    /** The dispatcher each idle agent is registered with; -1 when not registered. */
    const registeredWith = new Int32Array(n).fill(-1);
    const all: IdleLists[] = [];
    let nextDispatcher = 0;

    const append = (l: IdleLists, a: number, d: number) => {
      const t = l.tail[d]!;
      l.prev[a] = t;
      l.next[a] = -1;
      if (t < 0) l.head[d] = a;
      else l.next[t] = a;
      l.tail[d] = a;
    };
    const unlink = (l: IdleLists, a: number, d: number) => {
      const p = l.prev[a]!;
      const q = l.next[a]!;
      if (p < 0) l.head[d] = q;
      else l.next[p] = q;
      if (q < 0) l.tail[d] = p;
      else l.prev[q] = p;
    };
    const register = (a: number) => {
      if (registeredWith[a]! >= 0) return;
      const d = nextDispatcher;
      nextDispatcher = d + 1 === dispatchers ? 0 : d + 1;
      registeredWith[a] = d;
      for (let i = 0; i < all.length; i++) if (all[i]!.member[a] === 1) append(all[i]!, a, d);
    };
    const unregister = (a: number) => {
      const d = registeredWith[a]!;
      registeredWith[a] = -1;
      for (let i = 0; i < all.length; i++) if (all[i]!.member[a] === 1) unlink(all[i]!, a, d);
    };
    const lists = new EligibleCache<IdleLists>((e) => {
      const l: IdleLists = {
        member: memberMask(e, n),
        next: new Int32Array(n).fill(-1),
        prev: new Int32Array(n).fill(-1),
        head: new Int32Array(dispatchers).fill(-1),
        tail: new Int32Array(dispatchers).fill(-1),
      };
      for (let a = 0; a < n; a++)
        if (l.member[a] === 1 && registeredWith[a]! >= 0) append(l, a, registeredWith[a]!);
      all.push(l);
      return l;
    });
    // At the start every agent is idle.
    for (let a = 0; a < n; a++) register(a);

    return {
      name: 'jiq',
      route(task, _fleet, rng) {
        const e = task.eligible;
        const l = lists.get(task.cls, e);
        const d = dispatchers === 1 ? 0 : Math.floor(rng() * dispatchers);
        let a = l.head[d]!;
        if (a < 0) {
          a = e[Math.floor(rng() * e.length)]!;
          // A random pick may land on an agent idle at another dispatcher: it is busy now.
          if (registeredWith[a]! < 0) return a;
        }
        unregister(a);
        return a;
      },
      idle(agent) {
        register(agent);
      },
    };
  },
});
