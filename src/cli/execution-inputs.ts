// The files run, compare and sweep read, which checkOutputs (output.ts) keeps their --out and
// --report from replacing. Here, not in actions/: a command loads no action module but its own.
import { isPolicyPath } from '../runner/user-policy.js';
import type { SweepAxis } from '../runner/sweep-axes.js';
import type { CommandInput } from './output.js';

/**
 * The scenario file, the traces it reads (replayed or fitted to: scenarioFromFlags's `onTrace`
 * hears them) and the policy modules run (`policies`: names or paths, as --policy or the
 * --policies entries give them).
 */
export function scenarioInputs(
  path: string,
  traces: Iterable<string>,
  policies: readonly string[],
): CommandInput[] {
  return [
    { what: 'the scenario', path },
    ...[...new Set(traces)].map((trace) => ({ what: "the scenario's trace", path: trace })),
    ...policies.filter(isPolicyPath).map((p) => ({ what: 'the policy module', path: p })),
  ];
}

/** The trace files a sweep's `...trace.file` axes name, as given (from the working directory). */
export function axisInputs(axes: readonly SweepAxis[]): CommandInput[] {
  const files = axes
    .filter((axis) => /(^|\.)trace\.file$/.test(axis.path))
    .flatMap((axis) => axis.values.filter((v): v is string => typeof v === 'string'));
  return [...new Set(files)].map((path) => ({ what: 'a trace of --vary', path }));
}
