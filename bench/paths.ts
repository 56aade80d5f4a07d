// Where things are, from wherever this file runs (dist/bench/*.js after a build, or bench/*.ts
// under a TypeScript loader): the project root, the bundled scenario, the child script.
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The nearest directory above this file holding package.json. */
export function projectRoot(): string {
  let dir = dirname(here);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`bench: no package.json above ${here}`);
    dir = up;
  }
  return dir;
}

export function scenarioPath(): string {
  return join(projectRoot(), 'scenarios', 'mmc.yaml');
}

/** The child script, with the same extension as this file (.js built, .ts under a loader). */
export function measureScript(): string {
  return join(dirname(here), `measure${extname(here)}`);
}
