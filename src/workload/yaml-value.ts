// One value given on the command line (--set, --vary, a policy parameter) read as YAML. Unlike
// yaml's parse(), a tag it cannot resolve (`!!js/function`) is an error rather than a warning
// printed by the process (which would reach the user as a Node warning) and a silent string.
import { parseDocument } from 'yaml';

/** The value `text` holds; throws an Error whose message's first line says why it is not one. */
export function parseYamlValue(text: string): unknown {
  const doc = parseDocument(text);
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  // One line, without the position: the value is short and named by the caller.
  if (problem !== undefined)
    throw new Error(problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  return doc.toJS();
}
