// A policy sandbox: a hand-made fleet, task table and clock for calling a routing policy's route()
// directly, one decision at a time, with agent loads set by hand. For unit tests of a choice rule
// (the conformance kit and the simulator test whole runs). Every class may use every agent with its
// skill; there are no rules.
import { Fleet } from '../../src/model/fleet.js';
import { TaskTable } from '../../src/model/task-table.js';
import type { Rng } from '../../src/sim/rng.js';
import type { PolicyContext, PolicyDefinition, RoutingPolicy, TaskView } from '../../src/policies/routing/types.js';

export interface SandboxAgent {
  readonly slots?: number;
  /** Advertised speed, work units per second. Default 1. */
  readonly speed?: number;
  /** Default ['a']. */
  readonly skills?: readonly string[];
  readonly queueCapacity?: number;
  readonly costPerSecond?: number;
  readonly costPerUnit?: number;
}

export interface TaskSpec {
  /** Class index. Default 0. */
  readonly cls?: number;
  /** Work units. Default 1. */
  readonly size?: number;
  /** Affinity key. Default -1 (none). */
  readonly key?: number;
}

export interface Sandbox {
  readonly fleet: Fleet;
  readonly ctx: PolicyContext;
  /** Virtual seconds that ctx.now() returns; set it freely. */
  clock: number;
  /** Sets an agent's tasks in service and waiting (and the fleet's free-slot counts). */
  setLoad(agent: number, busy: number, queued?: number): void;
  /** A task of the given class, in the table, ready to route. */
  task(spec?: TaskSpec): TaskView;
  /** Frees the task's row (after its decision, or after observe()). */
  release(task: TaskView): void;
}

/**
 * Agents in index order; one class per entry of `classSkills` (default: one class of skill 'a').
 */
export function makeSandbox(
  agents: readonly SandboxAgent[],
  classSkills: readonly string[] = ['a'],
): Sandbox {
  const skillNames = [...new Set([...classSkills, ...agents.flatMap((a) => a.skills ?? ['a'])])];
  const fleet = new Fleet(
    agents.map((a) => ({
      group: 0,
      slots: a.slots ?? 1,
      speed: a.speed ?? 1,
      queueCapacity: a.queueCapacity ?? Number.POSITIVE_INFINITY,
      skills: (a.skills ?? ['a']).map((s) => skillNames.indexOf(s)),
      costPerSecond: a.costPerSecond ?? 0,
      costPerUnit: a.costPerUnit ?? 0,
    })),
    skillNames.length,
  );
  const classes = classSkills.map((s, i) => {
    const skill = skillNames.indexOf(s);
    return { name: `c${i}`, skill, eligible: fleet.agentsWithSkill[skill]! };
  });
  const tasks = new TaskTable();
  const box: Sandbox = {
    fleet,
    clock: 0,
    ctx: {
      fleet,
      now: () => box.clock,
      groupNames: ['sandbox'],
      tasks,
      discipline: 'fifo',
      centralCapacity: Number.POSITIVE_INFINITY,
      skillCount: skillNames.length,
      classes,
      classesOf: agents.map((_, a) =>
        Int32Array.from(classes.flatMap((c, ci) => (fleet.canServe(a, c.skill) ? [ci] : []))),
      ),
    },
    setLoad(agent, busy, queued = 0) {
      fleet.busy[agent] = busy;
      fleet.queued[agent] = queued;
      fleet.load[agent] = busy + queued;
      fleet.freeBySkill.fill(0);
      for (let a = 0; a < fleet.size; a++)
        for (const s of fleet.skillsOf[a]!) fleet.freeBySkill[s]! += fleet.slots[a]! - fleet.busy[a]!;
    },
    release(task) {
      tasks.release(task.id);
    },
    task(spec = {}): TaskView {
      const id = tasks.alloc();
      const cls = spec.cls ?? 0;
      tasks.cls[id] = cls;
      tasks.size[id] = spec.size ?? 1;
      tasks.key[id] = spec.key ?? -1;
      tasks.arrival[id] = box.clock;
      tasks.deadline[id] = Number.POSITIVE_INFINITY;
      const c = classes[cls]!;
      return {
        id,
        cls,
        skill: c.skill,
        size: tasks.size[id]!,
        priority: 0,
        deadline: Number.POSITIVE_INFINITY,
        key: tasks.key[id]!,
        arrival: box.clock,
        inputTokens: 0,
        outputTokens: 0,
        prefix: undefined,
        eligible: c.eligible,
      };
    },
  };
  return box;
}

/** Creates `definition` with `params` (defaults filled in) on the sandbox. */
export function sandboxPolicy(
  box: Sandbox,
  definition: PolicyDefinition,
  params: object = {},
): RoutingPolicy {
  return definition.create(definition.params.parse(params), box.ctx);
}

/** Routes `count` tasks made by `spec` and counts the picks per agent, leaving loads unchanged. */
export function pickCounts(
  box: Sandbox,
  policy: RoutingPolicy,
  rng: Rng,
  count: number,
  spec: TaskSpec = {},
): Int32Array {
  const counts = new Int32Array(box.fleet.size);
  for (let i = 0; i < count; i++) {
    const t = box.task(spec);
    counts[policy.route(t, box.fleet, rng)]!++;
    box.release(t);
  }
  return counts;
}
