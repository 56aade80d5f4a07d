// Closed-form queueing results the conformance suite checks the simulator against: Erlang C,
// M/M/c, M/M/1, M/G/1 (Pollaczek–Khinchine), non-preemptive priority (Cobham) and the
// power-of-d "supermarket" limit (Mitzenmacher). Times are in the same unit as 1/μ.

/** Stationary means of a single queue: utilisation, P(wait), Wq, W, Lq, L. */
export interface MmcResult {
  rho: number;
  pWait: number;
  meanWait: number;
  meanResponse: number;
  meanInQueue: number;
  meanInSystem: number;
}

export interface Mg1Result {
  rho: number;
  meanWait: number;
  meanResponse: number;
  meanInSystem: number;
}

export interface PriorityResult {
  meanWait: number[];
  meanResponse: number[];
}

function requirePositive(x: number, what: string): void {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`${what} must be positive and finite, got ${x}`);
}

function requireStable(rho: number, what: string): void {
  if (!(rho < 1)) throw new RangeError(`${what}: utilisation ρ = ${rho} must be below 1`);
}

/**
 * Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ and ρ = a/c < 1.
 * Computed stably from Erlang B by the recursion B₀ = 1, Bₖ = a Bₖ₋₁ / (k + a Bₖ₋₁), then
 * C = B_c / (1 − ρ (1 − B_c)). erlangC(2, 1) = 1/3; erlangC(1, a) = a.
 */
export function erlangC(c: number, offeredLoad: number): number {
  if (!Number.isInteger(c) || c < 1)
    throw new RangeError(`erlangC: servers must be a positive integer, got ${c}`);
  if (!(offeredLoad >= 0)) throw new RangeError(`erlangC: offered load must be ≥ 0, got ${offeredLoad}`);
  const rho = offeredLoad / c;
  requireStable(rho, 'erlangC');
  let b = 1;
  for (let k = 1; k <= c; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b / (1 - rho * (1 - b));
}

/**
 * M/M/c with arrival rate λ, service rate μ per server: ρ = λ/(cμ), P(wait) = C(c, λ/μ),
 * Wq = C / (cμ − λ), W = Wq + 1/μ, Lq = λ Wq, L = λ W (Little).
 */
export function mmc(lambda: number, mu: number, c: number): MmcResult {
  if (!(lambda >= 0)) throw new RangeError(`mmc: λ must be ≥ 0, got ${lambda}`);
  requirePositive(mu, 'mmc: μ');
  const pWait = erlangC(c, lambda / mu);
  const meanWait = pWait / (c * mu - lambda);
  const meanResponse = meanWait + 1 / mu;
  return {
    rho: lambda / (c * mu),
    pWait,
    meanWait,
    meanResponse,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanResponse,
  };
}

/** M/M/1: mmc with one server, so P(wait) = ρ, Wq = ρ/(μ − λ), W = 1/(μ − λ). λ=0.8, μ=1: Wq = 4, W = 5. */
export function mm1(lambda: number, mu: number): MmcResult {
  return mmc(lambda, mu, 1);
}

/**
 * M/G/1 by Pollaczek–Khinchine: ρ = λ E[S], E[S²] = (1 + scv) E[S]² (scv = Var S / E[S]²),
 * Wq = λ E[S²] / (2(1 − ρ)), W = Wq + E[S], L = λ W. scv = 1 is M/M/1, scv = 0 is M/D/1
 * (λ = 0.8, E[S] = 1: Wq = 2).
 */
export function mg1(lambda: number, meanService: number, scv: number): Mg1Result {
  if (!(lambda >= 0)) throw new RangeError(`mg1: λ must be ≥ 0, got ${lambda}`);
  requirePositive(meanService, 'mg1: mean service time');
  if (!(scv >= 0)) throw new RangeError(`mg1: scv must be ≥ 0, got ${scv}`);
  const rho = lambda * meanService;
  requireStable(rho, 'mg1');
  const secondMoment = (1 + scv) * meanService * meanService;
  const meanWait = (lambda * secondMoment) / (2 * (1 - rho));
  const meanResponse = meanWait + meanService;
  return { rho, meanWait, meanResponse, meanInSystem: lambda * meanResponse };
}

/**
 * Non-preemptive priority M/G/1 (Cobham 1954), classes ordered highest priority first:
 * W₀ = Σᵢ λᵢ E[Sᵢ²] / 2 (mean residual work found in service), σₖ = Σ_{i≤k} ρᵢ, σ₀ = 0,
 * Wₖ = W₀ / ((1 − σₖ₋₁)(1 − σₖ)), response Wₖ + E[Sₖ]. Requires σ_K < 1.
 * Two classes, λ = 0.4 each, exponential μ = 1: W₀ = 0.8, W₁ = 4/3, W₂ = 20/3.
 */
export function priorityNonPreemptive(
  lambdas: number[],
  meanServices: number[],
  scvs: number[],
): PriorityResult {
  const k = lambdas.length;
  if (meanServices.length !== k || scvs.length !== k) {
    throw new RangeError('priorityNonPreemptive: lambdas, meanServices and scvs must have equal lengths');
  }
  let w0 = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const lambda = lambdas[i] as number;
    const s = meanServices[i] as number;
    const scv = scvs[i] as number;
    if (!(lambda >= 0)) throw new RangeError(`priorityNonPreemptive: λ[${i}] must be ≥ 0, got ${lambda}`);
    requirePositive(s, `priorityNonPreemptive: meanServices[${i}]`);
    if (!(scv >= 0)) throw new RangeError(`priorityNonPreemptive: scv[${i}] must be ≥ 0, got ${scv}`);
    w0 += (lambda * (1 + scv) * s * s) / 2;
    total += lambda * s;
  }
  requireStable(total, 'priorityNonPreemptive');
  const meanWait: number[] = [];
  const meanResponse: number[] = [];
  let sigma = 0;
  for (let i = 0; i < k; i++) {
    const s = meanServices[i] as number;
    const before = sigma;
    sigma += (lambdas[i] as number) * s;
    const w = w0 / ((1 - before) * (1 - sigma));
    meanWait.push(w);
    meanResponse.push(w + s);
  }
  return { meanWait, meanResponse };
}

