// The parts of orchlab.run/1, orchlab.compare/1 and orchlab.sweep/1 that a report reads, as loose
// zod schemas: extra fields pass (formats may grow), missing or mistyped ones are reported by path
// with what was expected (issueText). Every field the report code reads is here, so a result
// that passes is drawn without surprises: the scenario in words (scenario-words.ts), the charts
// (specs/*), the headline and the tables. A field read elsewhere in src/report belongs here too.
// JSON turns NaN and ±Infinity into null, so per-replication figures may be null, and so may an
// estimate's value and interval (orchlab writes { value: null, ci95: null } for a figure some
// replication had no value of, and ci95 [v, v] over one replication).
import { z } from 'zod';
import { MAX_AGENTS } from '../workload/scenario-schema.js';
import { count } from '../plural.js';

/** A short, one-line description of a JSON value for messages: `"wide"`, `null`, `an object`. */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of ${count(x.length, 'item')}`;
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  return String(x);
}

/** A schema-level message: `missing; expected …` or `expected …, found …` for a wrong type. */
const expecting =
  (what: string) =>
  (iss: { code: string; input?: unknown }): string | undefined => {
    // An unknown discriminator (`dist`, `process`) is worded by issueText: one of the known ones.
    if (iss.code === 'invalid_union' && 'discriminator' in iss) return undefined;
    if (iss.code !== 'invalid_type' && iss.code !== 'invalid_union' && iss.code !== 'invalid_value')
      return undefined;
    return iss.input === undefined
      ? `missing; expected ${what}`
      : `expected ${what}, found ${describeValue(iss.input)}`;
  };

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  tuple: 'an array',
  record: 'an object',
};

/**
 * The message for a zod issue that its schema does not word itself (pass as the `error` option of
 * safeParse): what was expected and what was found, on one line.
 */
export function issueText(iss: z.core.$ZodRawIssue): string | undefined {
  const found = iss.input === undefined ? 'missing' : `found ${describeValue(iss.input)}`;
  switch (iss.code) {
    case 'invalid_type': {
      const what = TYPE_WORDS[iss.expected] ?? iss.expected;
      return iss.input === undefined ? `missing; expected ${what}` : `expected ${what}, ${found}`;
    }
    case 'invalid_value':
      return `expected ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}, ${found}`;
    case 'invalid_union':
      // The issue's input is the object; its path ends at the discriminating field.
      if ('discriminator' in iss && Array.isArray(iss.options)) {
        const value = (iss.input as Record<string, unknown> | undefined)?.[String(iss.discriminator)];
        const what = value === undefined ? 'missing' : `found ${describeValue(value)}`;
        return `expected one of ${iss.options.map(String).join(', ')}, ${what}`;
      }
      return undefined;
    case 'too_small':
    case 'too_big': {
      const [word, sign] = iss.code === 'too_small' ? ['least', '>'] : ['most', '<'];
      const limit = iss.code === 'too_small' ? iss.minimum : iss.maximum;
      if (iss.origin === 'array')
        return `expected at ${word} ${count(Number(limit), 'item')}, found ${Array.isArray(iss.input) ? iss.input.length : describeValue(iss.input)}`;
      return `expected a number ${sign}${iss.inclusive ? '=' : ''} ${limit}, ${found}`;
    }
    default:
      return undefined;
  }
}

const num = z.number();
const maybeNum = z.number({ error: expecting('a number or null') }).nullable();
const text = z.string();
const whole = z.number().int();

const interval = z
  .tuple([maybeNum, maybeNum], {
    error: (iss) =>
      iss.input === undefined
        ? 'missing; expected [low, high] or null'
        : `expected [low, high] or null, found ${describeValue(iss.input)}`,
  })
  .nullable();

/** `{ value, ci95 }`: a mean and its 95% interval, both null when some replication had no value. */
const estimate = z
  .looseObject({ value: maybeNum, ci95: interval }, { error: expecting('an estimate { value, ci95 }') })
  .superRefine((e, ctx) => {
    if (e.value !== null && e.ci95 === null)
      ctx.addIssue({
        code: 'custom',
        path: ['ci95'],
        input: e.ci95,
        message: `expected [low, high] beside the value ${e.value}, found null (ci95 is null only with a null value)`,
      });
  });

/**
 * A run's `metrics`: the report lists every figure in it (metrics.ts walks every object with a
 * `value` and a `ci95`), so each such object, at any depth, must be an estimate.
 */
function everyEstimate(node: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  if ('value' in node || 'ci95' in node) {
    const checked = estimate.safeParse(node, { error: issueText });
    if (!checked.success)
      for (const i of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: [...path, ...i.path], input: undefined, message: i.message });
    return;
  }
  for (const [k, v] of Object.entries(node)) everyEstimate(v, [...path, k], ctx);
}

const quantileEstimates = z.looseObject(
  { mean: estimate, p50: estimate, p90: estimate, p95: estimate, p99: estimate, p999: estimate },
  { error: expecting('the estimates mean, p50, p90, p95, p99 and p999') },
);
const quantiles = z.looseObject(
  { mean: maybeNum, p50: maybeNum, p90: maybeNum, p95: maybeNum, p99: maybeNum, p999: maybeNum },
  { error: expecting('the figures mean, p50, p90, p95, p99 and p999') },
);

const timeline = z.looseObject({
  bucketSeconds: num.positive(),
  numberInSystem: z.array(maybeNum),
  numberInQueue: z.array(maybeNum),
  utilization: z.array(maybeNum),
  completed: z.array(maybeNum),
  agentUtilization: z.array(z.array(maybeNum)).optional(),
});

const replication = z.looseObject({
  replication: whole,
  warmupEndSeconds: num,
  endSeconds: num,
  metrics: z.looseObject({ responseTime: quantiles, cost: maybeNum, utilization: maybeNum }),
  timeline,
  // Written only when they apply (older results lack them); the report's notes read them.
  warmupCut: z.looseObject({ completed: num, seconds: num, atLimit: z.literal(true).optional() }).optional(),
  workloadEnded: z.literal(true).optional(),
  skippedRows: z.looseObject({ rows: whole, reasons: z.array(text) }).optional(),
});

// The normalized scenario, as scenario-words.ts, specs/agent-heatmap.ts, headline.ts and
// objective.ts read it (every default filled in: orchlab writes each of these fields).

const sizeDist = z.discriminatedUnion(
  'dist',
  [
    z.looseObject({ dist: z.literal('exponential'), mean: num }),
    z.looseObject({ dist: z.literal('constant'), value: num }),
    z.looseObject({ dist: z.literal('uniform'), min: num, max: num }),
    z.looseObject({ dist: z.literal('lognormal'), mean: num }),
    z.looseObject({ dist: z.literal('pareto'), alpha: num, min: num, max: num.optional() }),
    z.looseObject({ dist: z.literal('empirical'), values: z.array(num).min(1) }),
    z.looseObject({ dist: z.literal('fit') }),
  ],
  { error: expecting('a size distribution { dist, ... }') },
);

const traceFile = z.looseObject({ file: text }, { error: expecting('a trace { file, ... }') });

const arrivals = z.discriminatedUnion(
  'process',
  [
    z.looseObject({ process: z.literal('poisson'), rate: num }),
    z.looseObject({ process: z.literal('constant'), rate: num }),
    z.looseObject({
      process: z.literal('mmpp'),
      states: z.array(z.looseObject({ rate: num, switchRate: num })).min(1),
    }),
    z.looseObject({ process: z.literal('diurnal'), meanRate: num, amplitude: num }),
    z.looseObject({
      process: z.literal('piecewise'),
      steps: z.array(z.looseObject({ at: num, rate: num })).min(1),
      periodSeconds: num.optional(),
    }),
    z.looseObject({ process: z.literal('batch'), intervalSeconds: num, meanBatchSize: num }),
    z.looseObject({ process: z.literal('fit'), trace: traceFile }),
  ],
  { error: expecting('an arrival process { process, ... }') },
);

const byCount = z.looseObject({ completed: num });
const byTime = z.looseObject({ time: num });

const agentGroup = z.looseObject({
  name: text,
  count: whole.min(1).max(MAX_AGENTS),
  slots: num,
  speed: num,
  service: z.looseObject({ decodeTokensPerSecond: num }).optional(),
  cost: z.looseObject({ perSecond: num, perUnit: num }).optional(),
});

const taskClass = z.looseObject({
  name: text,
  skill: text,
  weight: num,
  size: sizeDist.optional(),
});

const scenarioSpec = z.looseObject(
  {
    name: text,
    seed: num,
    stop: z.union([byCount, byTime], { error: expecting('{ completed: N } or { time: S }') }),
    warmup: z
      .union([byCount, byTime, z.literal('auto')], {
        error: expecting("{ completed: N }, { time: S } or 'auto'"),
      })
      .optional(),
    agents: z.array(agentGroup).min(1),
    workload: z
      .looseObject({
        arrivals: arrivals.optional(),
        trace: traceFile.optional(),
        classes: z.array(taskClass).min(1),
      })
      .superRefine((w, ctx) => {
        if (w.arrivals === undefined && w.trace === undefined)
          ctx.addIssue({
            code: 'custom',
            input: undefined,
            message: 'expected arrivals (synthetic) or trace (recorded); found neither',
          });
      }),
    rules: z.array(z.unknown()),
    queueing: z.looseObject({ discipline: text }),
    // The re-run command names a module policy by this path; notes read the precision asked.
    routing: z.looseObject({ policy: text }),
    replications: z.union([whole, z.literal('auto')], { error: expecting("a whole number or 'auto'") }),
    precision: num.optional(),
    // Read and checked by objective.ts, with its own messages.
    objective: z.unknown().optional(),
  },
  { error: expecting('the normalized scenario (an object)') },
);

const policy = z.looseObject({ name: text, label: text });

const runMetrics = z
  .looseObject({
    responseTime: quantileEstimates,
    waitTime: quantileEstimates,
    utilization: estimate,
    cost: estimate,
  })
  .superRefine((m, ctx) => everyEstimate(m, [], ctx));

export const runSchema = z.looseObject({
  format: z.literal('orchlab.run/1'),
  orchlab: text,
  scenario: text,
  policy,
  seed: num,
  replications: num,
  replicationsTarget: num.optional(),
  precisionMet: z.boolean().optional(),
  metrics: runMetrics,
  replicationResults: z.array(replication).min(1),
  scenarioSpec,
});

const paired = z.looseObject({
  a: text,
  b: text,
  metric: text,
  diff: z.looseObject({ value: num, ci95: z.tuple([num, num]) }),
  significant: z.boolean(),
});

const failure = z.looseObject({ policy: text, error: text });

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
  failures: z.array(failure),
});

export const sweepSchema = z
  .looseObject({
    format: z.literal('orchlab.sweep/1'),
    orchlab: text,
    scenario: text,
    axes: z.array(z.looseObject({ path: text, values: z.array(z.unknown()) })).min(1),
    points: z
      .array(
        z.looseObject({
          values: z.record(text, z.unknown()),
          runs: z.array(runSchema),
          paired: z.array(paired),
          best: z.record(text, text),
          error: text.optional(),
          failures: z.array(failure).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((sweep, ctx) => {
    // Each point's label and place on the sweep chart come from its value of every axis.
    if (!Array.isArray(sweep.points) || !Array.isArray(sweep.axes)) return;
    sweep.points.forEach((p, i) => {
      const values: unknown = p?.values;
      if (typeof values !== 'object' || values === null) return;
      for (const a of sweep.axes)
        if (typeof a?.path === 'string' && !Object.hasOwn(values, a.path))
          ctx.addIssue({
            code: 'custom',
            path: ['points', i, 'values', a.path],
            input: undefined,
            message: `missing; expected the point's value of the axis ${a.path}`,
          });
    });
  });

export const schemaByFormat = {
  'orchlab.run/1': runSchema,
  'orchlab.compare/1': compareSchema,
  'orchlab.sweep/1': sweepSchema,
} as const;
