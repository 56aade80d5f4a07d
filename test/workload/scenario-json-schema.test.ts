// The committed scenario.schema.json must match what the zod schema generates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/workload/scenario-json-schema.js';

const committedPath = new URL('../../scenario.schema.json', import.meta.url);

describe('scenario.schema.json', () => {
  it('is up to date with the zod schema', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed, 'scenario.schema.json is stale: run `npm run schema` and commit the result').toBe(
      scenarioJsonSchemaText(),
    );
  });

  it('describes the input shape: defaulted fields are optional', () => {
    const schema = scenarioJsonSchema() as { required?: string[] };
    expect(schema.required).toEqual(['name', 'stop', 'agents', 'workload']);
  });
});
