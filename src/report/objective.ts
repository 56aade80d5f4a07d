// What "best" means for a report. By default the lowest p99 response time. A scenario may carry
//   objective: { metric: cost, subjectTo: { responseTime.p99: 5 } }
// meaning: among the policies whose p99 response time (mean over replications) is at most 5 s,
// the one with the lowest cost. `metric` is any figure path of a run (lower is better);
// `subjectTo` maps figure paths to upper bounds, all of which must hold.
import { z } from 'zod';
import { InputError } from '../errors.js';
import { messages } from './messages.js';

export const objectiveSchema = z.strictObject({
  metric: z.string().min(1).default('responseTime.p99'),
  subjectTo: z
    .record(z.string().min(1), z.number({ error: 'expected an upper bound (a number)' }))
    .default({}),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const DEFAULT_OBJECTIVE: Objective = { metric: 'responseTime.p99', subjectTo: {} };

/**
 * The objective in `scenarioSpec.objective`, or the default when there is none. `where` names the
 * source in messages; `known` lists the figure paths the runs hold.
 */
export function readObjective(scenarioSpec: unknown, where: string, known: readonly string[]): Objective {
  const raw = (scenarioSpec as { objective?: unknown } | null)?.objective;
  if (raw === undefined) return DEFAULT_OBJECTIVE;
  const parsed = objectiveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(messages.badObjective(where, `${path}${issue.message}`));
  }
  for (const metric of [parsed.data.metric, ...Object.keys(parsed.data.subjectTo)])
    if (!known.includes(metric))
      throw new InputError(messages.badObjective(where, messages.unknownMetric(metric, known)));
  return parsed.data;
}
