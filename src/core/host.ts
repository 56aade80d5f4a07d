// What a host (the simulator, or a production runtime) offers the orchestrator core.

export interface Host {
  /** Seconds: virtual time in the simulator, wall-clock time in production. */
  now(): number;
  /** Begin serving `task` at `agent` (the simulator schedules its completion). */
  start(task: number, agent: number): void;
  /** `task` was turned away: no room anywhere it may go. */
  rejected(task: number): void;
}
