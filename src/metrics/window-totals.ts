// Figures that are totals over a run's observation window, not rates or per-task figures. With
// `warmup: auto` every run is cut at its own point, so these count different windows from run to
// run (a run cut later observes fewer completions, hence less cost) and do not compare.

export const WINDOW_TOTALS: readonly string[] = ['completed', 'rejected', 'cost'];

export function isWindowTotal(metric: string): boolean {
  return WINDOW_TOTALS.includes(metric);
}
