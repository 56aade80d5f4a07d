// A 95% confidence interval as a chart draws it. Times, counts, rates and costs cannot be below 0
// and shares (utilization, hit rates) lie in [0, 1], but a Student-t interval over a few
// replications can pass those bounds (a p99 interval from −8.3 s with two replications): the band
// or whisker is cut at the bound, and the tooltip gives the interval as computed and says so. With
// one replication there is no interval (the result holds [v, v]): nothing is drawn and the
// subtitle says why.

/** What a figure can be: at least `min`, at most `max` when given. */
export interface Bounds {
  readonly min: number;
  readonly max?: number;
}

export const NON_NEGATIVE: Bounds = { min: 0 };
export const SHARE: Bounds = { min: 0, max: 1 };

const SHARES = new Set(['utilization', 'affinityHitRate', 'prefixHitRate']);
const NON_NEGATIVES = new Set([
  'responseTime',
  'waitTime',
  'throughput',
  'numberInSystem',
  'numberInQueue',
  'completed',
  'rejected',
  'cost',
  'costPerTask',
]);

/** The bounds of a figure by its path (`responseTime.p99`, `utilizationByGroup.fast`); none if unknown. */
export function metricBounds(metric: string): Bounds | undefined {
  const head = metric.split('.')[0]!;
  if (SHARES.has(metric) || head === 'utilizationByGroup') return SHARE;
  return NON_NEGATIVES.has(head) ? NON_NEGATIVE : undefined;
}

export interface Interval {
  /** The interval as computed; null when there is none (one replication, or none in the result). */
  readonly lo: number | null;
  readonly hi: number | null;
  /** The ends as drawn, cut to the bounds (and to the axis start on a log scale); null: none drawn. */
  readonly loShown: number | null;
  readonly hiShown: number | null;
  /** For the tooltip: `0.41 to 0.52`, `−8.343 to 22.83 (drawn from 0)`, `none (one replication)`. */
  readonly ci: string;
  /** Where an end passing the bounds was drawn instead: `0`, `1`, `the axis start` (absent: not cut). */
  readonly cutLo?: string;
  readonly cutHi?: string;
}

/**
 * 4 significant digits, trailing zeros dropped, with a true minus sign (as d3's `.4~g`); a whole
 * number (a count) in full, as the tables print it.
 */
export function fmt4(x: number): string {
  const text = Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : String(Number(x.toPrecision(4)));
  return text.replace('-', '−');
}

function cutWords(lo: string | undefined, hi: string | undefined): string {
  if (lo !== undefined && hi !== undefined) return ` (drawn from ${lo} to ${hi})`;
  if (lo !== undefined) return ` (drawn from ${lo})`;
  return hi === undefined ? '' : ` (drawn to ${hi})`;
}

export interface IntervalOptions {
  /** What the figure can be; the drawn interval stays inside. */
  readonly bounds?: Bounds;
  /** On a log scale: where an interval reaching 0 or below is drawn from (the axis start). */
  readonly logFloor?: number;
}

/**
 * The interval of an estimate from `replications` replications, as a chart draws it. One
 * replication gives none (the result's [v, v] means "no interval", not "exact"), as does a
 * result without one.
 */
export function drawnInterval(
  ci95: readonly [number, number] | null,
  replications: number,
  options: IntervalOptions = {},
): Interval {
  // An end JSON could not hold (a non-finite bound is written null) leaves nothing to draw either.
  const whole = ci95 !== null && Number.isFinite(ci95[0]) && Number.isFinite(ci95[1]);
  if (!whole || replications < 2)
    return {
      lo: null,
      hi: null,
      loShown: null,
      hiShown: null,
      ci: !whole ? 'none' : 'none (one replication)',
    };
  const [lo, hi] = ci95!;
  const { bounds, logFloor } = options;
  let loShown = lo;
  let hiShown = hi;
  let cutLo: string | undefined;
  let cutHi: string | undefined;
  if (bounds !== undefined && lo < bounds.min) {
    loShown = bounds.min;
    cutLo = fmt4(bounds.min);
  }
  if (bounds?.max !== undefined && hi > bounds.max) {
    hiShown = bounds.max;
    cutHi = fmt4(bounds.max);
  }
  if (logFloor !== undefined && loShown <= 0) {
    loShown = logFloor;
    cutLo = 'the axis start';
  }
  return {
    lo,
    hi,
    loShown,
    hiShown,
    ci: `${fmt4(lo)} to ${fmt4(hi)}${cutWords(cutLo, cutHi)}`,
    ...(cutLo === undefined ? {} : { cutLo }),
    ...(cutHi === undefined ? {} : { cutHi }),
  };
}

/**
 * The sentence a subtitle gives about the intervals drawn as `what` (`Whiskers`, `Band`):
 * `Whiskers: 95% confidence interval.`, plus where any was cut, or why there are none.
 */
export function intervalSentence(intervals: readonly Interval[], what: string): string {
  if (intervals.length > 0 && intervals.every((i) => i.ci === 'none (one replication)'))
    return `No ${what.toLowerCase()}: one replication gives no confidence interval.`;
  const none = intervals.some((i) => i.lo === null);
  const at = [
    ...new Set(
      [...intervals.map((i) => i.cutLo), ...intervals.map((i) => i.cutHi)].filter((c) => c !== undefined),
    ),
  ];
  return [
    `${what}: 95% confidence interval`,
    none ? ' (none where a policy has one replication)' : '',
    at.length === 0 ? '' : `, cut at ${at.join(' and ')} where it goes past (the tooltip gives it whole)`,
    '.',
  ].join('');
}

/** What a chart's line or bar stands for: the mean over replications, or the one replication's figure. */
export function meanWords(runs: readonly { readonly replications: number }[]): string {
  return runs.length > 0 && runs.every((r) => r.replications < 2)
    ? 'the figure of the one replication'
    : 'mean over replications';
}
