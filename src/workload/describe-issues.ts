// zod issues in words: each becomes a Problem at its field path with what was expected and what
// was given (`expected a whole number >= 1, got 0`, `unknown key 'sped'; did you mean 'speed'?`).
// Kept apart from load-scenario.ts (which needs the YAML parser) so worker threads, which report
// bad policy parameters, load no YAML code.
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { isMapping } from '../is-mapping.js';
import { count } from '../plural.js';

export type Path = readonly PropertyKey[];

/** One problem found in a scenario (or a policy's parameters), before it is rendered with its file and line. */
export interface Problem {
  path: Path;
  text: string;
}

/** `agents.0.slots` for ['agents', 0, 'slots']. */
export function pathText(path: Path): string {
  return path.map(String).join('.');
}

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

// ---------------------------------------------------------------------------------------------
// Turning zod issues into problems

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const seg of path) {
    if (typeof value !== 'object' || value === null || typeof seg === 'symbol') return undefined;
    value = (value as Record<string | number, unknown>)[seg];
  }
  return value;
}

/** How a value the user wrote reads in a message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty list' : `a list of ${count(value.length, 'item')}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** The `(...)` explanation the schema attaches to its messages, e.g. "tasks per second". */
function purpose(message: string): string {
  const match = /^expected [^(]*\(([^)]*)\)$/.exec(message);
  return match ? ` (${match[1]})` : '';
}

/** The schema's complaints about `data` as problems worded for people (values, hints, keys). */
/** Problems with `data` as `root` (the scenario schema, for a whole scenario) found them. */
export function describeIssues(issues: readonly Issue[], data: unknown, root: Schema): Problem[] {
  return issues.flatMap((issue) => describeIssue(issue, data, root));
}

/**
 * Problems with a policy's parameters (`given`, the siblings of `policy` under `routing:`) as
 * its own schema `params` found them, each at its path under `routing` and naming the policy.
 */
export function describeParamIssues(
  issues: readonly Issue[],
  given: Record<string, unknown>,
  params: Schema,
  policy: string,
): Problem[] {
  if (objectKeys(unwrap(params)).length === 0)
    return issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: ['routing', key],
            text: `unknown key '${key}': policy '${policy}' takes no parameters`,
          }))
        : describeIssue(issue, given, params).map((p) => ({ path: ['routing', ...p.path], text: p.text })),
    );
  return issues
    .flatMap((issue) => describeIssue(issue, given, params))
    .map((p) => ({ path: ['routing', ...p.path], text: `${p.text} (a parameter of policy '${policy}')` }));
}

function describeIssue(issue: Issue, data: unknown, root: Schema): Problem[] {
  const path = issue.path;
  const value = valueAt(data, path);
  const leaf = schemaAt(root, path, data);
  const expected = leaf ? expectation(leaf) : undefined;
  // Where a mapping may take several forms (stop: completed or time), the whole union, not the form guessed.
  const container = schemaAt(root, path, data, true);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const union = container !== undefined && defOf(container).type === 'union';
      const allowed = container === undefined ? [] : union ? unionKeys(container) : objectKeys(container);
      return issue.keys.map((key) =>
        union && allowed.includes(key)
          ? { path, text: `expected only one of the keys: ${allowed.join(', ')}` }
          : unknownKey([...path, key], key, allowed),
      );
    }
    case 'invalid_union':
      return describeUnionIssue(issue, value, container, data, root);
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return [{ path, text: `expected one of: ${allowed.join(', ')}; got ${show(value)}${hint}` }];
    }
    case 'custom':
    // A pattern a string must match (names without control characters): its message says which.
    case 'invalid_format':
      return [{ path, text: `${issue.message}, got ${show(value)}` }];
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array' && Array.isArray(value)) {
        const what = issue.message.startsWith('expected')
          ? issue.message
          : `expected ${expected ?? 'a list'}`;
        return [{ path, text: `${what}, got ${show(value)}` }];
      }
      break;
  }
  const what = expected ?? issue.message;
  if (value === undefined) return [{ path, text: `missing; expected ${what}${purpose(issue.message)}` }];
  return [{ path, text: `expected ${what}${purpose(issue.message)}, got ${show(value)}` }];
}

