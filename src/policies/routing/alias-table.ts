// Walker's alias method (Vose's numerically stable construction): sample index i with probability
// w[i] / Σw in O(1) from one uniform draw, after an O(n) build. Used by weighted-random and
// power-of-d's weighted mode.
import type { Rng } from '../../sim/rng.js';

export interface AliasTable {
  /** Probability of keeping column i (else take alias[i]). */
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

/** Builds the table; weights must be ≥ 0. A zero or non-finite total gives the uniform table. */
export function buildAlias(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  if (!(total > 0 && Number.isFinite(total))) {
    prob.fill(1);
    for (let i = 0; i < n; i++) alias[i] = i;
    return { prob, alias };
  }
  const scaled = Float64Array.from({ length: n }, (_, i) => (weights[i]! * n) / total);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    if (scaled[i]! < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[--nl]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // What is left has scaled weight 1 up to rounding.
  while (nl > 0) {
    const l = large[--nl]!;
    prob[l] = 1;
    alias[l] = l;
  }
  while (ns > 0) {
    const s = small[--ns]!;
    prob[s] = 1;
    alias[s] = s;
  }
  return { prob, alias };
}

/** An index drawn from the table with one uniform draw. */
export function sampleAlias(t: AliasTable, rng: Rng): number {
  const u = rng() * t.prob.length;
  const i = Math.floor(u);
  return u - i < t.prob[i]! ? i : t.alias[i]!;
}
