// Timestamps as exact (whole, fraction) pairs, so a 7-digit fraction of a 1.7e9 epoch second
// survives: the whole part is an integer and the fraction is parsed on its own. Differences are
// taken part by part before they are added.

/** A time in some unit: `whole + frac`, where `whole` is an integer and |frac| < 1. */
export interface TimePoint {
  whole: number;
  frac: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for decimal numbers such as `12`, `-3.5`, `.5`, `1e3`; no hex, no Infinity, no blanks. */
export function isNumericText(text: string): boolean {
  return NUMBER.test(text);
}

/** Parses a numeric timestamp into `into`; false if `text` is not a number. Decimal fractions stay exact. */
export function parseNumericTime(text: string, into: TimePoint): boolean {
  const m = DECIMAL.exec(text);
  if (m !== null) {
    const sign = m[1] === '-' ? -1 : 1;
    const digits = m[3] ?? '';
    into.whole = sign * Number(m[2]);
    into.frac = digits === '' ? 0 : (sign * Number(digits)) / 10 ** digits.length;
    return true;
  }
  const x = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(x)) return false;
  setNumber(x, into);
  return true;
}

export function setNumber(x: number, into: TimePoint): void {
  const whole = Math.trunc(x);
  into.whole = whole;
  into.frac = x - whole;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO-8601 date-time in seconds since the epoch: `2023-11-16 18:17:03.9799600`,
 * `2023-11-16T18:17:03Z`, `2023-11-16T19:17:03+01:00`, `2023-11-16`. No zone means UTC.
 * Every fractional digit is kept. Returns false if `text` is not such a time.
 */
export function parseIsoTime(text: string, into: TimePoint): boolean {
  const m = ISO.exec(text);
  if (m === null) return false;
  const day = dayStart(m[1]!, m[2]!, m[3]!);
  if (day === undefined) return false;
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || sec > 59) return false;
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const zh = Number(digits.slice(1, 3));
    const zm = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
    if (zh > 23 || zm > 59) return false;
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 3600 + zm * 60);
  }
  const fraction = m[7];
  into.whole = day + h * 3600 + mi * 60 + sec - offset;
  into.frac = fraction === undefined ? 0 : Number(fraction) / 10 ** fraction.length;
  return true;
}

// Rows of a trace share their date: remember the last one (a pure cache, same answers).
const lastDate = { y: '', mo: '', d: '', start: undefined as number | undefined };

/** Seconds since the epoch at 00:00 UTC of the date, or undefined for an impossible date. */
function dayStart(y: string, mo: string, d: string): number | undefined {
  if (d === lastDate.d && mo === lastDate.mo && y === lastDate.y) return lastDate.start;
  const month = Number(mo);
  const date = Number(d);
  const ms = Date.UTC(Number(y), month - 1, date);
  const valid = month >= 1 && month <= 12 && date >= 1 && new Date(ms).getUTCDate() === date;
  lastDate.y = y;
  lastDate.mo = mo;
  lastDate.d = d;
  lastDate.start = valid ? ms / 1000 : undefined;
  return lastDate.start;
}

/** `a - b` in the unit of the points: the integer parts first, so no digit of the fractions is lost. */
export function timeDiff(a: TimePoint, b: TimePoint): number {
  return a.whole - b.whole + (a.frac - b.frac);
}

/** Units per second of a numeric timestamp (ISO times are in seconds); divide by it. */
export function unitsPerSecond(unit: 's' | 'ms' | 'us' | 'iso'): number {
  switch (unit) {
    case 's':
    case 'iso':
      return 1;
    case 'ms':
      return 1e3;
    case 'us':
      return 1e6;
  }
}
