// The parts of orchlab.run/1, orchlab.compare/1 and orchlab.sweep/1 that a report reads, as loose
// zod schemas: extra fields pass (formats may grow), missing or mistyped ones are reported by path.
// JSON turns NaN into null, so per-replication figures may be null.
import { z } from 'zod';

const num = z.number({ error: 'expected a number' });
const maybeNum = num.nullable();
const text = z.string({ error: 'expected a string' });

const estimate = z.object(
  { value: maybeNum, ci95: z.tuple([num, num]).nullable() },
  { error: 'expected an estimate { value, ci95 }' },
);
const quantileEstimates = z.looseObject({
  mean: estimate,
  p50: estimate,
  p90: estimate,
  p95: estimate,
  p99: estimate,
  p999: estimate,
});
const quantiles = z.looseObject({
  mean: maybeNum,
  p50: maybeNum,
  p90: maybeNum,
  p95: maybeNum,
  p99: maybeNum,
  p999: maybeNum,
});

const timeline = z.looseObject({
  bucketSeconds: num.positive(),
  numberInSystem: z.array(maybeNum),
  numberInQueue: z.array(maybeNum),
  utilization: z.array(maybeNum),
  completed: z.array(maybeNum),
  agentUtilization: z.array(z.array(maybeNum)).optional(),
});

const replication = z.looseObject({
  replication: num.int(),
  warmupEndSeconds: num,
  endSeconds: num,
  metrics: z.looseObject({ responseTime: quantiles, cost: maybeNum, utilization: maybeNum }),
  timeline,
});

const scenarioSpec = z.looseObject({
  name: text,
  seed: num,
  agents: z.array(z.looseObject({ name: text, count: num, slots: num, speed: num })).min(1),
  workload: z.looseObject({ classes: z.array(z.looseObject({ name: text })).min(1) }),
  objective: z.unknown().optional(),
});

export const runSchema = z.looseObject({
  format: z.literal('orchlab.run/1'),
  orchlab: text,
  scenario: text,
  policy: z.looseObject({ name: text, label: text }),
  seed: num,
  replications: num,
  metrics: z.looseObject({
    responseTime: quantileEstimates,
    waitTime: quantileEstimates,
    utilization: estimate,
    cost: estimate,
  }),
  replicationResults: z.array(replication).min(1, 'expected at least one replication'),
  scenarioSpec,
});

const paired = z.looseObject({
  a: text,
  b: text,
  metric: text,
  diff: z.object({ value: num, ci95: z.tuple([num, num]) }),
  significant: z.boolean(),
});

export const compareSchema = z.looseObject({
  format: z.literal('orchlab.compare/1'),
  orchlab: text,
  scenario: text,
  seed: num,
  replications: num,
  policies: z.array(text),
  runs: z.array(runSchema),
  paired: z.array(paired),
  best: z.record(text, text),
  failures: z.array(z.looseObject({ policy: text, error: text })),
});

export const sweepSchema = z.looseObject({
  format: z.literal('orchlab.sweep/1'),
  orchlab: text,
  scenario: text,
  axes: z
    .array(z.looseObject({ path: text, values: z.array(z.unknown()) }))
    .min(1, 'expected at least one axis'),
  points: z
    .array(
      z.looseObject({
        values: z.record(text, z.unknown()),
        runs: z.array(runSchema),
        paired: z.array(paired),
        best: z.record(text, text),
      }),
    )
    .min(1, 'expected at least one point'),
});

export const schemaByFormat = {
  'orchlab.run/1': runSchema,
  'orchlab.compare/1': compareSchema,
  'orchlab.sweep/1': sweepSchema,
} as const;
