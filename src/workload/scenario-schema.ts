// The scenario format: one zod schema is the single source of truth for validation, the
// TypeScript types the engine reads, and the JSON Schema editors use (scenario.schema.json).
import { z } from 'zod';
import { MAX_LIVE_TASKS } from '../model/task-table.js';
import { traceSpecSchema } from './trace/spec.js';

const positive = (what: string) => z.number({ error: `expected a number (${what})` }).positive();
const nonNegative = (what: string) => z.number({ error: `expected a number (${what})` }).nonnegative();
/** Agents in a whole fleet at most (every group together). */
export const MAX_AGENTS = 1_000_000;
/** Tasks one agent serves at once at most. */
export const MAX_SLOTS = 1_000_000;

/**
 * Replications of one policy at most: every replication's figures and timeline are kept until
 * the end (tens of KB each), so far more would only run the machine out of memory.
 */
export const MAX_REPLICATIONS = 10_000;

/**
 * A name shown in tables, messages and reports (scenario, class, agent group, skill): no control
 * characters, which a terminal would act on (an escape sequence, a carriage return).
 */
const label = () =>
  z
    .string()
    .min(1)
    .regex(/^\P{Cc}*$/u, 'expected a name without control characters (tab, newline, escape)');

const count = (what: string) =>
  z
    .number({ error: `expected a whole number (${what})` })
    .int()
    .min(1);

export const sizeDistSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('exponential'), mean: positive('mean work units') }),
  z.strictObject({ dist: z.literal('constant'), value: nonNegative('work units') }),
  z
    .strictObject({ dist: z.literal('uniform'), min: nonNegative('work units'), max: positive('work units') })
    .refine((d) => d.max > d.min, { message: 'max must be greater than min', path: ['max'] }),
  z.strictObject({
    dist: z.literal('lognormal'),
    mean: positive('mean work units'),
    cv: positive('coefficient of variation'),
  }),
  z
    .strictObject({
      dist: z.literal('pareto'),
      alpha: positive('shape'),
      min: positive('scale, smallest value'),
      max: positive('largest value, bounded Pareto').optional(),
    })
    .refine((d) => d.max === undefined || d.max > d.min, {
      message: 'max must be greater than min',
      path: ['max'],
    }),
  z.strictObject({
    dist: z.literal('empirical'),
    values: z.array(nonNegative('work units')).min(1, 'expected at least one value'),
  }),
  z.strictObject({
    /** Fitted to a recorded trace's column when the scenario is loaded (replaced by the fit). */
    dist: z.literal('fit'),
    trace: traceSpecSchema,
    /** The trace column (as `orchlab trace inspect` names it). Default: size. */
    column: z.string().min(1).default('size'),
    /** empirical: the means of 20 equal-count bins of the column (they keep its mean); lognormal: by its mean and CV. */
    model: z.enum(['empirical', 'lognormal']).default('empirical'),
  }),
]);
export type SizeDist = z.infer<typeof sizeDistSchema>;

export const arrivalSchema = z.discriminatedUnion('process', [
  z.strictObject({ process: z.literal('poisson'), rate: positive('tasks per second') }),
  z.strictObject({ process: z.literal('constant'), rate: positive('tasks per second') }),
  z.strictObject({
    process: z.literal('mmpp'),
    /** Visited in order, cyclically; each left after an exponential time at switchRate. */
    states: z
      .array(
        z.strictObject({
          rate: nonNegative('tasks per second in this state'),
          switchRate: positive('times per second the state is left'),
        }),
      )
      .min(2, 'expected at least two states'),
  }),
  z.strictObject({
    process: z.literal('diurnal'),
    meanRate: positive('tasks per second, averaged over a period'),
    amplitude: z.number().min(0).max(1, 'expected a number in [0, 1] (relative swing)'),
    periodSeconds: positive('seconds per cycle').default(86400),
    peakSeconds: nonNegative('seconds into the cycle when the rate peaks').optional(),
  }),
  z.strictObject({
    process: z.literal('piecewise'),
    steps: z
      .array(z.strictObject({ at: nonNegative('seconds'), rate: nonNegative('tasks per second') }))
      .min(1)
      .refine(
        (s) => s.every((x, i) => i === 0 || x.at > s[i - 1]!.at),
        'steps must be in increasing `at` order',
      )
      .refine((s) => s.some((x) => x.rate > 0), 'at least one step needs a rate > 0'),
    periodSeconds: positive('seconds before the profile repeats').optional(),
  }),
  z.strictObject({
    process: z.literal('batch'),
    /** Seconds between batches (constant). */
    intervalSeconds: positive('seconds between batches'),
    /** Arrivals per batch: Poisson with this mean (a batch may be empty). */
    // One batch arrives at once: more than the system can hold fails every run, after drawing it.
    meanBatchSize: positive('tasks per batch on average').max(
      MAX_LIVE_TASKS,
      `expected at most ${MAX_LIVE_TASKS.toLocaleString('en-US')} tasks per batch on average (the most tasks in the system at once)`,
    ),
  }),
  z.strictObject({
    process: z.literal('fit'),
    /** A recorded trace whose arrivals the fitted model resembles (replaced by the fit on load). */
    trace: traceSpecSchema,
    model: z.enum(['auto', 'poisson', 'mmpp']).default('auto'),
    /** Multiply the fitted rates (generate a heavier or lighter version of what was recorded). */
    rateScale: positive('rate multiplier').default(1),
  }),
]);
export type ArrivalSpec = z.infer<typeof arrivalSchema>;

