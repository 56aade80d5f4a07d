// A scenario field whose value cannot be used, found after validation (a fit to a trace column
// the trace lacks, a trace that cannot be fitted): parseScenario names the file, line and field,
// as for any invalid field.
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { describeIssues, pathText } from './describe-issues.js';

export class ScenarioFieldError extends InputError {
  constructor(
    readonly path: readonly (string | number)[],
    readonly reason: string,
  ) {
    super(`${path.join('.')}: ${reason}`);
    this.name = 'ScenarioFieldError';
  }
}

/**
 * `fitted`, a model a fit at `path` made (`what`: "the batch process fitted to trace t.csv"), as
 * the schema would take it written by hand; else a ScenarioFieldError saying why.
 */
export function checkFitted<S extends z.ZodType>(
  schema: S,
  fitted: unknown,
  path: readonly (string | number)[],
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(fitted);
  if (parsed.success) return parsed.data;
  const why = describeIssues(parsed.error.issues, fitted, schema)
    .map((p) => `${pathText(p.path)}: ${p.text}`)
    .join('; ');
  throw new ScenarioFieldError(path, `${what} would be refused if written by hand (${why})`);
}
