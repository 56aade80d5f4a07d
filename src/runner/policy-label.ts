// A policy's label in results: its name and the parameters given for it. In a module of its own
// because run results are combined on worker threads too, whose bundle must not carry the
// command-line parsing of policy-spec.ts.

const paramText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/**
 * A readable label: the policy's name plus the parameters given on the command line, as given,
 * then any it takes from the scenario file (`fromFile`, see fileParams): `power-of-d(d=5)` for a
 * bare `power-of-d` on a file with `d: 5`, so the label says what ran.
 */
export function policyEntryLabel(
  entry: string,
  policyName: string,
  fromFile: Readonly<Record<string, unknown>> = {},
): string {
  const pairs = [
    ...entry.split(':').slice(1),
    ...Object.entries(fromFile).map(([k, v]) => `${k}=${paramText(v)}`),
  ];
  return pairs.length === 0 ? policyName : `${policyName}(${pairs.join(',')})`;
}
