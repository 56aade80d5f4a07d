// The routing policy interface. A policy sees a task and the fleet through read-only views and
// picks an agent; it never reads a clock or an ambient random source (both are handed in).
import type { z } from 'zod';
import type { Rng } from '../../sim/rng.js';
import type { FleetView } from '../../model/fleet.js';
import type { TaskTableView } from '../../model/task-table.js';
import type { Discipline } from '../../workload/scenario-schema.js';

/** route() result: the policy keeps the task and hands it back later through release(). */
export const HOLD = -1;
/** route() result: the task is turned away (counted as rejected). */
export const REJECT = -2;

/** The task being routed. One object is reused for every decision: read it, do not keep it. */
export interface TaskView {
  readonly id: number;
  readonly cls: number;
  readonly skill: number;
  /** Work units. */
  readonly size: number;
  readonly priority: number;
  /** Absolute deadline in seconds; Infinity when none. */
  readonly deadline: number;
  /** Affinity key (tenant, session); -1 when none. */
  readonly key: number;
  /** Arrival time in seconds. */
  readonly arrival: number;
  /** LLM prompt and generated tokens (0 when the task has none). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Prompt-prefix block ids; undefined when the task has none. */
  readonly prefix: Int32Array | undefined;
  /** Agents that have the task's skill (capability matching is applied before any policy). */
  readonly eligible: Int32Array;
}

export interface PolicyContext {
  readonly fleet: FleetView;
  /** The host's clock in seconds (virtual in the lab, wall-clock in production). */
  readonly now: () => number;
  /** Agent group names, indexed like fleet.group values. */
  readonly groupNames: readonly string[];
  /** Read fields through this object each time (arrays are replaced when the table grows). */
  readonly tasks: TaskTableView;
  readonly discipline: Discipline;
  /** Capacity of a central queue a HOLD policy keeps; Infinity when unbounded. */
  readonly centralCapacity: number;
  readonly skillCount: number;
  readonly classes: readonly { readonly name: string; readonly skill: number; readonly eligible: Int32Array }[];
  /** Per agent, the classes it may serve (its skills and the scenario's rules). */
  readonly classesOf: readonly Int32Array[];
}

export interface RoutingPolicy {
  readonly name: string;
  /** An eligible agent index, HOLD or REJECT. */
  route(task: TaskView, fleet: FleetView, rng: Rng): number;
  /** For policies that HOLD: the next held task agent `agent` should serve now, or -1. */
  release?(agent: number, fleet: FleetView): number;
  /**
   * Called when `task` finishes at `agent`, before the task's row is freed, with the latency a
   * dispatcher observes: completion minus the moment the task was sent to the agent.
   */
  observe?(agent: number, task: number, latencySeconds: number): void;
  /** Called when `agent` has no task left (in service or queued): it became idle. */
  idle?(agent: number): void;
}

export interface PolicyDefinition<P extends object = object> {
  readonly name: string;
  /** One line: what it does. */
  readonly summary: string;
  /** Its parameters with defaults, units and ranges. */
  readonly params: z.ZodType<P>;
  create(params: P, ctx: PolicyContext): RoutingPolicy;
}

/** Declares a policy with its parameter type inferred from the schema. */
export function definePolicy<S extends z.ZodType<object>>(def: {
  name: string;
  summary: string;
  params: S;
  create(params: z.output<S>, ctx: PolicyContext): RoutingPolicy;
}): PolicyDefinition<z.output<S>> {
  return def as unknown as PolicyDefinition<z.output<S>>;
}
