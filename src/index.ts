// orchlab's public API: what user-written policies and programs embedding the simulator import.
export type { Fleet, FleetView } from './model/fleet.js';
export type { TaskTableView } from './model/task-table.js';
export {
  definePolicy,
  HOLD,
  type PolicyContext,
  type PolicyDefinition,
  REJECT,
  type RoutingPolicy,
  type TaskView,
} from './policies/routing/types.js';
export { routingPolicies, routingPolicyNames } from './policies/routing/index.js';
export { checkRoutingPolicy } from './policies/routing/kit.js';
export type { Rng } from './sim/rng.js';
export type { Scenario } from './workload/scenario-schema.js';
export { loadScenarioFile } from './workload/load-scenario.js';
export { runScenario } from './runner/run-scenario.js';
export type { RunResult } from './runner/run-result.js';
