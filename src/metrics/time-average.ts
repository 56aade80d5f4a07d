// The area under a piecewise-constant quantity (busy slots of one agent group) since a restart.
// Updated only when the value changes.

import { ZERO } from '../sim/double-zero.js';

export class TimeAverage {
  private area = ZERO;
  private last = ZERO;
  value = 0;

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
  }

  /** Area under the curve from the (re)start to `now`. */
  areaUntil(now: number): number {
    return this.area + (now - this.last) * this.value;
  }
}
