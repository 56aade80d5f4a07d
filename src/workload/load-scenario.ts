// Scenario loading: read a YAML file, apply `--set` overrides, validate it against the zod schema,
// run the cross-field checks zod cannot express, and turn every problem into one human-readable
// line `<file>:<line>: <field.path>: <what was expected>` inside a single InputError.
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError, readFailure } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { applyOverrides } from './overrides.js';
import { rebase, resolveTraces } from './resolve-traces.js';
import { type Path, type Problem, pathText, semanticProblems } from './scenario-checks.js';
import { type Scenario, scenarioSchema } from './scenario-schema.js';

export interface LoadOptions {
  /** `path=value` strings from the repeatable `--set` flag, applied in order. */
  overrides?: readonly string[];
  /** Names of the registered routing policies. */
  knownPolicies: readonly string[];
  /**
   * The parameter schema of a built-in policy (the siblings of `policy` under `routing:`), so bad
   * parameters are reported with their file and line; undefined for a module path, whose schema
   * is known only once the module is loaded.
   */
  policyParams?: (policy: string) => Schema | undefined;
}

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

// ---------------------------------------------------------------------------------------------
// Entry points

/** Reads and validates the scenario file at `path`; throws InputError on any problem. */
export function loadScenarioFile(path: string, opts: LoadOptions): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read scenario file (${readFailure(err)})`);
  }
  return parseScenario(text, path, opts);
}

/** Validates scenario YAML `text`; `file` is only used in messages. Pure. */
export function parseScenario(text: string, file: string, opts: LoadOptions): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) throw new InputError(yamlErrorText(file, doc.errors));
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    throw new InputError(`${file}: YAML error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const overrides = opts.overrides ?? [];
  data = applyOverrides(data, overrides);

  const render = (problems: readonly Problem[]): InputError =>
    new InputError(renderProblems(problems, file, doc, lineCounter, overrides));
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw render(describeIssues(result.error.issues, data));
  const semantic = semanticProblems(result.data, opts.knownPolicies);
  if (semantic.length > 0) throw render(semantic);
  const params = opts.policyParams?.(result.data.routing.policy);
  if (params !== undefined) {
    const { policy, ...given } = result.data.routing;
    const parsed = z.safeParse(params, given);
    if (!parsed.success) throw render(describeParamIssues(parsed.error.issues, given, params, policy));
  }
  return resolveTraces(rebasePolicy(result.data, file, overrides), file);
}

/**
 * A policy module path written in the scenario file is relative to that file, as trace paths
 * are; one given with --set routing.policy= (or --policy) is relative to the working directory.
 */
function rebasePolicy(s: Scenario, file: string, overrides: readonly string[]): Scenario {
  const policy = s.routing.policy;
  const fromFlag = overrides.some((o) => /^\s*routing(\.policy)?\s*=/.test(o));
  if (fromFlag || !/\.(ts|js|mjs)$/.test(policy) || isAbsolute(policy)) return s;
  const path = rebase(policy, file);
  // './' keeps it a path for Node's resolution, never a package name.
  return { ...s, routing: { ...s.routing, policy: path.startsWith('.') ? path : `./${path}` } };
}

function yamlErrorText(file: string, errors: Document['errors']): string {
  const first = errors[0]!;
  const pos = first.linePos?.[0];
  const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
  const match = /^([\s\S]*?) at line \d+, column \d+:?\s*\n([\s\S]*)$/.exec(first.message);
  const reason = match ? match[1]! : first.message;
  const frame = (match?.[2] ?? '')
    .replace(/\s+$/, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `    ${line}`);
  const more = errors.length > 1 ? [`(${errors.length - 1} more YAML error(s) follow from here)`] : [];
  return [`${where}: YAML syntax error: ${reason}`, ...frame, ...more].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Rendering: file, line, field path

function renderProblems(
  problems: readonly Problem[],
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  overrides: readonly string[],
): string {
  const lines = problems.map((problem, order) => {
    const field = pathText(problem.path);
    const override = overrides
      .filter((o) => {
        const target = o.slice(0, o.indexOf('=')).trim();
        // The override set this field, a parent of it, or something inside it.
        return field === target || field.startsWith(`${target}.`) || target.startsWith(`${field}.`);
      })
      .pop();
    const offset = override === undefined ? nodeOffset(doc, problem.path) : undefined;
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    const where = line === undefined || line === 0 ? file : `${file}:${line}`;
    const suffix = override === undefined ? '' : ` (from --set ${override})`;
    const text = `${where}: ${field === '' ? '' : `${field}: `}${problem.text}${suffix}`;
    return { text, line: line ?? Number.POSITIVE_INFINITY, order };
  });
  lines.sort((a, b) => a.line - b.line || a.order - b.order);
  return [...new Set(lines.map((l) => l.text))].join('\n');
}

/**
 * Offset in the source of the YAML node at `path`: the key of a mapping entry, or the item of a list.
 * For a path that does not exist (a missing field), the offset of the deepest existing parent.
 */
function nodeOffset(doc: Document, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value the user wrote reads in a message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item(s)`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** The `(...)` explanation the schema attaches to its messages, e.g. "tasks per second". */
function purpose(message: string): string {
  const match = /^expected [^(]*\(([^)]*)\)$/.exec(message);
  return match ? ` (${match[1]})` : '';
}

/** The schema's complaints about `data` as problems worded for people (values, hints, keys). */
export function describeIssues(issues: readonly Issue[], data: unknown): Problem[] {
  return issues.flatMap((issue) => describeIssue(issue, data, scenarioSchema));
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
  if (!isPlainObject(value) || options.length === 0) {
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
  if (!isPlainObject(value)) return undefined;
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
