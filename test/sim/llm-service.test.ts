// The LLM service model against hand-computed cases: service = overhead + uncached prompt
// tokens / prefill rate + generated tokens / decode rate; prefix caches skip held leading blocks;
// a token rate limit delays starts until the 60 s window frees.
import { describe, expect, it } from 'vitest';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { compileScenario } from '../../src/sim/compile.js';
import type { Probe } from '../../src/sim/probe.js';
import { simulate } from '../../src/sim/simulate.js';
import { scenarioSchema } from '../../src/workload/scenario-schema.js';

interface Trace {
  start: number[];
  end: number[];
}

function run(agent: Record<string, unknown>, cls: Record<string, unknown>, tasks: number, rate = 0.01) {
  const scenario = scenarioSchema.parse({
    name: 'llm',
    stop: { time: 1e9 },
    agents: [{ name: 'llm', count: 1, skills: ['chat'], ...agent }],
    workload: { arrivals: { process: 'constant', rate }, classes: [{ name: 'chat', skill: 'chat', ...cls }] },
  });
  const trace: Trace = { start: [], end: [] };
  const probe: Probe = {
    arrived: () => {},
    started: (seq, _a, now) => {
      trace.start[seq] = now;
    },
    completed: (seq, _a, now) => {
      trace.end[seq] = now;
    },
    rejected: () => {},
  };
  const def = routingPolicies.get('shared-queue')!;
  const result = simulate(compileScenario(scenario), {
    policy: def,
    params: {},
    seed: 1,
    replication: 0,
    probe,
    maxArrivals: tasks,
  });
  return { trace, result };
}

const service = {
  model: 'llm',
  prefillTokensPerSecond: 1000,
  decodeTokensPerSecond: 50,
  overheadSeconds: 0.5,
};
const tokens = (input: number, output: number) => ({
  inputTokens: { dist: 'constant', value: input },
  outputTokens: { dist: 'constant', value: output },
});

describe('LLM service model', () => {
  it('serves 2000 prompt + 100 output tokens in 0.5 + 2000/1000 + 100/50 = 4.5 s', () => {
    const { trace } = run({ service }, tokens(2000, 100), 1);
    expect(trace.end[0]! - trace.start[0]!).toBeCloseTo(4.5, 12);
  });

  it('skips the prefill of prompt blocks the agent already caches', () => {
    // One shared 1024-token prompt (2 blocks of 512) and 512 unique tokens: the first request
    // prefills all 1536 tokens, the second only its unique 512.
    const prefix = { prompts: 1, promptTokens: 1024, blockTokens: 512 };
    const { trace, result } = run(
      { service: { ...service, overheadSeconds: 0 }, prefixCache: { blocks: 100, blockTokens: 512 } },
      { ...tokens(1536, 0), prefix },
      2,
    );
    expect(trace.end[0]! - trace.start[0]!).toBeCloseTo(1.536, 12);
    expect(trace.end[1]! - trace.start[1]!).toBeCloseTo(0.512, 12);
    // 1024 of 3072 prompt tokens came from the cache.
    expect(result.metrics.prefixHitRate).toBeCloseTo(1024 / 3072, 12);
  });

  it('evicts the least recently used blocks when the cache is full', () => {
    // Cache of 2 blocks; each request has the shared 1-block prompt plus 2 unique blocks, so the
    // prompt is evicted by the time the next request comes: no hits.
    const { result } = run(
      { service, prefixCache: { blocks: 2, blockTokens: 512 } },
      { ...tokens(1536, 10), prefix: { prompts: 1, promptTokens: 512, blockTokens: 512 } },
      3,
    );
    expect(result.metrics.prefixHitRate).toBe(0);
  });

  it('holds a start until the 60 s token window has room (rate limit)', () => {
    // 2100 tokens per request, 3000 per minute: the second request, arriving at 1 s, starts
    // only when the first (started at 0... arrival 1/rate = 1 s) leaves the window, 60 s later.
    const { trace } = run(
      { service, slots: 4, rateLimit: { tokensPerMinute: 3000 } },
      tokens(2000, 100),
      2,
      1,
    );
    expect(trace.start[0]).toBeCloseTo(1, 12);
    expect(trace.start[1]).toBeCloseTo(61, 12);
    expect(trace.end[1]! - trace.start[1]!).toBeCloseTo(4.5, 12);
  });

  it('size defaults to input + output tokens', () => {
    const { result } = run({ speed: 100 }, tokens(300, 200), 1);
    // A plain agent of speed 100 serves 500 work units in 5 s.
    expect(result.metrics.responseTime.mean).toBeCloseTo(5, 1);
  });
});
