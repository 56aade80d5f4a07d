// A replay's targetUtilization is refused at load where it cannot be met as asked: with a
// rateScale it would silently replace, or with LLM agents, whose capacity is not slots × speed.
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { parseScenario } from '../../src/workload/load-scenario.js';

const known = [...routingPolicies.keys()];

/** A replay of the code trace by a plain group and `agents` (YAML list items), with `trace` fields. */
function replay(trace: string, agents = '', rules = '') {
  return parseScenario(
    `name: replay
stop: { time: 100 }
agents:
  - { name: plain, count: 2, speed: 1000, skills: [x] }
${agents}workload:
  trace:
    file: ../../traces/AzureLLMInferenceTrace_code.csv
    preset: azure-llm
${trace}  classes: [{ name: c, skill: x }]
${rules}`,
    'test/fixtures/replay.yaml',
    { knownPolicies: known },
  );
}

const llm =
  '  - { name: gpu, skills: [x], service: { model: llm, prefillTokensPerSecond: 3000, decodeTokensPerSecond: 150 } }\n';

describe('workload.trace.targetUtilization', () => {
  it('is taken with plain agents alone', () => {
    expect(replay('    targetUtilization: 0.5\n').workload.trace?.targetUtilization).toBe(0.5);
    expect(replay('    rateScale: 2\n').workload.trace?.rateScale).toBe(2);
  });

  it('is refused with rateScale too, which it would replace without a word', () => {
    expect(() => replay('    rateScale: 5\n    targetUtilization: 0.8\n')).toThrow(
      'test/fixtures/replay.yaml:10: workload.trace.targetUtilization: given with rateScale, which it would replace (it sets the rate scale itself); expected one of rateScale or targetUtilization',
    );
  });

  it('is refused when an agent with service: llm may serve the trace, suggesting rateScale', () => {
    expect(() => replay('    targetUtilization: 0.5\n', llm)).toThrow(
      "test/fixtures/replay.yaml:10: workload.trace.targetUtilization: agents 'gpu' serve the trace's classes with service: { model: llm }, whose capacity depends on each task's tokens and prefix-cache hits, not on slots × speed, so targetUtilization cannot find the rate scale; expected rateScale instead (a run reports the utilization it reaches)",
    );
  });

  it('is taken when the LLM agents never serve the trace (no skill, or kept away by only)', () => {
    const elsewhere = llm.replace('skills: [x]', 'skills: [y]');
    expect(replay('    targetUtilization: 0.5\n', elsewhere).workload.trace?.targetUtilization).toBe(0.5);
    const only = 'rules: [{ class: c, only: [plain] }]\n';
    expect(replay('    targetUtilization: 0.5\n', llm, only).workload.trace?.targetUtilization).toBe(0.5);
  });
});
