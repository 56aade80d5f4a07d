// Checks on a replayed trace's options that the schema alone cannot express: targetUtilization
// with a rateScale it would override, or with LLM agents, whose capacity slots × speed is not.
import { rulesFor } from './class-rules.js';
import type { Problem } from './describe-issues.js';
import type { Scenario } from './scenario-schema.js';

export function replayProblems(s: Scenario): Problem[] {
  const trace = s.workload.trace;
  if (trace?.targetUtilization === undefined) return [];
  const path = ['workload', 'trace', 'targetUtilization'];
  const problems: Problem[] = [];
  if (trace.rateScale !== undefined)
    problems.push({
      path,
      text: 'given with rateScale, which it would replace (it sets the rate scale itself); expected one of rateScale or targetUtilization',
    });
  const llm = llmGroupsServing(s);
  if (llm.length > 0)
    problems.push({
      path,
      text:
        `agents ${llm.map((g) => `'${g}'`).join(', ')} serve the trace's classes with service: { model: llm }, whose capacity ` +
        "depends on each task's tokens and prefix-cache hits, not on slots × speed, so targetUtilization cannot find the rate scale; " +
        'expected rateScale instead (a run reports the utilization it reaches)',
    });
  return problems;
}

/** Groups with service: llm that some class may be dispatched to (its skill, not kept away by `only`). */
function llmGroupsServing(s: Scenario): string[] {
  return s.agents
    .filter(
      (g) =>
        g.service?.model === 'llm' &&
        s.workload.classes.some((c) => {
          const { only } = rulesFor(s.rules, c.name);
          return g.skills.includes(c.skill) && (only === undefined || only.includes(g.name));
        }),
    )
    .map((g) => g.name);
}
