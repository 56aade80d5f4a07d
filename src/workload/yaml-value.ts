// One value given on the command line (--set, --vary, a policy parameter) read as YAML. Unlike
// yaml's parse(), a tag it cannot resolve (`!!js/function`) is an error rather than a warning
// printed by the process (which would reach the user as a Node warning) and a silent string.
import { type Document, isMap, isPair, isSeq, parseDocument, type YAMLError } from 'yaml';

/**
 * Mappings and lists nested deeper than this are refused. A scenario needs about 6 levels
 * (workload.classes.0.size.values.0); past ~800 yaml's parser, and in a smaller stack toJS, zod
 * and the rest, overflow the call stack, whose own words ("Maximum call stack size exceeded")
 * said nothing of the cause.
 */
export const MAX_NESTING = 100;

export const TOO_DEEP = `nesting too deep: expected mappings and lists at most ${MAX_NESTING} levels deep`;

/** Whether yaml gave up on `error` for want of stack (a document nested ~800 deep or more). */
export function overflowed(error: YAMLError): boolean {
  return error.code === 'RESOURCE_EXHAUSTION' || /maximum call stack/i.test(error.message);
}

/**
 * Where `doc` nests mappings and lists deeper than MAX_NESTING: the source offset of the first
 * collection too deep, or undefined. Walked with a stack of its own, so depth cannot overflow it.
 */
export function tooDeepAt(doc: Document): number | undefined {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/**
 * What a flag's message says of a value parseYamlValue refused: that it is nested too deep (valid
 * YAML, refused), else that it is not valid YAML, and why.
 */
export function yamlValueProblem(err: unknown): string {
  const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  return reason.startsWith(TOO_DEEP) ? reason : `the value is not valid YAML: ${reason}`;
}

/** The value `text` holds; throws an Error whose message's first line says why it is not one. */
export function parseYamlValue(text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.some(overflowed) || tooDeepAt(doc) !== undefined) throw new Error(TOO_DEEP);
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  // One line, without the position: the value is short and named by the caller.
  if (problem !== undefined)
    throw new Error(problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  return doc.toJS();
}
