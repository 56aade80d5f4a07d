// From a trace's figures to a synthetic workload that resembles it: an arrival process and, per
// size column, a lognormal fitted by moments plus an empirical distribution. Pure.
//
// Arrivals, first rule that applies:
//   trend     a linear fit of the full-minute counts explains >= 50% of their variance and moves
//             the rate by >= 50% of its mean over the trace: piecewise-constant rates per minute;
//   batch     >= 50% of the gaps are 0 (simultaneous arrivals): batches of the mean size at the
//             mean non-zero gap;
//   mmpp2     CV > 1.3 (bursty): a 2-state Markov-modulated Poisson process. Full minutes are
//             split around the median count into "busy" (above) and "quiet" (halfway between the
//             fewest and the most when none is above the median); the split point then
//             moves to the midpoint of the two groups' means until no minute changes group (1-D
//             2-means, so a 40/60 share is not forced into halves). Each state's rate is its
//             minutes' mean count / 60 s, and the rate of leaving it is 1 / its mean sojourn:
//             its minutes × 60 s over the cycles (a busy and a quiet run make one; half of all
//             runs), so each state's share of time is its share of minutes. The rates are then
//             scaled so the long-run mean is the trace's rate (full minutes leave out the last,
//             partial one);
//   constant  CV < 0.3;
//   poisson   otherwise (CV near 1), at the mean rate.

export type ArrivalSuggestion =
  | { readonly process: 'poisson'; readonly rate: number }
  | { readonly process: 'constant'; readonly rate: number }
  | {
      readonly process: 'mmpp2';
      /** Arrivals per second in the busy and the quiet state. */
      readonly rates: { readonly busy: number; readonly quiet: number };
      /** Mean seconds spent in a state before switching. */
      readonly meanSojournSeconds: { readonly busy: number; readonly quiet: number };
      /** Per-second rates of leaving each state (1 / mean sojourn). */
      readonly switchRates: { readonly busyToQuiet: number; readonly quietToBusy: number };
    }
  | {
      readonly process: 'batch';
      /** Arrivals per batch (mean). */
      readonly meanBatchSize: number;
      /** Mean seconds between batches, and their CV. */
      readonly intervalSeconds: number;
      readonly intervalCv: number | null;
    }
  | {
      readonly process: 'piecewise';
      readonly stepSeconds: 60;
      /** Arrivals per second in each minute from the first arrival. */
      readonly rates: readonly number[];
      readonly trend: { readonly slopePerMinute: number; readonly r2: number };
    };

export interface SizeSuggestion {
  /** Lognormal with the column's mean and CV (scenario size distribution `lognormal`). */
  readonly lognormal: { readonly dist: 'lognormal'; readonly mean: number; readonly cv: number } | null;
  /** The means of equal-count bins, which keep the column's mean (scenario size distribution `empirical`). */
  readonly empirical: { readonly dist: 'empirical'; readonly values: readonly number[] };
}

export interface Suggestion {
  readonly text: string;
  /** null when the arrivals span 0 s (one row, or all at one time): there is no rate; `text` says so. */
  readonly arrivals: ArrivalSuggestion | null;
  readonly sizes: Readonly<Record<string, SizeSuggestion>>;
}

export interface SuggestInput {
  readonly rows: number;
  readonly durationSeconds: number;
  readonly interarrivalCv: number | null;
  readonly zeroGaps: number;
  /** Mean and CV of the non-zero gaps. */
  readonly nonZeroGap: { readonly mean: number; readonly cv: number | null };
  readonly ratePerMinute: readonly number[];
  readonly sizes: Readonly<Record<string, { readonly mean: number; readonly cv: number | null }>>;
  readonly empirical: Readonly<Record<string, readonly number[]>>;
}

/** 3 significant digits, but whole numbers from 1000 up (12035, not 12000). */
const fmt = (x: number, digits = 3): string =>
  Math.abs(x) >= 1000 ? Math.round(x).toString() : Number(x.toPrecision(digits)).toString();

