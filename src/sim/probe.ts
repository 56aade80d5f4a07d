// Optional instrumentation for invariant checks in tests: told every lifecycle step of every task.
// Off (undefined) in normal runs, so it costs one comparison per step.

export interface Probe {
  arrived(seq: number, cls: number, now: number): void;
  started(seq: number, agent: number, now: number): void;
  completed(seq: number, agent: number, now: number): void;
  rejected(seq: number, now: number): void;
}
