// fast-check arbitraries for small random scenarios: a few agent groups with overlapping skills,
// a few classes whose skills some group has, any size distribution, discipline and queue bound;
// sometimes agents that advertise a speed they do not have, prices, affinity keys and locality,
// and rules: `prefer` (so policies see a class's preferred subset as task.eligible), `only` and
// `maxSlots` (which the invariant probe checks are never broken).
import fc from 'fast-check';
import { type Scenario, scenarioSchema } from '../../src/workload/scenario-schema.js';

const SKILLS = ['a', 'b', 'c'];

const sizeArb = fc.oneof(
  fc.record({ dist: fc.constant('exponential'), mean: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
  fc.record({ dist: fc.constant('constant'), value: fc.double({ min: 0, max: 3, noNaN: true }) }),
  fc.record({
    dist: fc.constant('uniform'),
    min: fc.constant(0),
    max: fc.double({ min: 0.1, max: 3, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('lognormal'),
    mean: fc.double({ min: 0.1, max: 3, noNaN: true }),
    cv: fc.double({ min: 0.1, max: 3, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('pareto'),
    alpha: fc.constant(1.5),
    min: fc.constant(0.2),
    max: fc.constant(20),
  }),
  fc.record({
    dist: fc.constant('empirical'),
    values: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 5 }),
  }),
);

const keyArb = fc.oneof(
  fc.record({
    zipf: fc.record({ n: fc.integer({ min: 1, max: 40 }), s: fc.double({ min: 0.5, max: 2, noNaN: true }) }),
  }),
  fc.record({ uniform: fc.record({ n: fc.integer({ min: 1, max: 40 }) }) }),
);

export interface RandomCase {
  readonly scenario: Scenario;
  readonly maxArrivals: number;
}

export function randomScenario(policies: readonly string[]): fc.Arbitrary<RandomCase> {
  return fc
    .record({
      groups: fc.array(
        fc.record({
          count: fc.integer({ min: 1, max: 4 }),
          slots: fc.integer({ min: 1, max: 3 }),
          speed: fc.double({ min: 0.2, max: 5, noNaN: true }),
          skills: fc.subarray(SKILLS, { minLength: 1 }),
          queueCapacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
          advertisedSpeed: fc.option(fc.double({ min: 0.2, max: 5, noNaN: true }), { nil: undefined }),
          cost: fc.option(
            fc.record({
              perSecond: fc.double({ min: 0, max: 5, noNaN: true }),
              perUnit: fc.double({ min: 0, max: 5, noNaN: true }),
            }),
            { nil: undefined },
          ),
          affinitySpeedup: fc.double({ min: 1, max: 3, noNaN: true }),
          affinityKeys: fc.integer({ min: 1, max: 8 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      classCount: fc.integer({ min: 1, max: 3 }),
      classPicks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      sizes: fc.array(sizeArb, { minLength: 3, maxLength: 3 }),
      priorities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      keys: fc.array(fc.option(keyArb, { nil: undefined }), { minLength: 3, maxLength: 3 }),
      prefer: fc.option(fc.record({ group: fc.nat(), spillQueue: fc.integer({ min: 0, max: 2 }) }), {
        nil: undefined,
      }),
      only: fc.option(fc.nat(), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      rate: fc.double({ min: 0.2, max: 20, noNaN: true }),
      process: fc.constantFrom('poisson', 'constant'),
      discipline: fc.constantFrom('fifo', 'priority', 'edf'),
      policy: fc.constantFrom(...policies),
      seed: fc.nat(1_000_000),
      maxArrivals: fc.integer({ min: 1, max: 300 }),
    })
    .map((r) => {
      const skills = [...new Set(r.groups.flatMap((g) => g.skills))];
      const classes = Array.from({ length: r.classCount }, (_, i) => ({
        name: `c${i}`,
        skill: skills[r.classPicks[i]! % skills.length]!,
        size: r.sizes[i]!,
        priority: r.priorities[i]!,
        deadline: 1 + i,
        ...(r.keys[i] === undefined ? {} : { key: r.keys[i] }),
      }));
      const rules: Record<string, unknown>[] =
        r.prefer === undefined
          ? []
          : [
              {
                class: 'c0',
                prefer: [`g${r.prefer.group % r.groups.length}`],
                spillQueue: r.prefer.spillQueue,
              },
            ];
      // `only`: the last class may use one group that has its skill; `maxSlots`: a limit on c0.
      const last = classes[classes.length - 1]!;
      const able = r.groups.flatMap((g, i) => (g.skills.includes(last.skill) ? [`g${i}`] : []));
      if (r.only !== undefined) rules.push({ class: last.name, only: [able[r.only % able.length]!] });
      if (r.limit !== undefined) rules.push({ class: 'c0', maxSlots: r.limit });
      const scenario = scenarioSchema.parse({
        name: 'random',
        seed: r.seed,
        replications: 1,
        stop: { time: 1e9 },
        agents: r.groups.map((g, i) => ({ name: `g${i}`, ...g })),
        workload: { arrivals: { process: r.process, rate: r.rate }, classes },
        routing: { policy: r.policy },
        rules,
        queueing: { discipline: r.discipline },
      });
      return { scenario, maxArrivals: r.maxArrivals };
    });
}
