// consistent-hash: consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam,
// "Consistent Hashing with Bounded Loads", SODA 2018). Each agent owns `vnodes` points on a hash
// ring (one ring per candidate list); a task's affinity key hashes to a point and the task walks
// clockwise to the first agent holding fewer than ceil(c × (m + 1) × slots / S) tasks, m the tasks
// at the list's agents and S their slots (equal slots: the paper's ceil(c (m + 1) / n)). A session
// stays on one agent, keeping its context warm, unless that agent is past the bound; no agent holds
// more than about c times the average. Tasks without a key (-1) use power-of-two-choices.
// Trade-off: affinity against balance, set by c (c → 1: jsq-like balance; large c: pure hashing).
// O(log(n·vnodes)) per keyed task plus the walk past overloaded agents; no scan of all agents.
import { z } from 'zod';
import { EligibleCache } from './eligible-cache.js';
import { definePolicy } from './types.js';

/** murmur3's 32-bit finaliser: a fast, well-mixed integer hash (unsigned result). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The ring point of an affinity key. */
export function keyPoint(key: number): number {
  return fmix32(Math.imul(key, 0x9e3779b1) ^ 0x6a09e667);
}

/** The ring point of agent `agent`'s virtual node `v` (the same for every ring the agent is on). */
export function agentPoint(agent: number, v: number): number {
  return fmix32(fmix32(agent + 0x3c6ef372) ^ Math.imul(v + 1, 0x9e3779b1));
}

interface Ring {
  /** Ring points in increasing order, and the agent owning each. */
  readonly points: Uint32Array;
  readonly owner: Int32Array;
  /** Slots of the list's agents (S). */
  readonly slots: number;
  /** Tasks at the list's agents (kept by route and observe). */
  total: number;
}

export default definePolicy({
  name: 'consistent-hash',
  summary: 'consistent hashing with bounded loads on the affinity key (no key: power of two choices)',
  params: z.strictObject({
    /** Load bound factor: an agent takes a task while holding < ceil(c × average). Default 1.25; range > 1. */
    c: z.number().gt(1).default(1.25),
    /** Ring points per agent. Default 100; range 1..10000 (more: smoother shares, bigger rings). */
    vnodes: z.number().int().min(1).max(10_000).default(100),
  }),
  create({ c, vnodes }, ctx) {
    const fleet = ctx.fleet;
    /** Rings each agent is on, to keep their task counts. */
    const ringsOf: Ring[][] = Array.from({ length: fleet.size }, () => []);
    const rings = new EligibleCache<Ring>((e) => {
      const count = e.length * vnodes;
      const pts = new Float64Array(count);
      const who = new Int32Array(count);
      let slots = 0;
      let total = 0;
      e.forEach((a, i) => {
        for (let v = 0; v < vnodes; v++) {
          pts[i * vnodes + v] = agentPoint(a, v);
          who[i * vnodes + v] = a;
        }
        slots += fleet.slots[a]!;
        total += fleet.load[a]!;
      });
      // Sort by point, then agent, so equal points (rare) still order deterministically.
      const order = Array.from({ length: count }, (_, i) => i).sort(
        (x, y) => pts[x]! - pts[y]! || who[x]! - who[y]!,
      );
      const ring: Ring = {
        points: Uint32Array.from(order, (i) => pts[i]!),
        owner: Int32Array.from(order, (i) => who[i]!),
        slots,
        total,
      };
      for (const a of e) ringsOf[a]!.push(ring);
      return ring;
    });
    const count = (a: number, delta: number) => {
      const list = ringsOf[a]!;
      for (let i = 0; i < list.length; i++) list[i]!.total += delta;
    };
    return {
      name: 'consistent-hash',
      route(task, fleet, rng) {
        const e = task.eligible;
        const load = fleet.load;
        const ring = rings.get(task.cls, e);
        const key = task.key;
        let chosen: number;
        if (key < 0) {
          const n = e.length;
          const a = e[Math.floor(rng() * n)]!;
          const b = e[Math.floor(rng() * n)]!;
          chosen = load[b]! < load[a]! ? b : a;
        } else {
          const points = ring.points;
          const owner = ring.owner;
          const m = points.length;
          const h = keyPoint(key);
          let lo = 0;
          let hi = m;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (points[mid]! < h) lo = mid + 1;
            else hi = mid;
          }
          let i = lo === m ? 0 : lo;
          chosen = owner[i]!;
          const allowed = c * (ring.total + 1);
          // Some agent is under its bound (Σ bounds ≥ c (m + 1) > m), so the walk ends within one lap.
          for (let k = 0; k < m; k++) {
            const a = owner[i]!;
            if (load[a]! < Math.ceil((allowed * fleet.slots[a]!) / ring.slots)) {
              chosen = a;
              break;
            }
            if (++i === m) i = 0;
          }
        }
        // The core turns the task away when the agent has neither a free slot nor queue room.
        if (
          fleet.busy[chosen]! < fleet.slots[chosen]! ||
          fleet.queued[chosen]! < fleet.queueCapacity[chosen]!
        )
          count(chosen, 1);
        return chosen;
      },
      observe(agent) {
        count(agent, -1);
      },
    };
  },
});
