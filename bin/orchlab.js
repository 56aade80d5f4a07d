#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` / `npm install` through the prepare script): the
// bundled one (dist/src/cli/bundle/, a few files instead of ~360 modules, which starts faster) while it holds the
// current code, else the compiled modules (after `tsc` alone, when the bundle is missing, or with
// ORCHLAB_NO_BUNDLE set to anything but the empty string).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const entry = new URL('src/cli/bin.js', dist);
if (!existsSync(entry)) {
  process.stderr.write('orchlab: not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
const bundle = new URL('src/cli/bundle/bin.js', dist);
const fresh = !process.env.ORCHLAB_NO_BUNDLE && (await bundleHoldsCurrentCode());
await import((fresh ? bundle : entry).href);

async function bundleHoldsCurrentCode() {
  // dist/ built before the CLI had a bundle has no check either.
  const check = new URL('src/bundle-fresh.js', dist);
  if (!existsSync(check)) return false;
  const { bundleIsFresh } = await import(check.href);
  const path = (relative, base = dist) => fileURLToPath(new URL(relative, base));
  return bundleIsFresh(
    path('src/cli/bundle/bin.js'),
    path('src/cli/bundle/manifest.json'),
    path('../', import.meta.url),
  );
}
