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
}

/** Completions to discard: d*·batchSize, d* from MSER on the batch means (0 without a series). */
export function autoWarmupCompleted(series: BatchSeriesData | undefined): number {
  if (series === undefined) return 0;
  return mserTruncation(series.means).batches * series.batchSize;
}

/** The scenario of the second pass: the detected warm-up made explicit. */
export function withDetectedWarmup(scenario: Scenario, completed: number): Scenario {
  // completed: 0 is below the schema's minimum but the engine reads it as "observe from time 0".
  return { ...scenario, warmup: { completed } };
}