/**
 * Mean response time of the power-of-d-choices "supermarket" model (Mitzenmacher 1996) in the
 * limit of infinitely many servers, μ = 1, per-server arrival rate λ < 1. The fraction of queues
 * holding ≥ i tasks is sᵢ = λ^((dⁱ − 1)/(d − 1)), so by Little E[T] = (1/λ) Σ_{i≥1} sᵢ
 *   = Σ_{i≥1} λ^eᵢ,  eᵢ = (dⁱ − d)/(d − 1),  computed as e₁ = 0, eᵢ₊₁ = d eᵢ + d.
 * For d = 1, eᵢ = i − 1 and the geometric series is returned in closed form, 1/(1 − λ) (M/M/1).
 * λ = 0.9, d = 2: E[T] = 1 + 0.9² + 0.9⁶ + 0.9¹⁴ + … ≈ 2.614057. For d ≥ 2 the exponents grow like dⁱ,
 * so summation stops after `terms` terms or, long before dⁱ overflows, once a term no longer changes the sum.
 */
export function supermarketMeanResponse(lambda: number, d: number, terms = 200): number {
  if (!(lambda >= 0 && lambda < 1))
    throw new RangeError(`supermarketMeanResponse: λ must be in [0, 1), got ${lambda}`);
  if (!Number.isInteger(d) || d < 1)
    throw new RangeError(`supermarketMeanResponse: d must be a positive integer, got ${d}`);
  if (d === 1) return 1 / (1 - lambda);
  let sum = 0;
  let exponent = 0;
  for (let i = 1; i <= terms; i++) {
    const term = lambda ** exponent;
    if (term <= sum * Number.EPSILON * 0.5) break;
    sum += term;
    exponent = d * exponent + d;
  }
  return sum;
}
