// The versioned result of `orchlab run` (format orchlab.run/1). Its shape is a contract:
// fields may be added, never renamed or removed within a format version.
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import type { TimelineData } from '../metrics/timeline.js';
import type { Scenario } from '../workload/scenario-schema.js';
import type { SkippedRows } from '../workload/synthetic.js';
import type { EstimateTree } from './estimate-tree.js';
import type { WarmupCut } from './warmup.js';

export const RUN_FORMAT = 'orchlab.run/1';

export interface ReplicationSummary {
  readonly replication: number;
  readonly events: number;
  readonly decisionHash: string;
  readonly warmupEndSeconds: number;
  readonly endSeconds: number;
  readonly metrics: ReplicationMetrics;
  /** Figures over virtual time (per-agent utilization only in replication 0). */
  readonly timeline: TimelineData;
  /** With warmup: auto, where MSER-5 ended the transient (absent otherwise). */
  readonly warmupCut?: WarmupCut;
  /**
   * The workload ran out of tasks (a replayed trace's last row, arrivals that ended) before the
   * scenario's stop, so the run ended with its last task (absent otherwise).
   */
  readonly workloadEnded?: true;
  /** A replay with skipBadRows: how many bad rows were skipped, and the first few reasons (absent when none). */
  readonly skippedRows?: SkippedRows;
}

export interface RunResult {
  readonly format: typeof RUN_FORMAT;
  readonly orchlab: string;
  readonly scenario: string;
  readonly policy: {
    readonly name: string;
    readonly params: Record<string, unknown>;
    /** How comparisons and reports name this run: the name, plus parameters given on the command line or taken from the scenario file. */
    readonly label: string;
  };
  readonly seed: number;
  readonly replications: number;
  /**
   * With replications: auto, the replications the precision target needs as estimated from the
   * ones run, ⌈n·(h / (precision·mean))²⌉ on the mean response time (absent otherwise).
   */
  readonly replicationsTarget?: number;
  /** With replications: auto, whether the 95% CI half-width of the mean response time is within precision × mean. */
  readonly precisionMet?: boolean;
  readonly metrics: EstimateTree<Omit<ReplicationMetrics, 'classes'>>;
  readonly classes: Record<string, EstimateTree<ReplicationMetrics['classes'][string]>>;
  /** SHA-256 over the scenario, policy, seed and every replication's decisions and figures. */
  readonly digest: string;
  readonly events: number;
  readonly replicationResults: readonly ReplicationSummary[];
  /** The normalized scenario that produced this result (defaults filled, overrides applied). */
  readonly scenarioSpec: Scenario;
}