/** Least-squares line through (i, y_i): slope and R². */
export function linearTrend(ys: readonly number[]): { slope: number; r2: number; mean: number } {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  ys.forEach((y, i) => {
    sxy += (i - mx) * (y - my);
    sxx += (i - mx) ** 2;
    syy += (y - my) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const r2 = syy === 0 || sxx === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return { slope, r2, mean: my };
}

/**
 * Where busy minutes start: from `start` (the median), moved to the midpoint of the two groups'
 * means until the groups stop changing (1-D 2-means), so unequal shares of busy and quiet
 * minutes are not forced into halves.
 */
function splitThreshold(counts: readonly number[], start: number): number {
  let threshold = start;
  for (let round = 0; round < 100; round++) {
    let hi = 0;
    let nHi = 0;
    let lo = 0;
    let nLo = 0;
    for (const c of counts) {
      if (c > threshold) {
        hi += c;
        nHi++;
      } else {
        lo += c;
        nLo++;
      }
    }
    if (nHi === 0 || nLo === 0) return threshold;
    const next = (hi / nHi + lo / nLo) / 2;
    const moved = counts.some((c) => c > threshold !== c > next);
    threshold = next;
    if (!moved) break;
  }
  return threshold;
}

/** The minutes a fit reads: every full minute (at least one), not the last, partial one. */
export function fullMinutes(ratePerMinute: readonly number[], durationSeconds: number): readonly number[] {
  return ratePerMinute.slice(0, Math.max(1, Math.floor(durationSeconds / 60)));
}

/**
 * The 2-state MMPP fit described in the header, its long-run mean `rate` per second, or
 * undefined if the minutes do not split.
 */
export function fitMmpp2(
  counts: readonly number[],
  rate: number,
): Extract<ArrivalSuggestion, { process: 'mmpp2' }> | undefined {
  if (counts.length < 2) return undefined;
  const sorted = [...counts].sort((a, b) => a - b);
  const median = sorted[Math.ceil(sorted.length / 2) - 1]!;
  const highest = sorted[sorted.length - 1]!;
  // No minute above a median that is the highest count ([1, 5, 5, 5]): start halfway instead.
  const threshold = splitThreshold(counts, median < highest ? median : (sorted[0]! + highest) / 2);
  const total = { busy: 0, quiet: 0 };
  const minutes = { busy: 0, quiet: 0 };
  const runs = { busy: 0, quiet: 0 };
  let previous: 'busy' | 'quiet' | undefined;
  for (const c of counts) {
    const state = c > threshold ? 'busy' : 'quiet';
    total[state] += c;
    minutes[state]++;
    if (state !== previous) runs[state]++;
    previous = state;
  }
  if (minutes.busy === 0 || minutes.quiet === 0) return undefined;
  // Runs of the two states differ by at most one; minutes / own runs would favour the state with
  // fewer runs and move the long-run mean away from the counts' mean.
  const cycles = (runs.busy + runs.quiet) / 2;
  const sojourn = { busy: (60 * minutes.busy) / cycles, quiet: (60 * minutes.quiet) / cycles };
  const scale = rate / ((total.busy + total.quiet) / (60 * counts.length));
  return {
    process: 'mmpp2',
    rates: {
      busy: (scale * total.busy) / minutes.busy / 60,
      quiet: (scale * total.quiet) / minutes.quiet / 60,
    },
    meanSojournSeconds: sojourn,
    switchRates: { busyToQuiet: 1 / sojourn.busy, quietToBusy: 1 / sojourn.quiet },
  };
}

function arrivalModel(input: SuggestInput): { arrivals: ArrivalSuggestion | null; text: string } {
  const { rows, durationSeconds, interarrivalCv: cv } = input;
  const rate = durationSeconds > 0 ? rows / durationSeconds : 0;
  const cvText = cv === null ? 'undefined' : fmt(cv);
  // One row, or every row at one time: no span, so no rate (a fit to it is refused at load).
  // No model rather than `poisson` at rate 0, which a scenario refuses: copied, it would not load.
  if (durationSeconds <= 0)
    return {
      arrivals: null,
      text: `The arrivals span 0 s (${rows === 1 ? 'one row' : `${rows} rows, all at one time`}): no rate to fit; replay the trace, or give arrivals by hand.`,
    };
  const minutes = fullMinutes(input.ratePerMinute, durationSeconds);
  if (minutes.length >= 6) {
    const t = linearTrend(minutes);
    const change = t.mean === 0 ? 0 : Math.abs(t.slope * (minutes.length - 1)) / t.mean;
    if (t.r2 >= 0.5 && change >= 0.5) {
      return {
        arrivals: {
          process: 'piecewise',
          stepSeconds: 60,
          rates: input.ratePerMinute.map((c) => c / 60),
          trend: { slopePerMinute: t.slope, r2: t.r2 },
        },
        text: `The rate trends (${t.slope >= 0 ? '+' : ''}${fmt(t.slope)} arrivals/min per minute, R² ${fmt(t.r2, 2)}): replay it as piecewise-constant rates per minute (diurnal), not one rate.`,
      };
    }
  }
  if (rows > 1 && input.zeroGaps / (rows - 1) >= 0.5) {
    const batches = rows - input.zeroGaps;
    const share = Math.round((100 * input.zeroGaps) / (rows - 1));
    return {
      arrivals: {
        process: 'batch',
        meanBatchSize: rows / batches,
        intervalSeconds: input.nonZeroGap.mean,
        intervalCv: input.nonZeroGap.cv,
      },
      text: `Arrivals come in batches: ${share}% of the gaps are 0, about ${fmt(rows / batches)} arrivals every ${fmt(input.nonZeroGap.mean)} s (interval CV ${input.nonZeroGap.cv === null ? '-' : fmt(input.nonZeroGap.cv, 2)}); the gap CV (${cvText}) reflects the batching, not bursts. Replay the trace or model batches at that interval.`,
    };
  }
  if (cv !== null && cv > 1.3) {
    const fit = fitMmpp2(minutes, rate);
    if (fit !== undefined) {
      const min = (s: number) => fmt(s / 60, 2);
      return {
        arrivals: fit,
        text: `Bursty (inter-arrival CV ${cvText} > 1.3): a 2-state MMPP fits, busy ${fmt(fit.rates.busy)}/s for ${min(fit.meanSojournSeconds.busy)} min on average, quiet ${fmt(fit.rates.quiet)}/s for ${min(fit.meanSojournSeconds.quiet)} min (minutes split around the median count).`,
      };
    }
    return {
      arrivals: { process: 'poisson', rate },
      text: `Bursty (inter-arrival CV ${cvText} > 1.3), but the per-minute counts do not split into busy and quiet minutes; Poisson at ${fmt(rate)}/s understates the burstiness: prefer replaying the trace.`,
    };
  }
  if (cv !== null && cv < 0.3) {
    return {
      arrivals: { process: 'constant', rate },
      text: `Nearly regular (inter-arrival CV ${cvText}): constant arrivals at ${fmt(rate)}/s.`,
    };
  }
  const regular = cv !== null && cv < 0.7 ? ' (more regular than Poisson: it overstates queueing)' : '';
  return {
    arrivals: { process: 'poisson', rate },
    text: `Inter-arrival CV ${cvText} ≈ 1: Poisson arrivals at ${fmt(rate)}/s${regular}.`,
  };
}

export function suggestModel(input: SuggestInput): Suggestion {
  const { arrivals, text } = arrivalModel(input);
  const sizes: Record<string, SizeSuggestion> = {};
  const sizeTexts: string[] = [];
  for (const [name, s] of Object.entries(input.sizes)) {
    const lognormal =
      s.mean > 0 && s.cv !== null && s.cv > 0 ? { dist: 'lognormal' as const, mean: s.mean, cv: s.cv } : null;
    sizes[name] = { lognormal, empirical: { dist: 'empirical', values: input.empirical[name] ?? [] } };
    if (lognormal !== null)
      sizeTexts.push(`${name} lognormal(mean ${fmt(s.mean)}, cv ${fmt(lognormal.cv, 2)})`);
  }
  const sizeText =
    sizeTexts.length === 0
      ? ''
      : ` Sizes: ${sizeTexts.join('; ')} by moments, or empirical: the means of 20 equal-count bins (they keep the mean).`;
  return { text: `${text}${sizeText}`, arrivals, sizes };
}
