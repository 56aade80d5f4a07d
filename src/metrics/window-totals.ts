// Figures that are totals over a run's observation window, not rates or per-task figures. They
// compare across the runs of a comparison only when every run observes the same window: the
// same span of virtual time (warm-up and stop both by time, or no warm-up) or the same number of
// completions (both by count: cost then is cost per task times a common count, and rejections
// are counted while each run completes the same tasks). `warmup: auto` cuts each run at its own
// point, and a warm-up and a stop of different kinds end or start each run's window at a time of
// its own (a run cut later observes fewer completions, hence less cost).
import type { Scenario } from '../workload/scenario-schema.js';

export const WINDOW_TOTALS: readonly string[] = ['completed', 'rejected', 'cost'];

export function isWindowTotal(metric: string): boolean {
  return WINDOW_TOTALS.includes(metric);
}

/** Why the runs of a scenario observe windows of their own. */
export type OwnWindows = 'auto' | 'count-then-time' | 'time-then-count';

/** Whether (and why) each run of `s` observes a window of its own; undefined when they share one. */
export function ownWindows(s: Pick<Scenario, 'warmup' | 'stop'>): OwnWindows | undefined {
  if (s.warmup === 'auto') return 'auto';
  if (s.warmup === undefined) return undefined;
  const warmupByTime = 'time' in s.warmup;
  if (warmupByTime === 'time' in s.stop) return undefined;
  return warmupByTime ? 'time-then-count' : 'count-then-time';
}

/** The first scenario among `runs` whose windows are each run's own, and why. */
export function ownWindowsOf(runs: readonly { readonly scenarioSpec: Scenario }[]): OwnWindows | undefined {
  for (const r of runs) {
    const why = ownWindows(r.scenarioSpec);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** Why, in words: a clause that reads after "over each run's own window, as". */
export function ownWindowsWords(why: OwnWindows): string {
  switch (why) {
    case 'auto':
      return 'warmup: auto cuts each run at its own point';
    case 'count-then-time':
      return 'a warm-up counted in completed tasks ends at its own time in each run, and the stop is by time';
    case 'time-then-count':
      return 'a stop counted in completed tasks comes at its own time in each run, and the warm-up is by time';
  }
}
