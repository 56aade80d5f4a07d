// User-written routing policies: `--policy ./my-policy.ts` (or .js/.mjs) loads a module whose
// default export is a policy definition of the same interface as the built-in ones. TypeScript
// modules are loaded through tsx, so users need no build step.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { InputError, thrownText } from '../errors.js';
import { importModule } from './dynamic-import.js';
import { guardPolicy } from './guard-policy.js';
import type { PolicyDefinition } from '../policies/routing/types.js';

const TSX_API = 'tsx/esm/api';
const loaded = new Map<string, PolicyDefinition>();

/** Whether a --policy value names a module file rather than a registered policy. */
export function isPolicyPath(name: string): boolean {
  return /\.(ts|mts|js|mjs)$/.test(name);
}

/** What a policy name stands for: a registered name as it is, a module path made absolute. */
export function policyIdentity(name: string): string {
  return isPolicyPath(name) ? resolve(name) : name;
}

/** Whether two policy names are the same policy: one registered name, or paths to one module file. */
export function samePolicy(a: string, b: string): boolean {
  return policyIdentity(a) === policyIdentity(b);
}

/** A policy loaded earlier by loadUserPolicy (resolvePolicy looks here for paths). */
export function loadedUserPolicy(path: string): PolicyDefinition | undefined {
  return loaded.get(resolve(path));
}

function isZodSchema(x: unknown): x is z.ZodType<object> {
  return (
    typeof x === 'object' && x !== null && typeof (x as { safeParse?: unknown }).safeParse === 'function'
  );
}

/** Loads (once) and checks a policy module. */
export async function loadUserPolicy(path: string): Promise<PolicyDefinition> {
  const abs = resolve(path);
  const cached = loaded.get(abs);
  if (cached !== undefined) return cached;
  if (!existsSync(abs)) throw new InputError(`${path}: policy module not found`);
  let mod: { default?: unknown };
  try {
    if (/\.m?ts$/.test(abs)) {
      // A specifier in a variable: the bundler leaves tsx a package (it installs loader hooks).
      const { tsImport } = (await importModule(TSX_API)) as typeof import('tsx/esm/api');
      mod = (await tsImport(pathToFileURL(abs).href, import.meta.url)) as { default?: unknown };
    } else {
      mod = (await importModule(pathToFileURL(abs).href)) as { default?: unknown };
    }
  } catch (err) {
    throw new InputError(
      `${path}: cannot load policy module: ${err instanceof Error ? err.message : thrownText(err)}`,
    );
  }
  // tsx may wrap a CommonJS-looking module's default export once more.
  let def = mod.default as Record<string, unknown> | undefined;
  if (def !== undefined && typeof def.create !== 'function' && typeof def.default === 'object')
    def = def.default as Record<string, unknown>;
  if (
    def === undefined ||
    typeof def !== 'object' ||
    typeof def.name !== 'string' ||
    typeof def.create !== 'function'
  )
    throw new InputError(
      `${path}: the default export is not a routing policy; expected { name: string, create(params, ctx) } (see docs/policies.md)`,
    );
  const definition = guardPolicy({
    name: def.name,
    summary: typeof def.summary === 'string' ? def.summary : `user policy from ${path}`,
    params: isZodSchema(def.params) ? def.params : z.looseObject({}),
    create: def.create as PolicyDefinition['create'],
  });
  loaded.set(abs, definition);
  return definition;
}
