// The local files a user policy module loads, for the --cache key: a change in a helper the policy
// imports must change the key as surely as a change in the policy file itself. Imports are found
// by scanning the source text (no parser: a commented-out import is followed too, which costs at
// most a needless re-run, never a stale result) and resolved as Node and tsx resolve them. Only
// relative, absolute and file: specifiers are followed; a package import or a computed
// `import(name)` cannot be, and a change there is not seen.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Files scanned for imports; anything else an import names (JSON, say) is hashed only. */
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

// Specifiers written as string literals: `from '…'` (static import and export … from), a
// side-effect `import '…'`, and `import('…')` / `require('…')` (a template without `${`).
const FROM = /\bfrom\s*(['"])([^'"\r\n]+)\1/g;
const SIDE_EFFECT = /\bimport\s*(['"])([^'"\r\n]+)\1/g;
const CALL = /\b(?:import|require)\s*\(\s*(?:(['"])([^'"\r\n]+)\1|`([^`$\r\n]+)`)\s*[,)]/g;

/** Whether a specifier names a file rather than a package: ./x, ../x, /abs/x, file:///x. */
export function isLocalSpecifier(specifier: string): boolean {
  return /^\.\.?(?:\/|$)/.test(specifier) || specifier.startsWith('file:') || isAbsolute(specifier);
}

/** The local specifiers a module's source names literally, in order of appearance, each once. */
export function localSpecifiers(source: string): string[] {
  const found: { at: number; specifier: string }[] = [];
  for (const pattern of [FROM, SIDE_EFFECT, CALL])
    for (const m of source.matchAll(pattern)) found.push({ at: m.index, specifier: (m[2] ?? m[3])! });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.specifier).filter(isLocalSpecifier))];
}

// tsx lets `./x.js` name x.ts (and .mjs name .mts, .cjs name .cts), and completes an
// extensionless specifier or a directory's index; Node alone takes the exact file (and, for
// require, .js and .json). A TypeScript importer tries the TypeScript files first, a JavaScript
// one the exact file first.
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.jsx'],
  '.jsx': ['.tsx', '.ts', '.js'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const EXACT_ONLY = new Set(['.ts', '.tsx', '.mts', '.cts', '.json', '.node']);
const COMPLETIONS_TS_FIRST = ['.ts', '.tsx', '.jsx', '.js', '.json'];
const COMPLETIONS_JS_FIRST = ['.js', '.json', '.ts', '.tsx', '.jsx'];

/** The paths a resolver tries for `path`, in order: TypeScript files first or the exact file first. */
export function candidatePaths(path: string, tsFirst: boolean): string[] {
  const completions = tsFirst ? COMPLETIONS_TS_FIRST : COMPLETIONS_JS_FIRST;
  const index = completions.map((ext) => join(path, `index${ext}`));
  if (path.endsWith(sep) || path.endsWith('/')) return index;
  const ext = extname(path);
  const alternatives =
    ext in TS_FOR_JS
      ? TS_FOR_JS[ext]!.map((e) => path.slice(0, -ext.length) + e)
      : EXACT_ONLY.has(ext)
        ? []
        : completions.map((e) => path + e);
  return [...(tsFirst ? [...alternatives, path] : [path, ...alternatives]), ...index];
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** The path a specifier names from `importer`, before any extension is tried; undefined if not a file URL. */
function specifierPath(specifier: string, importer: string): string | undefined {
  try {
    // As a URL, like Node's ESM loader: ?query and #hash dropped, %20 decoded, file: URLs read.
    const url = isAbsolute(specifier)
      ? pathToFileURL(specifier)
      : new URL(specifier, pathToFileURL(importer));
    const path = fileURLToPath(url);
    return specifier.endsWith('/') && !path.endsWith(sep) ? path + sep : path;
  } catch {
    return undefined;
  }
}

/**
 * The files `specifier` may load from `importer`: what a TypeScript-first resolver picks and what
 * an exact-first one picks (both, when they differ: which one runs depends on the loader and on a
 * tsconfig's allowJs, and hashing one file too many only costs a re-run). Empty when none exists.
 */
export function resolveLocal(specifier: string, importer: string): string[] {
  const path = specifierPath(specifier, importer);
  if (path === undefined) return [];
  const picks = [true, false].flatMap((tsFirst) => candidatePaths(path, tsFirst).find(isFile) ?? []);
  return [...new Set(picks)];
}

interface ScannedFile {
  readonly hash: string;
  readonly imports: readonly string[];
}

/** A module's SHA-256 and its local imports, resolved to absolute paths; undefined if unreadable. */
function scan(path: string): ScannedFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (!SOURCE.test(path)) return { hash, imports: [] };
  const imports = localSpecifiers(bytes.toString('utf8')).flatMap((s) => resolveLocal(s, path));
  return { hash, imports };
}

/** What a policy module's cache key covers: its own hash and those of the files it imports. */
export interface ModuleGraph {
  /** The entry module's SHA-256, undefined when it cannot be read. */
  readonly hash: string | undefined;
  /**
   * The SHA-256 of each local file reached from the entry (the entry excluded), by its path
   * relative to the entry's directory with '/' separators (the same on every machine).
   */
  readonly imports: Readonly<Record<string, string>>;
}

/**
 * Hashes module graphs, reading each file once for the hasher's lifetime (one command): files
 * shared by several policies, and the many runs of one policy, cost nothing more.
 */
export function createModuleHasher(): (entry: string) => ModuleGraph {
  const files = new Map<string, ScannedFile | undefined>();
  const graphs = new Map<string, ModuleGraph>();
  const scanned = (path: string): ScannedFile | undefined => {
    if (!files.has(path)) files.set(path, scan(path));
    return files.get(path);
  };
  return (entry) => {
    const root = resolve(entry);
    const known = graphs.get(root);
    if (known !== undefined) return known;
    // Depth-first with a visited set: an import cycle ends where it comes back.
    const seen = new Set([root]);
    const stack = [...(scanned(root)?.imports ?? [])].reverse();
    const imports: Record<string, string> = {};
    while (stack.length > 0) {
      const path = stack.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const file = scanned(path);
      if (file === undefined) continue;
      imports[relative(dirname(root), path).split(sep).join('/')] = file.hash;
      stack.push(...[...file.imports].reverse());
    }
    const graph = { hash: scanned(root)?.hash, imports };
    graphs.set(root, graph);
    return graph;
  };
}
