// Arrival processes: each gives the gap to the next arrival in seconds.
import type { Rng } from '../sim/rng.js';
import type { ArrivalSpec } from './scenario-schema.js';

export type InterArrival = (rng: Rng) => number;

export function makeInterArrival(spec: ArrivalSpec): InterArrival {
  switch (spec.process) {
    case 'poisson': {
      const mean = 1 / spec.rate;
      return (rng) => -mean * Math.log(1 - rng());
    }
    case 'constant': {
      const gap = 1 / spec.rate;
      return () => gap;
    }
  }
}

/** Long-run arrivals per second. */
export function meanRate(spec: ArrivalSpec): number {
  return spec.rate;
}
