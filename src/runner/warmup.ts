// warmup: auto. The engine records response-time batch means from time 0 (and applies no warm-up);
// MSER-5 on that series says how many completions the transient lasted. The runner then re-runs
// the replication with that warm-up: same seeds, same trajectory, statistics without the transient.
// The price is a second pass, so warmup: auto doubles the simulation time of every replication.
import { mserTruncation } from '../analysis/mser.js';
import type { BatchSeriesData } from '../metrics/batch-series.js';
import type { Scenario } from '../workload/scenario-schema.js';

/** Where warmup: auto cut a replication. */
export interface WarmupCut {
  /** Completions discarded (d* batches of the series' batch size). */
  readonly completed: number;
  /** Virtual time at which observation began. */
  readonly seconds: number;
  /**
   * Present when the cut is the largest MSER allows, half the series: the transient may last
   * longer than the run has shown (White 1997 reads it as "run longer").
   */
  readonly atLimit?: true;
}

export interface DetectedWarmup {
  /** Completions to discard: d*·batchSize. */
  readonly completed: number;
  /** d* is ⌊k/2⌋ for k batches, the largest cut allowed. */
  readonly atLimit: boolean;
}

/** The cut MSER puts on the batch means (none without a series, or with fewer than 2 batches). */
export function autoWarmup(series: BatchSeriesData | undefined): DetectedWarmup {
  if (series === undefined || series.means.length < 2) return { completed: 0, atLimit: false };
  const { batches } = mserTruncation(series.means);
  return { completed: batches * series.batchSize, atLimit: batches === Math.floor(series.means.length / 2) };
}

/** The scenario of the second pass: the detected warm-up made explicit. */
export function withDetectedWarmup(scenario: Scenario, completed: number): Scenario {
  // completed: 0 is below the schema's minimum but the engine reads it as "observe from time 0".
  return { ...scenario, warmup: { completed } };
}
