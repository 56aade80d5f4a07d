// Compiles a Vega-Lite spec with vega-lite's own compile() and returns the warnings it logged, so
// a spec test can demand a spec that compiles, and compiles without complaint.
import { compile, type TopLevelSpec } from 'vega-lite';

export function compileWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level() {
      return this;
    },
    warn: (...args: unknown[]) => warnings.push(args.map(String).join(' ')),
    error: (...args: unknown[]) => warnings.push(`error: ${args.map(String).join(' ')}`),
    info() {},
    debug() {},
  };
  const out = compile(spec, { logger: logger as never });
  if (out.spec === undefined) warnings.push('no Vega spec');
  return warnings;
}
