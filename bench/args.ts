// Command-line flags of `npm run bench` (node dist/bench/run.js [flags]).
import { parseArgs } from 'node:util';
import { routingPolicyNames } from '../src/policies/routing/index.js';

export interface BenchArgs {
  readonly quick: boolean;
  readonly runs: number | undefined;
  readonly json: string | undefined;
  readonly only: readonly string[] | undefined;
  readonly help: boolean;
}

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--json FILE] [--only policy1,policy2]
  --quick        1M tasks only, 3 runs each (a fast check)
  --runs N       repetitions of every measurement (default 5 at 1M tasks, 3 at 10M)
  --json FILE    also write the raw figures to FILE (JSON)
  --only LIST    measure only these routing policies (the ceiling always runs); known: ${routingPolicyNames.join(', ')}`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      json: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  let runs: number | undefined;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1)
      throw new Error(`--runs: expected a whole number >= 1, got '${values.runs}'`);
  }
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const unknown = only.filter((p) => !routingPolicyNames.includes(p));
    if (unknown.length > 0 || only.length === 0)
      throw new Error(
        `--only: unknown policy '${unknown.join(', ')}'; known: ${routingPolicyNames.join(', ')}`,
      );
  }
  if (values.json === '') throw new Error('--json: expected a file name');
  return { quick: values.quick, runs, json: values.json, only, help: values.help };
}