/** A trace replayed as the workload: the trace spec plus how to replay it. */
export const replaySchema = traceSpecSchema.extend({
  /**
   * Compress or stretch time so the fleet runs at this utilization: the rate scale that makes the
   * trace's work per second this share of the fleet's slots × speed. Not with rateScale, and not
   * with agents of service: llm (their capacity depends on tokens, not speed).
   */
  targetUtilization: z.number().positive().max(2).optional(),
  /** Replications replay the trace identically unless `bootstrap` asks for block-bootstrap resamples. */
  resample: z.enum(['none', 'bootstrap']).default('none'),
  /**
   * Block length for the bootstrap, in seconds of replay time: blocks are cut after rateScale (or
   * targetUtilization) has scaled the trace, so with rateScale 2 a block of 60 s holds 120 s of it.
   */
  blockSeconds: positive('seconds per bootstrap block').default(60),
});
export type ReplaySpec = z.infer<typeof replaySchema>;

/** Affinity keys (tenants, sessions): `zipf` favours a few hot keys, `uniform` spreads evenly. */
export const keyDistSchema = z.union([
  z.strictObject({
    zipf: z.strictObject({ n: count('distinct keys'), s: positive('skew exponent') }),
  }),
  z.strictObject({ uniform: z.strictObject({ n: count('distinct keys') }) }),
]);
export type KeyDist = z.infer<typeof keyDistSchema>;

/**
 * Shared prompt prefixes for LLM tasks: each task opens with one of `prompts` system prompts
 * (drawn from a Zipf with exponent `s`) of `promptTokens` tokens; the rest of its input is unique.
 */
export const promptPrefixSchema = z.strictObject({
  prompts: count('distinct system prompts'),
  s: nonNegative('Zipf exponent (0: uniform)').default(1),
  promptTokens: count('tokens of each shared prompt'),
  blockTokens: count('tokens per cache block').default(512),
});
export type PromptPrefix = z.infer<typeof promptPrefixSchema>;

export const taskClassSchema = z.strictObject({
  name: label(),
  skill: label(),
  /** Work units; for LLM tasks defaults to input + output tokens. */
  size: sizeDistSchema.optional(),
  /** Prompt tokens of LLM tasks. */
  inputTokens: sizeDistSchema.optional(),
  /** Generated tokens of LLM tasks. */
  outputTokens: sizeDistSchema.optional(),
  prefix: promptPrefixSchema.optional(),
  key: keyDistSchema.optional(),
  weight: positive('share of arrivals').default(1),
  priority: z.number().int().nonnegative().default(0),
  deadline: positive('seconds after arrival').optional(),
});
export type TaskClass = z.infer<typeof taskClassSchema>;

export const agentGroupSchema = z.strictObject({
  name: label(),
  // Bounds a run can hold in memory (a million agents take about 1 GB), not model limits.
  count: count('agents in the group').max(MAX_AGENTS).default(1),
  slots: count('tasks served at once').max(MAX_SLOTS).default(1),
  speed: positive('work units per second').default(1),
  advertisedSpeed: positive('work units per second that policies see').optional(),
  skills: z.array(label()).min(1, 'expected at least one skill'),
  queueCapacity: z.number().int().nonnegative().optional(),
  cost: z
    .strictObject({
      perSecond: nonNegative('cost per busy slot-second').default(0),
      perUnit: nonNegative('cost per work unit').default(0),
    })
    .optional(),
  /** A task whose key this agent served recently runs this many times faster (locality). */
  affinitySpeedup: z.number().min(1, 'expected a number >= 1 (speed-up factor)').default(1),
  /** How many recent keys an agent remembers (LRU) for affinitySpeedup. */
  affinityKeys: count('keys an agent remembers').default(16),
  /**
   * How service time is modelled: `size / speed` by default; `llm` serves a task in
   * overheadSeconds + uncached input tokens / prefillTokensPerSecond + output tokens / decodeTokensPerSecond.
   */
  service: z
    .strictObject({
      model: z.literal('llm'),
      prefillTokensPerSecond: positive('prompt tokens per second'),
      decodeTokensPerSecond: positive('generated tokens per second'),
      overheadSeconds: nonNegative('seconds per request').default(0),
    })
    .optional(),
  /** A hosted model API's limit: past it, the agent starts no more work until its 60 s window frees. */
  rateLimit: z.strictObject({ tokensPerMinute: positive('tokens per minute') }).optional(),
  /** An LRU of prompt-prefix blocks: leading input blocks already held skip prefill. */
  prefixCache: z
    .strictObject({ blocks: count('blocks held'), blockTokens: count('tokens per block').default(512) })
    .optional(),
});
export type AgentGroup = z.infer<typeof agentGroupSchema>;