function unknownKey(path: Path, key: string, allowed: readonly string[]): Problem {
  const hint = didYouMean(key, allowed);
  const text = hint
    ? `unknown key '${key}'${hint}`
    : `unknown key '${key}'; allowed keys: ${allowed.join(', ')}`;
  return { path, text };
}

/** A value matched no member of a union: say which values the discriminator takes, or which keys fit. */
function describeUnionIssue(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  value: unknown,
  union: Schema | undefined,
  data: unknown,
  root: Schema,
): Problem[] {
  const path = issue.path;
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    const allowed = ('options' in issue ? (issue.options ?? []) : []).map(String);
    if (value === undefined) return [{ path, text: `missing; expected one of: ${allowed.join(', ')}` }];
    const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
    return [{ path, text: `expected one of: ${allowed.join(', ')}; got ${show(value)}${hint}` }];
  }
  const options = union ? unionOptions(union) : [];
  const expected = union ? expectation(union) : 'a valid value';
  if (value === undefined) return [{ path, text: `missing; expected ${expected}` }];
  if (!isMapping(value) || options.length === 0) {
    return [{ path, text: `expected ${expected}, got ${show(value)}` }];
  }
  const chosen = bestOption(options, value);
  const branchIssues = chosen === undefined ? undefined : issue.errors[chosen];
  if (branchIssues) {
    return branchIssues.flatMap((inner) =>
      describeIssue({ ...inner, path: [...path, ...inner.path] }, data, root),
    );
  }
  const allKeys = unionKeys(union!);
  const unknown = Object.keys(value).filter((key) => !allKeys.includes(key));
  if (unknown.length > 0) return unknown.map((key) => unknownKey([...path, key], key, allKeys));
  const present = Object.keys(value).length > 0;
  return [{ path, text: `expected ${present ? 'only ' : ''}one of the keys: ${allKeys.join(', ')}` }];
}

// ---------------------------------------------------------------------------------------------
// Walking the zod schema along a data path

function defOf(schema: Schema): z.core.$ZodTypeDef {
  return schema._zod.def;
}

/** Strips wrappers (default, optional, ...) that do not change the shape of the value. */
function unwrap(schema: Schema): Schema {
  for (;;) {
    const def = defOf(schema);
    switch (def.type) {
      case 'default':
      case 'optional':
      case 'nullable':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        schema = (def as z.core.$ZodTypeDef & { innerType: Schema }).innerType;
        break;
      case 'pipe':
        schema = (def as z.core.$ZodPipeDef).in;
        break;
      default:
        return schema;
    }
  }
}

function unionOptions(schema: Schema): Schema[] {
  const def = defOf(schema);
  return def.type === 'union' ? (def as z.core.$ZodUnionDef).options.map(unwrap) : [];
}

/** The keys any form of a union of mappings takes, in order. */
function unionKeys(union: Schema): string[] {
  return [...new Set(unionOptions(union).flatMap(objectKeys))];
}

