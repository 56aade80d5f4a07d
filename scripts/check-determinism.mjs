// Lint rule the linter cannot express: no ambient clock or randomness in the engine, the core,
// the policies or the workload. Only the CLI, the runner and a future runtime may read them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const allowed = ['src/cli/', 'src/runner/', 'src/runtime/'];
const banned = /\b(Math\.random|Date\.now|performance\.now)\s*\(/;
const problems = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) {
      const rel = relative(root, path);
      if (allowed.some((a) => rel.startsWith(a))) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (banned.test(line) && !line.trim().startsWith('//'))
            problems.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
  }
}

walk(join(root, 'src'));
if (problems.length > 0) {
  console.error(
    'ambient clock or randomness outside src/cli, src/runner, src/runtime (pass a stream or `now` instead):',
  );
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('determinism check: no ambient clock or randomness in the simulator');
