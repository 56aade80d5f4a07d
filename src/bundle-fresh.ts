// Whether a bundle made by `npm run build` (after tsc) still holds the code it was made from:
// nothing listed in its manifest (compiled modules, and packages by their directory: npm keeps
// a tarball's file dates, but a reinstall creates the directory anew) is newer than the bundle.
// After `tsc` alone, `tsc --watch` or a dependency update a bundle holds old code, and whoever
// loads it must load the compiled modules instead.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function modified(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** The manifest's inputs (paths from the project root), or undefined when it is missing or malformed. */
function manifestInputs(manifest: string): string[] | undefined {
  try {
    const { inputs } = JSON.parse(readFileSync(manifest, 'utf8')) as { inputs?: unknown };
    return Array.isArray(inputs) && inputs.every((i) => typeof i === 'string') ? inputs : undefined;
  } catch {
    return undefined;
  }
}

/** True when `bundle` and its `manifest` exist and no input under `root` is newer than the bundle. */
export function bundleIsFresh(bundle: string, manifest: string, root: string): boolean {
  const bundled = modified(bundle);
  const inputs = manifestInputs(manifest);
  if (Number.isNaN(bundled) || inputs === undefined) return false;
  // A missing input (NaN) fails the comparison too.
  return inputs.every((input) => modified(join(root, input)) <= bundled);
}
