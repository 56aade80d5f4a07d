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
  id: number;
  cls: number;
  skill: number;
  size: number;
  priority: number;
  deadline: number;
  key: number;
  arrival: number;
  /** Agents that have the task's skill (capability matching is applied before any policy). */
  eligible: Int32Array;
}

export interface PolicyContext {
  readonly fleet: FleetView;
  /** Read fields through this object each time (arrays are replaced when the table grows). */
  readonly tasks: TaskTableView;
  readonly discipline: Discipline;
  /** Capacity of a central queue a HOLD policy keeps; Infinity when unbounded. */
  readonly centralCapacity: number;
  readonly skillCount: number;
  readonly classes: readonly { readonly name: string; readonly skill: number }[];
}

export interface RoutingPolicy {
  readonly name: string;
  /** An eligible agent index, HOLD or REJECT. */
  route(task: TaskView, fleet: FleetView, rng: Rng): number;
  /** For policies that HOLD: the next held task agent `agent` should serve now, or -1. */
  release?(agent: number, fleet: FleetView): number;
  /** Called when a task finishes at `agent`, with the response time it observed there. */
  observe?(agent: number, task: number, responseSeconds: number): void;
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