const stopByCount = z.strictObject({ completed: count('completed tasks') });
const stopByTime = z.strictObject({ time: positive('virtual seconds') });
const stopSchema = z.union([stopByCount, stopByTime]);
export type StopSpec = z.infer<typeof stopSchema>;

/**
 * Orchestration rules, applied before any policy picks:
 *   only: [groups]      the class may go only to these agent groups;
 *   prefer: [groups]    it goes to these groups unless every one of their agents holds at least
 *                       slots + spillQueue tasks, then to any group it may use;
 *   maxSlots / maxShare at most this many (or this share of the fleet's slots) of the class's
 *                       tasks are dispatched at once; the rest wait in arrival order.
 */
export const ruleSchema = z
  .strictObject({
    class: z.string().min(1),
    only: z.array(z.string().min(1)).min(1).optional(),
    prefer: z.array(z.string().min(1)).min(1).optional(),
    spillQueue: z.number().int().nonnegative().default(0),
    maxSlots: count('tasks dispatched at once').optional(),
    maxShare: z.number().positive().max(1).optional(),
  })
  .refine(
    (r) =>
      r.only !== undefined || r.prefer !== undefined || r.maxSlots !== undefined || r.maxShare !== undefined,
    {
      message: 'a rule needs at least one of: only, prefer, maxSlots, maxShare',
    },
  );
export type Rule = z.infer<typeof ruleSchema>;

export const routingSchema = z.looseObject({ policy: z.string().min(1) });
export type RoutingSpec = z.infer<typeof routingSchema>;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: label(),
  description: z.string().optional(),
  seed: z.number().int().nonnegative().default(1),
  /** A number, or `auto`: add replications until the 95% CI half-width of the mean response time is under `precision` × the mean (at most maxReplications). */
  replications: z
    .union([count('independent replications').max(MAX_REPLICATIONS), z.literal('auto')])
    .default(10),
  precision: z.number().positive().max(1).default(0.05),
  maxReplications: count('replications at most, with replications: auto').max(MAX_REPLICATIONS).default(100),
  stop: stopSchema,
  /** Fixed, or `auto`: the end of the transient is found per replication with MSER-5. */
  warmup: z.union([stopByCount, stopByTime, z.literal('auto')]).optional(),
  agents: z.array(agentGroupSchema).min(1, 'expected at least one agent group'),
  workload: z
    .strictObject({
      arrivals: arrivalSchema.optional(),
      /** A recorded trace to replay instead of synthetic arrivals. */
      trace: replaySchema.optional(),
      classes: z.array(taskClassSchema).min(1, 'expected at least one task class'),
      /** Each task's service time is multiplied by a lognormal factor of mean 1 and this cv, drawn at arrival. */
      serviceNoise: z.strictObject({ cv: positive('coefficient of variation') }).optional(),
    })
    .refine((w) => (w.arrivals === undefined) !== (w.trace === undefined), {
      message: 'expected exactly one of arrivals (synthetic) or trace (recorded)',
    }),
  routing: routingSchema.default({ policy: 'shared-queue' }),
  rules: z.array(ruleSchema).default([]),
  /** What "best" means in reports (docs/report.md): the lowest `metric` among policies within every `subjectTo` bound. */
  objective: z
    .strictObject({
      metric: z.string().min(1).default('responseTime.p99'),
      subjectTo: z.record(z.string().min(1), z.number()).default({}),
    })
    .optional(),
  queueing: z
    .strictObject({
      discipline: z.enum(['fifo', 'priority', 'edf']).default('fifo'),
      capacity: z.number().int().nonnegative().optional(),
    })
    .default({ discipline: 'fifo' }),
});

/** A validated scenario with every default filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
export type Discipline = Scenario['queueing']['discipline'];
