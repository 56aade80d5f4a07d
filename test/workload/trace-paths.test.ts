// Which directory a trace path is relative to: the scenario file's for a path written in it, the
// working directory for one given on the command line (--set here; --vary in test/cli/sweep-input).
import { describe, expect, it } from 'vitest';
import { routingPolicyNames } from '../../src/policies/routing/index.js';
import { parseScenario } from '../../src/workload/load-scenario.js';
import { rebaseTracePaths } from '../../src/workload/resolve-traces.js';

// A scenario file in scenarios/ (never read: only its folder matters) replaying a trace in traces/.
const FILE = 'scenarios/replay.yaml';
const TRACE = 'traces/mooncake_conversation_trace.jsonl';
const REPLAY = `name: replay
stop: { completed: 100 }
agents: [{ name: llm, count: 2, skills: [chat] }]
workload:
  trace: { file: ../${TRACE}, preset: mooncake }
  classes: [{ name: chat, skill: chat }]
`;

const load = (text: string, overrides: string[] = []) =>
  parseScenario(text, FILE, { overrides, knownPolicies: routingPolicyNames });

describe('trace paths', () => {
  it('a path written in the scenario is relative to the file, also when a --set changes a sibling', () => {
    expect(load(REPLAY).workload.trace!.file).toBe(TRACE);
    const scaled = load(REPLAY, ['workload.trace.rateScale=2']).workload.trace!;
    expect(scaled).toMatchObject({ file: TRACE, rateScale: 2 });
  });

  it('a path given with --set is relative to the working directory, as on any command line', () => {
    expect(load(REPLAY, [`workload.trace.file=${TRACE}`]).workload.trace!.file).toBe(TRACE);
    const whole = load(REPLAY, [`workload.trace={ file: ${TRACE}, preset: mooncake }`]);
    expect(whole.workload.trace!.file).toBe(TRACE);
    // Against the scenario's folder it would be scenarios/traces/..., which does not exist.
    expect(() => load(REPLAY, [`workload.trace.file=../${TRACE}`])).toThrow(
      `../${TRACE}: cannot read trace file (no such file)`,
    );
  });

  it('rebases every trace the file names once, a YAML alias shared by two fields included', () => {
    type Fit = { trace: { file: string } };
    const size: Fit = { trace: { file: '../t.csv' } };
    const classes: Record<string, Fit>[] = [
      { size, inputTokens: size },
      { outputTokens: { trace: { file: '' } } },
    ];
    const data = {
      workload: {
        trace: { file: 'r.jsonl' },
        arrivals: { process: 'fit', trace: { file: '/abs/a.csv' } },
        classes,
      },
    };
    const out = rebaseTracePaths(data, 'scenarios/x.yaml') as typeof data;
    const file = (i: number, field: string) => out.workload.classes[i]![field]!.trace.file;
    expect(out.workload.trace.file).toBe('scenarios/r.jsonl');
    expect(out.workload.arrivals.trace.file).toBe('/abs/a.csv');
    expect(file(0, 'size')).toBe('t.csv');
    expect(file(0, 'inputTokens')).toBe('t.csv');
    // An empty path is left for validation to refuse, and the input is untouched.
    expect(file(1, 'outputTokens')).toBe('');
    expect(data.workload.trace.file).toBe('r.jsonl');
    expect(rebaseTracePaths('not a scenario', 'scenarios/x.yaml')).toBe('not a scenario');
  });
});
