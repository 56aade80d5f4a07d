// A class's rules as one: the compiler and the scenario checks read them the same way.
import type { Rule } from './scenario-schema.js';

/** Merges every rule that names a class (later fields win). */
export function rulesFor(rules: readonly Rule[], cls: string): Partial<Rule> {
  return Object.assign({}, ...rules.filter((r) => r.class === cls)) as Partial<Rule>;
}
