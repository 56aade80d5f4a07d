// Where things are, from wherever the built bench runs (dist/bench/*.js): the project root, the
// bundled scenario, the child script.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * The child script beside this one. Only the built JavaScript is supported: the child runs as a
 * plain `node measure.js`, without the parent's exec flags (passing those on would, under
 * `node -e` or a loader, re-run the parent instead of the child).
 */
export function measureScript(): string {
  if (!here.endsWith('.js'))
    throw new Error('bench: run the built bench (npm run bench), not the TypeScript source');
  return join(dirname(here), 'measure.js');
}
