// Turns the samples of a bench run into table rows: medians per measurement, the speed ratio to
// the ceiling of the same size, and the verdict against the targets.
import { measurementLabel, type Measurement } from './plan.js';
import type { Sample } from './sample.js';
import { median } from './stats.js';
import { type Check, checksFor, verdict } from './targets.js';

export interface ResultRow {
  readonly tasks: number;
  readonly label: string;
  readonly kind: 'ceiling' | 'orchlab';
  readonly policy: string | undefined;
  readonly samples: readonly Sample[];
  /** Medians over the samples. */
  readonly eventsPerSecond: number;
  readonly peakRssMB: number;
  readonly minEventsPerSecond: number;
  readonly maxEventsPerSecond: number;
  /** Median events/s over the ceiling's median events/s at the same size. */
  readonly ratio: number;
  readonly checks: readonly Check[];
  readonly verdict: string;
}

export function summarize(plan: readonly Measurement[], samples: readonly Sample[][]): ResultRow[] {
  const ceiling = new Map<number, number>();
  plan.forEach((m, i) => {
    if (m.kind === 'ceiling') ceiling.set(m.tasks, median(samples[i]!.map((s) => s.eventsPerSecond)));
  });
  return plan.map((m, i) => {
    const own = samples[i]!;
    const eps = own.map((s) => s.eventsPerSecond);
    const figures = {
      kind: m.kind,
      tasks: m.tasks,
      policy: m.policy,
      eventsPerSecond: median(eps),
      peakRssMB: median(own.map((s) => s.peakRssMB)),
      ratio: median(eps) / (ceiling.get(m.tasks) ?? Number.NaN),
    };
    const checks = checksFor(figures);
    return {
      ...figures,
      label: measurementLabel(m),
      samples: own,
      minEventsPerSecond: Math.min(...eps),
      maxEventsPerSecond: Math.max(...eps),
      checks,
      verdict: verdict(figures, checks),
    };
  });
}
