// prequal: Google's Prequal (Wydrowski, Kleinberg, Rumble et al., "Load is not what you should
// balance: Introducing Prequal", NSDI 2024). Each task probes `probesPerTask` random eligible agents
// (with replacement). A probe, read at once in the lab, returns the agent's requests in flight (RIF:
// tasks at the agent) and what it learned of its service time (an EWMA, weight 1/4, of the service
// times of its finished tasks; 1 / advertised speed before the first). Probes live in a pool of at
// most `poolSize` (the newest per agent; when full the oldest goes; older than `maxAgeSeconds`
// dropped). Selection is the paper's hot-cold lexicographic rule: a probe is hot when its RIF
// exceeds the `qRif` quantile of the pool's RIFs; the cold probe with the lowest latency estimate
// wins, and when every usable probe is hot, the one with the lowest RIF. As the paper's servers
// report the latency of recent queries at their current RIF, the latency estimate is the service
// time scaled to the RIF: (max(0, RIF + 1 − slots) / slots + 1) × service time. The winner's pooled
// RIF is then raised by one (the task just sent is in flight there), so reuse spreads out.
// It balances latency rather than load, so it avoids agents that are slow for any reason while RIF
// keeps it off crowded ones. O(poolSize) per task for the default qRif, independent of the number
// of agents. Trade-off: probes cost messages in a real system, and the pool's probes age.
import { z } from 'zod';
import { EligibleCache, memberMask } from './eligible-cache.js';
import { definePolicy } from './types.js';

/** Weight of a new observation in an agent's service-time estimate. */
const SERVICE_WEIGHT = 0.25;

export default definePolicy({
  name: 'prequal',
  summary:
    'probe a few agents; lowest-latency probe among the cold ones (RIF under a quantile), else lowest RIF',
  params: z.strictObject({
    /** Agents probed per task (with replacement). Default 3; range 1..64. */
    probesPerTask: z.number().int().min(1).max(64).default(3),
    /** Probes kept in the pool. Default 16; range 1..256. */
    poolSize: z.number().int().min(1).max(256).default(16),
    /** Pooled probes older than this are dropped, seconds. Default 1; range > 0. */
    maxAgeSeconds: z.number().positive().default(1),
    /** RIF quantile above which a probe is hot. Default 0.84; range (0, 1]. */
    qRif: z.number().gt(0).max(1).default(0.84),
  }),
  create({ probesPerTask, poolSize, maxAgeSeconds, qRif }, ctx) {
    const fleet = ctx.fleet;
    const slots = fleet.slots;
    /** Learned service seconds per task at each agent. */
    const service = Float64Array.from(fleet.speed, (s) => 1 / s);
    // The pool, in no particular order: agent, RIF, service estimate and time of each probe.
    const agent = new Int32Array(poolSize);
    const rif = new Float64Array(poolSize);
    const svc = new Float64Array(poolSize);
    const time = new Float64Array(poolSize);
    const top = new Float64Array(poolSize);
    /** Pool slot holding each agent's probe; -1 when none. */
    const slotOf = new Int32Array(fleet.size).fill(-1);
    let size = 0;
    const masks = new EligibleCache((e) => memberMask(e, fleet.size));

    const remove = (i: number) => {
      slotOf[agent[i]!] = -1;
      const last = --size;
      if (i === last) return;
      agent[i] = agent[last]!;
      rif[i] = rif[last]!;
      svc[i] = svc[last]!;
      time[i] = time[last]!;
      slotOf[agent[i]!] = i;
    };
    const probe = (a: number, load: number, now: number) => {
      let i = slotOf[a]!;
      if (i < 0) {
        if (size === poolSize) {
          let oldest = 0;
          for (let j = 1; j < size; j++) if (time[j]! < time[oldest]!) oldest = j;
          slotOf[agent[oldest]!] = -1;
          i = oldest;
        } else {
          i = size++;
        }
        agent[i] = a;
        slotOf[a] = i;
      }
      rif[i] = load;
      svc[i] = service[a]!;
      time[i] = now;
    };
    /**
     * The qRif quantile of the pool's RIFs (nearest rank: the k-th smallest, k = ceil(qRif × size)),
     * found as the j-th largest, j = size − k + 1, keeping the j largest seen in `top` (descending):
     * one pass of about `size` comparisons for the default qRif.
     */
    const threshold = () => {
      const j = size - Math.max(1, Math.ceil(qRif * size)) + 1;
      let kept = 0;
      for (let i = 0; i < size; i++) {
        const v = rif[i]!;
        if (kept === j && v <= top[j - 1]!) continue;
        let at = kept < j ? kept++ : j - 1;
        while (at > 0 && top[at - 1]! < v) {
          top[at] = top[at - 1]!;
          at--;
        }
        top[at] = v;
      }
      return top[j - 1]!;
    };

    return {
      name: 'prequal',
      route(task, fleet, rng) {
        const now = ctx.now();
        const e = task.eligible;
        const n = e.length;
        for (let i = size - 1; i >= 0; i--) if (now - time[i]! > maxAgeSeconds) remove(i);
        for (let p = 0; p < probesPerTask; p++) {
          const a = e[Math.floor(rng() * n)]!;
          probe(a, fleet.load[a]!, now);
        }
        const hot = threshold();
        const usable = masks.get(task.cls, e);
        let cold = -1;
        let coldLatency = 0;
        let coolest = -1;
        for (let i = 0; i < size; i++) {
          const a = agent[i]!;
          if (usable[a] !== 1) continue;
          const r = rif[i]!;
          if (coolest < 0 || r < rif[coolest]!) coolest = i;
          if (r > hot) continue;
          const k = slots[a]!;
          const latency = (Math.max(0, r + 1 - k) / k + 1) * svc[i]!;
          if (cold < 0 || latency < coldLatency || (latency === coldLatency && r < rif[cold]!)) {
            cold = i;
            coldLatency = latency;
          }
        }
        // The probes just taken are usable, so coolest >= 0.
        const pick = cold >= 0 ? cold : coolest;
        rif[pick]!++;
        return agent[pick]!;
      },
      observe(a, task) {
        const seconds = ctx.now() - ctx.tasks.start[task]!;
        service[a]! += SERVICE_WEIGHT * (seconds - service[a]!);
      },
    };
  },
});
