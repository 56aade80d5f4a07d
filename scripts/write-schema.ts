// Regenerates scenario.schema.json at the repo root from the zod scenario schema (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/workload/scenario-json-schema.js';

const target = fileURLToPath(new URL('../scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
