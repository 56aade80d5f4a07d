// Scenario loading: read a YAML file, apply `--set` overrides, validate it against the zod schema,
// run the cross-field checks zod cannot express, and turn every problem into one human-readable
// line `<file>:<line>: <field.path>: <what was expected>` inside a single InputError.
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError, readFailure } from '../errors.js';
import { decodeUtf8Text } from '../io/utf8-text.js';
import { describeIssues, describeParamIssues, type Path, type Problem, pathText } from './describe-issues.js';
import { applyOverrides } from './overrides.js';
import { rebase, rebaseTracePaths, resolveTraces } from './resolve-traces.js';
import { ScenarioFieldError } from './scenario-field-error.js';
import { semanticProblems } from './scenario-checks.js';
import { type Scenario, scenarioSchema } from './scenario-schema.js';
import { overflowed, TOO_DEEP, tooDeepAt } from './yaml-value.js';

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
  /** Hears each trace file the scenario reads: replayed, or fitted to (as a path from the working directory). */
  onTrace?: (file: string) => void;
}

type Schema = z.core.$ZodType;

// ---------------------------------------------------------------------------------------------
// Entry points

/** Reads and validates the scenario file at `path`; throws InputError on any problem. */
export function loadScenarioFile(path: string, opts: LoadOptions): Scenario {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(`${path}: cannot read scenario file (${readFailure(err)})`);
  }
  // Strictly: a Latin-1 file was read with its names garbled, a UTF-16 one as NUL-separated letters.
  return parseScenario(decodeUtf8Text(bytes, path), path, opts);
}

/** Validates scenario YAML `text`; `file` is only used in messages. Pure. */
export function parseScenario(text: string, file: string, opts: LoadOptions): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  // Too deep for yaml's parser (its error says only that the stack overflowed), or for what
  // reads the document after it: said in those words, where it happens.
  const overflow = doc.errors.find(overflowed);
  if (overflow !== undefined) {
    const pos = overflow.linePos?.[0];
    throw new InputError(`${pos ? `${file}:${pos.line}:${pos.col}` : file}: ${TOO_DEEP}`);
  }
  if (doc.errors.length > 0) throw new InputError(yamlErrorText(file, doc.errors));
  const deep = tooDeepAt(doc);
  if (deep !== undefined) {
    const pos = lineCounter.linePos(deep);
    throw new InputError(`${file}:${pos.line}:${pos.col}: ${TOO_DEEP}`);
  }
  // yaml only warns about a tag it cannot resolve (`!!js/function`) and reads a string instead.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag !== undefined) throw new InputError(yamlErrorText(file, [tag], 'YAML error'));
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    throw new InputError(`${file}: YAML error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const overrides = opts.overrides ?? [];
  // The file's trace paths are relative to it; one a --set gives is relative to the working directory.
  data = applyOverrides(rebaseTracePaths(data, file), overrides);

  const render = (problems: readonly Problem[]): InputError =>
    new InputError(renderProblems(problems, file, doc, lineCounter, overrides));
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw render(describeIssues(result.error.issues, data, scenarioSchema));
  const semantic = semanticProblems(result.data, opts.knownPolicies);
  if (semantic.length > 0) throw render(semantic);
  const params = opts.policyParams?.(result.data.routing.policy);
  if (params !== undefined) {
    const { policy, ...given } = result.data.routing;
    const parsed = z.safeParse(params, given);
    if (!parsed.success) throw render(describeParamIssues(parsed.error.issues, given, params, policy));
  }
  try {
    return resolveTraces(rebasePolicy(result.data, file, overrides), opts.onTrace);
  } catch (err) {
    if (err instanceof ScenarioFieldError) throw render([{ path: [...err.path], text: err.reason }]);
    throw err;
  }
}

/**
 * A policy module path written in the scenario file is relative to that file, as trace paths
 * are; one given with --set routing.policy= (or --policy) is relative to the working directory.
 */
function rebasePolicy(s: Scenario, file: string, overrides: readonly string[]): Scenario {
  const policy = s.routing.policy;
  const fromFlag = overrides.some((o) => /^\s*routing(\.policy)?\s*=/.test(o));
  if (fromFlag || !/\.(ts|mts|js|mjs)$/.test(policy) || isAbsolute(policy)) return s;
  // Unchanged for a scenario in the working directory, so its bytes and digests stay as they were.
  return { ...s, routing: { ...s.routing, policy: rebase(policy, file) } };
}

// yaml's wording where it names its own API.
const REWORDED: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'a scenario is one YAML document, and a second one starts here',
};

function yamlErrorText(
  file: string,
  errors: Document['errors'] | Document['warnings'],
  kind = 'YAML syntax error',
): string {
  const first = errors[0]!;
  const pos = first.linePos?.[0];
  const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
  const match = /^([\s\S]*?) at line \d+, column \d+:?\s*\n([\s\S]*)$/.exec(first.message);
  const reason = REWORDED[first.code] ?? (match ? match[1]! : first.message);
  const frame = (match?.[2] ?? '')
    .replace(/\s+$/, '')
    // A CRLF file's lines: the CR is no part of the line shown.
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `    ${line}`);
  const more = errors.length > 1 ? [`(${errors.length - 1} more YAML error(s) follow from here)`] : [];
  return [`${where}: ${kind}: ${reason}`, ...frame, ...more].join('\n');
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
