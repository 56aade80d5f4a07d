#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` / `npm install` through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('orchlab: not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
await import(entry.href);
