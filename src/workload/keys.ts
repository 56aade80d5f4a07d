// Affinity key samplers: which tenant or session a task belongs to.
import type { Rng } from '../sim/rng.js';
import type { KeyDist } from './scenario-schema.js';

export type KeySampler = (rng: Rng) => number;

/** Zipf over 0..n-1: P(k) ∝ 1 / (k+1)^s, by binary search in the cumulative distribution. */
function zipf(n: number, s: number): KeySampler {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) {
    acc += 1 / (k + 1) ** s;
    cdf[k] = acc;
  }
  for (let k = 0; k < n; k++) cdf[k]! /= acc;
  return (rng) => {
    const u = rng();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function makeKeySampler(d: KeyDist): KeySampler {
  if ('zipf' in d) return zipf(d.zipf.n, d.zipf.s);
  const n = d.uniform.n;
  return (rng) => Math.floor(rng() * n);
}
