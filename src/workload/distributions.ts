// Samplers for task sizes (work units). Each turns uniform draws from a stream into one value,
// by inverse transform where a closed form exists.
import type { Rng } from '../sim/rng.js';
import type { SizeDist } from './scenario-schema.js';

export type Sampler = (rng: Rng) => number;

/** Standard normal by Box–Muller; uses two uniforms per draw so streams stay aligned. */
function normal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export function makeSampler(d: SizeDist): Sampler {
  switch (d.dist) {
    case 'exponential': {
      const mean = d.mean;
      return (rng) => -mean * Math.log(1 - rng());
    }
    case 'constant': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { min, max } = d;
      return (rng) => min + (max - min) * rng();
    }
    case 'lognormal': {
      // For mean m and coefficient of variation cv: sigma² = ln(1 + cv²), mu = ln m - sigma²/2.
      const s2 = Math.log(1 + d.cv * d.cv);
      const sigma = Math.sqrt(s2);
      const mu = Math.log(d.mean) - s2 / 2;
      return (rng) => Math.exp(mu + sigma * normal(rng));
    }
    case 'pareto': {
      const { alpha, min } = d;
      if (d.max === undefined) return (rng) => min / (1 - rng()) ** (1 / alpha);
      // Bounded Pareto on [L, H]: F⁻¹(u) = L (1 - u (1 - (L/H)^α))^(-1/α).
      const ratio = 1 - (min / d.max) ** alpha;
      return (rng) => min * (1 - rng() * ratio) ** (-1 / alpha);
    }
    case 'empirical': {
      const values = Float64Array.from(d.values);
      return (rng) => values[Math.floor(rng() * values.length)]!;
    }
    case 'fit':
      throw new Error('sizes fitted to a trace are resolved when the scenario is loaded (a bug if seen here)');
  }
}

/**
 * Fills `out` with draws from `d`, as repeated calls of its sampler would give; a tight loop for
 * the common distributions (no call per draw), the sampler otherwise.
 */
export function fillSamples(d: SizeDist, sample: Sampler, out: Float64Array, rng: Rng): void {
  if (d.dist === 'exponential') {
    const mean = d.mean;
    for (let i = 0; i < out.length; i++) out[i] = -mean * Math.log(1 - rng());
  } else if (d.dist === 'constant') out.fill(d.value);
  else for (let i = 0; i < out.length; i++) out[i] = sample(rng);
}

/** The distribution's mean in work units (used for load figures and analytic checks). */
export function meanOf(d: SizeDist): number {
  switch (d.dist) {
    case 'exponential':
      return d.mean;
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'lognormal':
      return d.mean;
    case 'pareto': {
      const { alpha: a, min: L } = d;
      if (d.max === undefined) return a > 1 ? (a * L) / (a - 1) : Number.POSITIVE_INFINITY;
      const H = d.max;
      if (a === 1) return ((H * L) / (H - L)) * Math.log(H / L);
      return ((L ** a / (1 - (L / H) ** a)) * (a / (a - 1)) * (1 / L ** (a - 1) - 1 / H ** (a - 1)));
    }
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
    case 'fit':
      return Number.NaN;
  }
}
