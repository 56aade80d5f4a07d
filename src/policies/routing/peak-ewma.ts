// peak-ewma: Finagle's and Envoy's Peak EWMA balancer. Per agent a latency estimate that jumps up to
// any observed latency above it and otherwise decays toward the observations with time constant
// `decaySeconds` over the time since the last one (w = exp(-Δt / decaySeconds), estimate =
// w·estimate + (1 − w)·latency); cost = estimate × (tasks at the agent + 1); of two distinct random
// eligible agents the cheaper wins (the first on ties). It learns true speed from latency, so it
// routes around an agent slower than it advertises, which load-only policies cannot see. O(1) per task.
// Trade-off: one slow response makes an agent look slow for about decaySeconds.
import { z } from 'zod';
import { definePolicy } from './types.js';

export default definePolicy({
  name: 'peak-ewma',
  summary: 'two random agents, lower peak-EWMA latency × (tasks + 1) wins (learns real speed)',
  params: z.strictObject({
    /** Time constant of the decay toward lower latencies, in seconds. Default 10; range > 0. */
    decaySeconds: z.number().positive().default(10),
    /**
     * Estimate of an agent never observed, in seconds; small so new agents get tried. Default:
     * 1 / the agent's advertised speed (one work unit's service time); range > 0.
     */
    initialSeconds: z.number().positive().optional(),
  }),
  create({ decaySeconds, initialSeconds }, ctx) {
    const fleet = ctx.fleet;
    const estimate = Float64Array.from(fleet.speed, (s) => initialSeconds ?? 1 / s);
    /** When each estimate was last updated, seconds. */
    const stamp = new Float64Array(fleet.size);
    return {
      name: 'peak-ewma',
      route(task, fleet, rng) {
        const e = task.eligible;
        const n = e.length;
        if (n === 1) return e[0]!;
        const i = Math.floor(rng() * n);
        let j = Math.floor(rng() * (n - 1));
        if (j >= i) j++;
        const a = e[i]!;
        const b = e[j]!;
        const load = fleet.load;
        return estimate[b]! * (load[b]! + 1) < estimate[a]! * (load[a]! + 1) ? b : a;
      },
      observe(agent, _task, latencySeconds) {
        const now = ctx.now();
        const old = estimate[agent]!;
        if (latencySeconds > old) {
          estimate[agent] = latencySeconds;
        } else {
          const w = Math.exp(-(now - stamp[agent]!) / decaySeconds);
          estimate[agent] = old * w + latencySeconds * (1 - w);
        }
        stamp[agent] = now;
      },
    };
  },
});
