// What a report can be made from: a comparison (orchlab.compare/1), a sweep (orchlab.sweep/1) or a
// single run (orchlab.run/1). The sweep shape is the one agreed with src/runner/sweep.ts; it is
// declared here, read-only, so any structurally equal SweepResult is accepted.
import type { PairedResult } from '../analysis/compare-runs.js';
import type { CompareResult } from '../runner/compare.js';
import type { RunResult } from '../runner/run-result.js';

export const SWEEP_FORMAT = 'orchlab.sweep/1';

export interface SweepAxis {
  /** A scenario path, as in `--set` (e.g. `workload.arrivals.rate`). */
  readonly path: string;
  readonly values: readonly unknown[];
}

export interface SweepPoint {
  /** The value of every axis at this point, by path. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly runs: readonly RunResult[];
  readonly paired: readonly PairedResult[];
  readonly best: Readonly<Record<string, string>>;
  /** Why the point did not run (its scenario is invalid); absent when it ran. */
  readonly error?: string;
  readonly failures?: readonly { readonly policy: string; readonly error: string }[];
}

export interface SweepResult {
  readonly format: typeof SWEEP_FORMAT;
  readonly orchlab: string;
  readonly scenario: string;
  readonly axes: readonly SweepAxis[];
  readonly points: readonly SweepPoint[];
}

export type ReportInput = CompareResult | SweepResult | RunResult;
