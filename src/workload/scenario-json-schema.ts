// The JSON Schema of the scenario format, generated from the zod schema so editors can
// autocomplete and check scenario files (`$schema: ../scenario.schema.json`).
import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.js';

/** JSON Schema of what a user may write: fields that have defaults are optional. */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input' });
}

/** The exact text of the committed `scenario.schema.json`: pretty-printed, trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
