// Turns a validated Scenario into the flat tables the engine and the core index by number:
// skill names to indices, agent groups expanded to agents, and for each class the agents it may
// use after capability matching and the scenario's rules.
import type { CoreClass } from '../core/orchestrator.js';
import type { AgentSpec } from '../model/fleet.js';
import { rulesFor } from '../workload/class-rules.js';
import type { Scenario } from '../workload/scenario-schema.js';

export interface LlmTables {
  readonly isLlm: Uint8Array;
  readonly prefillTokensPerSecond: Float64Array;
  readonly decodeTokensPerSecond: Float64Array;
  readonly overheadSeconds: Float64Array;
  /** Tokens per minute; Infinity when unlimited. */
  readonly tokensPerMinute: Float64Array;
  /** Prefix-cache capacity in blocks; 0 when none. */
  readonly cacheBlocks: Int32Array;
  readonly blockTokens: Int32Array;
}

export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly skillNames: readonly string[];
  readonly agents: readonly AgentSpec[];
  /** True speed per agent (work units per second); policies see only the advertised one. */
  readonly trueSpeed: Float64Array;
  /** Service-time divisor when the agent recently served the task's key (1: no locality). */
  readonly affinitySpeedup: Float64Array;
  /** Keys each agent remembers for affinity. */
  readonly affinityKeys: Int32Array;
  /** LLM service model per agent (undefined when no agent uses it). */
  readonly llm: LlmTables | undefined;
  readonly groupNames: readonly string[];
  /** Total slots per agent group. */
  readonly groupSlots: Float64Array;
  readonly classes: readonly CoreClass[];
  /** Per agent, the classes it may serve (skill and rules). */
  readonly classesOf: readonly Int32Array[];
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
  const speedup: number[] = [];
  const keys: number[] = [];
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
        costPerSecond: g.cost?.perSecond ?? 0,
        costPerUnit: g.cost?.perUnit ?? 0,
      });
      trueSpeed.push(g.speed);
      speedup.push(g.affinitySpeedup);
      keys.push(g.affinityKeys);
    }
    groupSlots[gi] = g.slots * g.count;
  });
  const perAgent = <T>(f: (g: Scenario['agents'][number]) => T) =>
    scenario.agents.flatMap((g) => Array.from({ length: g.count }, () => f(g)));
  const anyLlm = scenario.agents.some(
    (g) => g.service !== undefined || g.rateLimit !== undefined || g.prefixCache !== undefined,
  );
  const llm: LlmTables | undefined = anyLlm
    ? {
        isLlm: Uint8Array.from(perAgent((g) => (g.service?.model === 'llm' ? 1 : 0))),
        prefillTokensPerSecond: Float64Array.from(perAgent((g) => g.service?.prefillTokensPerSecond ?? 1)),
        decodeTokensPerSecond: Float64Array.from(perAgent((g) => g.service?.decodeTokensPerSecond ?? 1)),
        overheadSeconds: Float64Array.from(perAgent((g) => g.service?.overheadSeconds ?? 0)),
        tokensPerMinute: Float64Array.from(
          perAgent((g) => g.rateLimit?.tokensPerMinute ?? Number.POSITIVE_INFINITY),
        ),
        cacheBlocks: Int32Array.from(perAgent((g) => g.prefixCache?.blocks ?? 0)),
        blockTokens: Int32Array.from(perAgent((g) => g.prefixCache?.blockTokens ?? 512)),
      }
    : undefined;
  const groupIndex = new Map(scenario.agents.map((g, i) => [g.name, i]));
  const inGroups = (names: readonly string[] | undefined) => {
    const set = new Set((names ?? []).map((n) => groupIndex.get(n)));
    return (a: AgentSpec) => set.has(a.group);
  };
  const classes: CoreClass[] = scenario.workload.classes.map((c) => {
    const skill = skillOf(c.skill);
    const rule = rulesFor(scenario.rules, c.name);
    const only = rule.only === undefined ? () => true : inGroups(rule.only);
    const list = agents.flatMap((a, i) => (a.skills.includes(skill) && only(a) ? [i] : []));
    const eligible = Int32Array.from(list);
    const prefer = rule.prefer === undefined ? undefined : inGroups(rule.prefer);
    const preferred =
      prefer === undefined ? undefined : Int32Array.from(list.filter((i) => prefer(agents[i]!)));
    const slots = list.reduce((s, i) => s + agents[i]!.slots, 0);
    const byShare =
      rule.maxShare === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(rule.maxShare * slots));
    return {
      name: c.name,
      skill,
      eligible,
      ...(preferred !== undefined && preferred.length > 0
        ? { preferred, spillQueue: rule.spillQueue ?? 0 }
        : {}),
      maxDispatched: Math.min(rule.maxSlots ?? Number.POSITIVE_INFINITY, byShare),
    };
  });
  // One pass over each class's eligible list (not a search per agent: that is quadratic in agents).
  const lists: number[][] = agents.map(() => []);
  classes.forEach((c, ci) => {
    for (const a of c.eligible) lists[a]!.push(ci);
  });
  const classesOf = lists.map((l) => Int32Array.from(l));
  return {
    scenario,
    skillNames: [...skillIndex.keys()],
    agents,
    trueSpeed: Float64Array.from(trueSpeed),
    affinitySpeedup: Float64Array.from(speedup),
    affinityKeys: Int32Array.from(keys),
    llm,
    groupNames: scenario.agents.map((g) => g.name),
    groupSlots,
    classes,
    classesOf,
  };
}