function objectKeys(schema: Schema): string[] {
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

/** The union member a mapping was meant to be: the only one sharing the most keys with it. */
function bestOption(options: readonly Schema[], value: Record<string, unknown>): number | undefined {
  const scores = options.map((option) => objectKeys(option).filter((key) => key in value).length);
  const best = Math.max(...scores);
  if (best === 0 || scores.filter((s) => s === best).length > 1) return undefined;
  return scores.indexOf(best);
}

/** The member of a union schema that `value` selects, if it can be told. */
function pickOption(schema: Schema, value: unknown): Schema | undefined {
  const options = unionOptions(schema);
  if (!isMapping(value)) return undefined;
  const disc = (defOf(schema) as Partial<z.core.$ZodDiscriminatedUnionDef>).discriminator;
  if (disc !== undefined) {
    const tag = value[disc];
    return options.find((o) => o._zod.propValues?.[disc]?.has(tag as z.core.util.Primitive));
  }
  const chosen = bestOption(options, value);
  return chosen === undefined ? undefined : options[chosen];
}

/** The (unwrapped) schema that validates the value at `path`, or undefined if it cannot be told. */
function schemaAt(root: Schema, path: Path, data: unknown, keepUnion = false): Schema | undefined {
  let schema: Schema | undefined = unwrap(root);
  for (let i = 0; i <= path.length && schema; i++) {
    if (defOf(schema).type === 'union') {
      if (i === path.length && keepUnion) return schema;
      const option = pickOption(schema, valueAt(data, path.slice(0, i)));
      if (i === path.length) return option ?? schema;
      schema = option;
      if (!schema) return undefined;
    }
    if (i === path.length) return schema;
    const seg = path[i];
    const def = defOf(schema);
    if (def.type === 'object' && typeof seg === 'string') {
      const child: Schema | undefined = (def as z.core.$ZodObjectDef).shape[seg];
      schema = child ? unwrap(child) : undefined;
    } else if (def.type === 'array' && typeof seg === 'number') {
      schema = unwrap((def as z.core.$ZodArrayDef).element);
    } else {
      return undefined;
    }
  }
  return schema;
}

/** What a schema accepts, in words: "a whole number >= 1", "one of: fifo, edf", "a list". */
function expectation(schema: Schema): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'number':
      return numberExpectation(def);
    case 'string':
      return hasCheck(def, 'min_length') ? 'a non-empty string' : 'a string';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of: ${Object.values((def as z.core.$ZodEnumDef).entries).join(', ')}`;
    case 'literal':
      return `'${(def as z.core.$ZodLiteralDef<z.core.util.Literal>).values.join("' or '")}'`;
    case 'array':
      return 'a list';
    case 'object': {
      const shape = (def as z.core.$ZodObjectDef).shape;
      const required = Object.keys(shape).filter((key) => shape[key]?._zod.optin === undefined);
      return required.length > 0 ? `a mapping (needs ${required.join(', ')})` : 'a mapping';
    }
    case 'union': {
      const disc = (def as Partial<z.core.$ZodDiscriminatedUnionDef>).discriminator;
      const options = unionOptions(schema);
      if (disc !== undefined) {
        const tags = options.flatMap((o) => [...(o._zod.propValues?.[disc] ?? [])]).map(String);
        return `a mapping with ${disc}: one of ${tags.join(', ')}`;
      }
      // Mappings by their keys; the other members (a number, 'auto') by their own expectation.
      const keys = [...new Set(options.flatMap(objectKeys))];
      const others = options.filter((o) => defOf(o).type !== 'object').map(expectation);
      const parts = [
        ...(keys.length > 0 ? [`a mapping with one of the keys: ${keys.join(', ')}`] : []),
        ...others,
      ];
      return parts.length > 0 ? parts.join(', or ') : 'a valid value';
    }
    default:
      return `a valid ${def.type}`;
  }
}

function checkDefs(def: z.core.$ZodTypeDef): z.core.$ZodCheckDef[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

function hasCheck(def: z.core.$ZodTypeDef, kind: string): boolean {
  return checkDefs(def).some((check) => check.check === kind);
}

function numberExpectation(def: z.core.$ZodTypeDef): string {
  let whole = false;
  const bounds: string[] = [];
  for (const check of checkDefs(def)) {
    if (check.check === 'number_format') whole = true;
    if (check.check === 'greater_than' || check.check === 'less_than') {
      const { value, inclusive } = check as z.core.$ZodCheckGreaterThanDef;
      const below = check.check === 'less_than';
      const op = below ? (inclusive ? '<=' : '<') : inclusive ? '>=' : '>';
      bounds.push(`${op} ${String(value)}`);
    }
  }
  if (whole) {
    // For whole numbers "> 0" reads better as ">= 1".
    for (let i = 0; i < bounds.length; i++) {
      const m = /^([<>]) (-?\d+)$/.exec(bounds[i]!);
      if (m) bounds[i] = m[1] === '>' ? `>= ${Number(m[2]) + 1}` : `<= ${Number(m[2]) - 1}`;
    }
  }
  return [whole ? 'a whole number' : 'a number', bounds.join(' and ')].filter((s) => s !== '').join(' ');
}
