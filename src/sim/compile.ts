// Turns a validated Scenario into the flat tables the engine and the core index by number:
// skill names to indices, agent groups expanded to agents, each class's eligible agents.
import type { CoreClass } from '../core/orchestrator.js';
import type { AgentSpec } from '../model/fleet.js';
import type { Scenario } from '../workload/scenario-schema.js';

export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly skillNames: readonly string[];
  readonly agents: readonly AgentSpec[];
  /** True speed per agent (work units per second); policies see only the advertised one. */
  readonly trueSpeed: Float64Array;
  readonly groupNames: readonly string[];
  /** Total slots per agent group. */
  readonly groupSlots: Float64Array;
  readonly classes: readonly CoreClass[];
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const skillIndex = new Map<string, number>();
  const skillOf = (name: string) => {
    let i = skillIndex.get(name);
    if (i === undefined) {
      i = skillIndex.size;
      skillIndex.set(name, i);
    }
    return i;
  };
  const agents: AgentSpec[] = [];
  const trueSpeed: number[] = [];
  const groupSlots = new Float64Array(scenario.agents.length);
  scenario.agents.forEach((g, gi) => {
    const skills = g.skills.map(skillOf);
    for (let k = 0; k < g.count; k++) {
      agents.push({
        group: gi,
        slots: g.slots,
        speed: g.advertisedSpeed ?? g.speed,
        queueCapacity: g.queueCapacity ?? Number.POSITIVE_INFINITY,
        skills,
      });
      trueSpeed.push(g.speed);
    }
    groupSlots[gi] = g.slots * g.count;
  });
  const classes: CoreClass[] = scenario.workload.classes.map((c) => {
    const skill = skillOf(c.skill);
    const eligible = Int32Array.from(
      agents.flatMap((a, i) => (a.skills.includes(skill) ? [i] : [])),
    );
    return { name: c.name, skill, eligible };
  });
  return {
    scenario,
    skillNames: [...skillIndex.keys()],
    agents,
    trueSpeed: Float64Array.from(trueSpeed),
    groupNames: scenario.agents.map((g) => g.name),
    groupSlots,
    classes,
  };
}
