// The analytic cases `orchlab conformance` checks the simulator against. Each case is a scenario
// whose answer queueing theory gives in closed form, the figure to compare, and the formula.
import * as theory from '../analysis/queueing-theory.js';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { scenarioSchema } from '../workload/scenario-schema.js';

export interface ConformanceCheck {
  /** What is compared, e.g. "mean wait". */
  readonly label: string;
  /** The closed-form value. */
  readonly theory: number;
  /** The same figure from one replication. */
  readonly measure: (m: ReplicationMetrics) => number;
  /** How the theory value follows from the case's formula, when it is not that formula itself. */
  readonly formula?: string;
}

export interface ConformanceCase {
  readonly name: string;
  readonly formula: string;
  readonly scenario: Scenario;
  readonly checks: readonly ConformanceCheck[];
}

interface Sizes {
  readonly completed: number;
  readonly warmup: number;
  readonly replications: number;
}

function scenario(
  name: string,
  sizes: Sizes,
  agents: Record<string, unknown>[],
  rate: number,
  classes: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Scenario {
  return scenarioSchema.parse({
    name,
    seed: 20260101,
    replications: sizes.replications,
    stop: { completed: sizes.completed },
    warmup: { completed: sizes.warmup },
    agents,
    workload: { arrivals: { process: 'poisson', rate }, classes },
    ...extra,
  });
}

const general = (count: number, slots = 1) => ({
  name: 'agents',
  count,
  slots,
  speed: 1,
  skills: ['general'],
});
const expClass = (mean = 1, extra: Record<string, unknown> = {}) => ({
  name: 'default',
  skill: 'general',
  size: { dist: 'exponential', mean },
  ...extra,
});
const meanWait = (m: ReplicationMetrics) => m.waitTime.mean;
const meanResponse = (m: ReplicationMetrics) => m.responseTime.mean;

export function conformanceCases(quick: boolean): ConformanceCase[] {
  const sizes: Sizes = quick
    ? { completed: 60_000, warmup: 5_000, replications: 10 }
    : { completed: 400_000, warmup: 20_000, replications: 20 };
  const mm1 = theory.mmc(0.7, 1, 1);
  const mm16 = theory.mmc(14.4, 1, 16);
  const mmc4slots = theory.mmc(3.2, 1, 4);
  const md1 = theory.mg1(0.7, 1, 0);
  const mg1 = theory.mg1(0.6, 1, 2.25);
  const prio = theory.priorityNonPreemptive([0.4, 0.4], [1, 1], [1, 1]);
  const perQueue = theory.mmc(0.7, 1, 1);
  return [
    {
      name: 'M/M/1 rho=0.7',
      formula: 'Wq = rho / (mu - lambda)',
      scenario: scenario('mm1', sizes, [general(1)], 0.7, [expClass()], {
        routing: { policy: 'shared-queue' },
      }),
      checks: [
        { label: 'mean wait', theory: mm1.meanWait, measure: meanWait },
        {
          label: 'mean response',
          theory: mm1.meanResponse,
          measure: meanResponse,
          formula: 'W = Wq + 1/mu, Wq = rho / (mu - lambda)',
        },
      ],
    },
    {
      name: 'M/M/16 rho=0.9 (shared-queue)',
      formula: 'Wq = C(c, a) / (c mu - lambda), Erlang C',
      scenario: scenario('mmc-16', sizes, [general(16)], 14.4, [expClass()]),
      checks: [
        { label: 'mean wait', theory: mm16.meanWait, measure: meanWait },
        {
          label: 'mean in system',
          theory: mm16.meanInSystem,
          measure: (m) => m.numberInSystem,
          formula: "L = lambda (Wq + 1/mu) (Little's law), Wq by Erlang C",
        },
        {
          label: 'utilization',
          theory: mm16.rho,
          measure: (m) => m.utilization,
          formula: 'rho = lambda / (c mu)',
        },
      ],
    },
    {
      name: 'M/M/4 as one agent with 4 slots',
      formula: 'Erlang C with c = slots',
      scenario: scenario('mmc-slots', sizes, [general(1, 4)], 3.2, [expClass()]),
      checks: [{ label: 'mean wait', theory: mmc4slots.meanWait, measure: meanWait }],
    },
    {
      name: 'M/D/1 rho=0.7',
      formula: 'Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)), E[S^2] = E[S]^2',
      scenario: scenario('md1', sizes, [general(1)], 0.7, [
        { name: 'default', skill: 'general', size: { dist: 'constant', value: 1 } },
      ]),
      checks: [{ label: 'mean wait', theory: md1.meanWait, measure: meanWait }],
    },
    {
      name: 'M/G/1 lognormal cv=1.5 rho=0.6',
      formula: 'Pollaczek-Khinchine with E[S^2] = (1 + cv^2) E[S]^2',
      scenario: scenario('mg1', sizes, [general(1)], 0.6, [
        { name: 'default', skill: 'general', size: { dist: 'lognormal', mean: 1, cv: 1.5 } },
      ]),
      checks: [{ label: 'mean wait', theory: mg1.meanWait, measure: meanWait }],
    },
    {
      name: 'random over 4 agents = 4 x M/M/1 rho=0.7',
      formula: 'Poisson splitting: each agent is M/M/1 with lambda/4',
      scenario: scenario('random-4', sizes, [general(4)], 2.8, [expClass()], {
        routing: { policy: 'random' },
      }),
      checks: [
        {
          label: 'mean response',
          theory: perQueue.meanResponse,
          measure: meanResponse,
          formula: 'Poisson splitting: each agent is M/M/1 with lambda/4; W = 1 / (mu - lambda/4)',
        },
      ],
    },
    {
      name: 'two-class priority M/M/1 rho=0.8',
      formula: 'Cobham: W_k = W0 / ((1 - s_{k-1}) (1 - s_k)), W0 = sum lambda_i E[S_i^2] / 2',
      scenario: scenario(
        'priority-2',
        sizes,
        [general(1)],
        0.8,
        [
          { name: 'high', skill: 'general', priority: 0, size: { dist: 'exponential', mean: 1 } },
          { name: 'low', skill: 'general', priority: 1, size: { dist: 'exponential', mean: 1 } },
        ],
        { queueing: { discipline: 'priority' } },
      ),
      checks: [
        {
          label: 'mean wait, high',
          theory: prio.meanWait[0]!,
          measure: (m) => m.classes.high!.waitTime.mean,
        },
        { label: 'mean wait, low', theory: prio.meanWait[1]!, measure: (m) => m.classes.low!.waitTime.mean },
      ],
    },
    {
      name: "Little's law on M/M/16 with jsq",
      formula: 'L = lambda W: time-averaged number in system minus throughput x mean response is 0',
      scenario: scenario('little', sizes, [general(16)], 14.4, [expClass()], { routing: { policy: 'jsq' } }),
      checks: [
        {
          label: 'L - lambda W',
          theory: 0,
          measure: (m) => m.numberInSystem - m.throughput * m.responseTime.mean,
        },
      ],
    },
  ];
}
