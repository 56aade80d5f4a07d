// `--set path=value` overrides: patch parsed scenario data before it is validated, so one
// scenario file can be swept over a parameter without copying it.
import { InputError } from '../errors.js';
import { isMapping } from '../is-mapping.js';
import { count } from '../plural.js';
import { parseYamlValue, yamlValueProblem } from './yaml-value.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The dotted path an override sets: `a.b.0` of `a.b.0=value`; '' without an `=`. */
export function overridePath(override: string): string {
  const eq = override.indexOf('=');
  return eq < 0 ? '' : override.slice(0, eq).trim();
}

/**
 * What is wrong with a dotted path's segments beyond an empty one (which callers word for their
 * flag): a prototype key, or an item number with leading zeros. `agents.00` would set the same
 * field as `agents.0` under another spelling, so a check that two flags set different fields
 * (sweep axes against each other and against --set) would let them both through.
 */
export function pathProblem(segments: readonly string[]): string | undefined {
  const bad = segments.find((seg) => FORBIDDEN_KEYS.has(seg));
  if (bad !== undefined) return `'${bad}' cannot be set`;
  const padded = segments.find((seg) => /^0\d+$/.test(seg));
  if (padded !== undefined)
    return `expected an item number without leading zeros, got '${padded}' (write ${BigInt(padded)})`;
  return undefined;
}

/**
 * Why item `item` of the list `list` (of `length` items) cannot be set, with the item numbers
 * it has: a path counts from 0, which a bare "has 1 item" left to guess.
 */
function missingItem(list: string, length: number, item: string): string {
  const numbers = length === 1 ? 'index 0' : length === 2 ? '0 and 1' : `0 to ${length - 1}`;
  const has = length === 0 ? `${list} is an empty list` : `${list} has ${count(length, 'item')} (${numbers})`;
  return `${has}; there is no item ${item}`;
}

/** Splits `a.b.0=value` into its path segments and the YAML-parsed value. */
function parseOverride(override: string): { path: string[]; value: unknown } {
  const eq = override.indexOf('=');
  if (eq < 0) throw new InputError(`--set ${override}: expected path=value`);
  const pathText = overridePath(override);
  const valueText = override.slice(eq + 1).trim();
  const path = pathText.split('.');
  if (pathText === '' || path.some((seg) => seg === '')) {
    throw new InputError(`--set ${override}: expected path=value with a dotted path like agents.0.count`);
  }
  const problem = pathProblem(path);
  if (problem !== undefined) throw new InputError(`--set ${override}: ${problem}`);
  let value: unknown;
  try {
    value = parseYamlValue(valueText);
  } catch (err) {
    throw new InputError(`--set ${override}: ${yamlValueProblem(err)}`);
  }
  return { path, value };
}

/**
 * Fields of which a scenario has one or the other. Setting a field inside the one it lacks would
 * create it next to the other, and validation would then only say that something is missing.
 */
const ALTERNATIVES: Readonly<Record<string, { readonly sibling: string; readonly text: string }>> = {
  'workload.arrivals': {
    sibling: 'trace',
    text:
      'the scenario replays a trace (workload.trace), so it has no workload.arrivals to change; ' +
      'scale the replay with workload.trace.rateScale or workload.trace.targetUtilization',
  },
  'workload.trace': {
    sibling: 'arrivals',
    text: 'the scenario has synthetic arrivals (workload.arrivals), not a trace, so it has no workload.trace to change',
  },
};

/** Why the missing field `path` of `node` cannot be created, when its alternative is there. */
function alternativeOf(node: Record<string, unknown>, path: string): string | undefined {
  const alt = ALTERNATIVES[path];
  return alt !== undefined && node[alt.sibling] !== undefined && node[alt.sibling] !== null
    ? alt.text
    : undefined;
}

/** Sets `value` at `path` inside `root` (mutating it), creating missing mapping keys on the way. */
function setAt(root: unknown, path: readonly string[], value: unknown, override: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const here = path.slice(0, i).join('.') || 'the scenario';
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(seg) ? Number(seg) : Number.NaN;
      if (Number.isNaN(index)) {
        throw new InputError(`--set ${override}: ${here} is a list; expected an item number, got '${seg}'`);
      }
      if (index >= node.length) {
        throw new InputError(`--set ${override}: ${missingItem(here, node.length, seg)}`);
      }
      if (last) node[index] = value;
      else node = node[index];
    } else if (isMapping(node)) {
      if (last) {
        node[seg] = value;
      } else {
        if (!Object.hasOwn(node, seg) || node[seg] === null || node[seg] === undefined) {
          const instead = alternativeOf(node, i === 0 ? seg : `${here}.${seg}`);
          if (instead !== undefined) throw new InputError(`--set ${override}: ${instead}`);
          node[seg] = {};
        }
        node = node[seg];
      }
    } else {
      throw new InputError(`--set ${override}: ${here} is ${kindOf(node)}, so it has no '${seg}'`);
    }
  }
}

/** Applies every `path=value` override in order to a deep copy of `data`; `data` is left untouched. */
export function applyOverrides(data: unknown, overrides: readonly string[]): unknown {
  const copy = structuredClone(data);
  for (const override of overrides) {
    const { path, value } = parseOverride(override);
    setAt(copy, path, value, override);
  }
  return copy;
}
