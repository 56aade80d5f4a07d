// A time-weighted average of a piecewise-constant quantity (number in system, busy slots):
// the area under it divided by the time observed. Updated only when the value changes.

export class TimeAverage {
  private area = 0;
  private last: number;
  private since: number;
  value = 0;

  constructor(start = 0) {
    this.last = start;
    this.since = start;
  }

  /** The quantity changes by `delta` at time `now`. */
  add(now: number, delta: number): void {
    this.area += (now - this.last) * this.value;
    this.last = now;
    this.value += delta;
  }

  /** Forget the past (end of warm-up) but keep the current value. */
  restart(now: number): void {
    this.area = 0;
    this.last = now;
    this.since = now;
  }

  /** Area under the curve from the (re)start to `now`. */
  areaUntil(now: number): number {
    return this.area + (now - this.last) * this.value;
  }

  averageUntil(now: number): number {
    const span = now - this.since;
    return span > 0 ? this.areaUntil(now) / span : this.value;
  }
}
