// The manifest beside a bundle: what went into it, as paths from the project root, read by
// src/bundle-fresh.ts to tell whether the bundle still holds the current code. A package counts
// by its directory: npm keeps the tarball's file dates, but a reinstall creates the directory anew.
import { readFileSync, writeFileSync } from 'node:fs';

/** Writes the manifest for an esbuild result's metafile to `path`, with the bundle's own `files`. */
export function writeManifest(path, metafile, files = []) {
  const inputs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = /^(node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    inputs.add(pkg === null ? input : pkg[1]);
  }
  writeFileSync(path, `${JSON.stringify({ inputs: [...inputs], files }, null, 1)}\n`);
}

/** The bundle's files as the manifest at `path` lists them; none when it is missing or unreadable. */
export function manifestFiles(path) {
  try {
    const { files } = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(files) ? files.filter((f) => typeof f === 'string') : [];
  } catch {
    return [];
  }
}
