// The figures one replication produces (before replications are combined into estimates).

export interface QuantileSummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
}

export interface ClassMetrics {
  responseTime: QuantileSummary;
  waitTime: QuantileSummary;
  completed: number;
  rejected: number;
}

export interface ReplicationMetrics {
  responseTime: QuantileSummary;
  waitTime: QuantileSummary;
  /** Completions per second in the observation window. */
  throughput: number;
  /** Busy slot-seconds / (slots x observed seconds), whole fleet. */
  utilization: number;
  utilizationByGroup: Record<string, number>;
  /** Time-averaged tasks in the system (waiting or in service). */
  numberInSystem: number;
  /** Time-averaged tasks waiting. */
  numberInQueue: number;
  /** Tasks completed in the observation window (after warm-up). */
  completed: number;
  /** Tasks turned away in the observation window. */
  rejected: number;
  /** Total cost of the tasks completed in the window (busy seconds and work units at agent prices). */
  cost: number;
  /** Cost over completed tasks; NaN when none completed (no figure, not a cost of 0). */
  costPerTask: number;
  /** Share of keyed tasks that started at an agent remembering their key; NaN without keys. */
  affinityHitRate: number;
  /** Share of LLM prompt tokens served from agents' prefix caches; NaN without prefix data. */
  prefixHitRate: number;
  classes: Record<string, ClassMetrics>;
}
