// Replaying a trace faster or slower: arrival times are divided by a rate scale.
import { InputError } from '../../errors.js';

function checkPositive(what: string, x: number): void {
  if (!(Number.isFinite(x) && x > 0)) throw new InputError(`${what}: expected a number > 0, got ${x}`);
}

/** `time / rateScale`: 2 replays twice as fast (arrivals at half the times), 0.5 half as fast. */
export function scaleTimes(time: number, rateScale: number): number {
  checkPositive('rateScale', rateScale);
  return time / rateScale;
}

/**
 * The rateScale that makes a trace load a fleet to `target` utilization.
 *
 * A trace brings `traceMeanWorkPerSecond` work units per second (the sum of the sizes over the
 * duration, `workPerSecond` in `inspectTrace`'s stats). Replayed with rateScale r it brings r times
 * as much; the fleet serves `fleetCapacityPerSecond` (sum over agents of slots x speed). The offered
 * utilization r x work / capacity equals `target` for r = target x capacity / work. A target of 1
 * or more overloads the fleet: the queues grow for the whole replay.
 */
export function rateScaleForUtilization(
  traceMeanWorkPerSecond: number,
  fleetCapacityPerSecond: number,
  target: number,
): number {
  checkPositive('trace work per second', traceMeanWorkPerSecond);
  checkPositive('fleet capacity per second', fleetCapacityPerSecond);
  checkPositive('targetUtilization', target);
  return (target * fleetCapacityPerSecond) / traceMeanWorkPerSecond;
}
