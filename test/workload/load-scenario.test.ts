// Scenario loading: defaults, and that every mistake is reported as `<file>:<line>: <field>: <expectation>`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { routingPolicies } from '../../src/policies/routing/index.js';
import { type LoadOptions, loadScenarioFile, parseScenario } from '../../src/workload/load-scenario.js';

const FILE = 'scenarios/mmc.yaml';
const opts: LoadOptions = { knownPolicies: ['shared-queue', 'random', 'round-robin', 'jsq', 'power-of-d'] };

// Line numbers matter: the assertions below refer to them.
const MMC = [
  'name: mmc-16', //                                  1
  'seed: 42', //                                      2
  'replications: 10', //                              3
  'stop: { completed: 200000 }', //                   4
  'warmup: { completed: 20000 }', //                  5
  'agents:', //                                       6
  '  - name: worker', //                              7
  '    count: 16', //                                 8
  '    slots: 1', //                                  9
  '    speed: 1', //                                 10
  '    skills: [general]', //                        11
  'workload:', //                                    12
  '  arrivals: { process: poisson, rate: 14.4 }', // 13
  '  classes:', //                                   14
  '    - name: default', //                          15
  '      skill: general', //                         16
  '      size: { dist: exponential, mean: 1 }', //   17
  'routing:', //                                     18
  '  policy: shared-queue', //                       19
  '',
].join('\n');

/** MMC with each `[from, to]` replacement applied; each `from` must occur exactly once. */
function mmc(...edits: [string, string][]): string {
  let text = MMC;
  for (const [from, to] of edits) {
    if (text.split(from).length !== 2) throw new Error(`test bug: '${from}' is not unique in MMC`);
    text = text.replace(from, to);
  }
  return text;
}

/** The message of the InputError that parsing `text` throws. */
function errorFor(text: string, options: LoadOptions = opts): string {
  try {
    parseScenario(text, FILE, options);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('parseScenario: valid input', () => {
  it('parses the M/M/c scenario and fills defaults', () => {
    const s = parseScenario(MMC, FILE, opts);
    expect(s.name).toBe('mmc-16');
    expect(s.stop).toEqual({ completed: 200000 });
    expect(s.agents[0]).toEqual({
      name: 'worker',
      count: 16,
      slots: 1,
      speed: 1,
      skills: ['general'],
      affinitySpeedup: 1,
      affinityKeys: 16,
    });
    expect(s.rules).toEqual([]);
    expect(s.workload.classes[0]).toMatchObject({ weight: 1, priority: 0 });
    expect(s.queueing).toEqual({ discipline: 'fifo' });
    expect(s.routing).toEqual({ policy: 'shared-queue' });
  });

  it('defaults routing to shared-queue and keeps policy parameters', () => {
    expect(parseScenario(mmc(['routing:\n  policy: shared-queue\n', '']), FILE, opts).routing).toEqual({
      policy: 'shared-queue',
    });
    const s = parseScenario(mmc(['policy: shared-queue', 'policy: power-of-d\n  d: 3']), FILE, opts);
    expect(s.routing).toEqual({ policy: 'power-of-d', d: 3 });
  });

  it('accepts a policy module path without checking it, relative to the scenario file as trace paths are', () => {
    const cases = [
      ['./my-policy.ts', 'scenarios/my-policy.ts'],
      ['policies/p.js', 'scenarios/policies/p.js'],
      ['../p.mjs', 'p.mjs'],
      ['/abs/p.ts', '/abs/p.ts'],
    ];
    for (const [path, fromCwd] of cases) {
      const s = parseScenario(mmc(['policy: shared-queue', `policy: ${path}`]), FILE, opts);
      expect(s.routing.policy).toBe(fromCwd);
    }
    // One given on the command line is relative to the working directory.
    const set = parseScenario(MMC, FILE, { ...opts, overrides: ['routing.policy=./my-policy.ts'] });
    expect(set.routing.policy).toBe('./my-policy.ts');
    // A scenario in the working directory keeps its path as written (same bytes, same digests).
    expect(
      parseScenario(mmc(['policy: shared-queue', 'policy: p.ts']), 'here.yaml', opts).routing.policy,
    ).toBe('p.ts');
  });

  it('allows zero-size tasks', () => {
    const constant = mmc(['{ dist: exponential, mean: 1 }', '{ dist: constant, value: 0 }']);
    expect(parseScenario(constant, FILE, opts).workload.classes[0]!.size).toEqual({
      dist: 'constant',
      value: 0,
    });
    const empirical = mmc(['{ dist: exponential, mean: 1 }', '{ dist: empirical, values: [0, 0] }']);
    expect(parseScenario(empirical, FILE, opts).workload.classes[0]!.size).toEqual({
      dist: 'empirical',
      values: [0, 0],
    });
  });

  it('applies --set overrides before validating', () => {
    const s = parseScenario(MMC, FILE, {
      ...opts,
      overrides: ['agents.0.count=100', 'routing.policy=jsq', 'workload.arrivals.rate=90'],
    });
    expect(s.agents[0]!.count).toBe(100);
    expect(s.routing.policy).toBe('jsq');
    expect(s.workload.arrivals).toEqual({ process: 'poisson', rate: 90 });
  });
});

describe('parseScenario: schema errors', () => {
  it('reports a negative arrival rate', () => {
    expect(errorFor(mmc(['rate: 14.4', 'rate: -1']))).toBe(
      `${FILE}:13: workload.arrivals.rate: expected a number > 0 (tasks per second), got -1`,
    );
  });

  it('reports a zero arrival rate', () => {
    expect(errorFor(mmc(['rate: 14.4', 'rate: 0']))).toBe(
      `${FILE}:13: workload.arrivals.rate: expected a number > 0 (tasks per second), got 0`,
    );
  });

  it('reports slots: 0 as a whole number >= 1', () => {
    expect(errorFor(mmc(['slots: 1', 'slots: 0']))).toBe(
      `${FILE}:9: agents.0.slots: expected a whole number >= 1 and <= 1000000 (tasks served at once), got 0`,
    );
  });

  it('reports a fractional count', () => {
    expect(errorFor(mmc(['count: 16', 'count: 1.5']))).toBe(
      `${FILE}:8: agents.0.count: expected a whole number >= 1 and <= 1000000 (agents in the group), got 1.5`,
    );
  });

  it('lists the allowed distributions for a wrong dist and suggests one', () => {
    const msg = errorFor(mmc(['dist: exponential', 'dist: expo']));
    expect(msg).toBe(
      `${FILE}:17: workload.classes.0.size.dist: expected one of: exponential, constant, uniform, lognormal, ` +
        "pareto, empirical, fit; got 'expo'; did you mean 'exponential'?",
    );
  });

  it('suggests the closest key for an unknown key', () => {
    expect(errorFor(mmc(['slots: 1', 'slot: 1']))).toBe(
      `${FILE}:9: agents.0.slot: unknown key 'slot'; did you mean 'slots'?`,
    );
  });

  it('lists the allowed keys when no key is close', () => {
    expect(errorFor(mmc(['speed: 1', 'throughput: 1']))).toBe(
      `${FILE}:10: agents.0.throughput: unknown key 'throughput'; allowed keys: ` +
        'name, count, slots, speed, advertisedSpeed, skills, queueCapacity, cost, affinitySpeedup, affinityKeys, ' +
        'service, rateLimit, prefixCache',
    );
  });

  it('suggests keys inside stop/warmup unions', () => {
    expect(errorFor(mmc(['warmup: { completed: 20000 }', 'warmup: { complete: 20000 }']))).toBe(
      `${FILE}:5: warmup.complete: unknown key 'complete'; did you mean 'completed'?`,
    );
  });

  it('reports a missing field on the line of its parent', () => {
    expect(errorFor(mmc(['      skill: general\n', '']))).toBe(
      `${FILE}:15: workload.classes.0.skill: missing; expected a non-empty string`,
    );
  });

  it('reports an enum value with the allowed values', () => {
    expect(errorFor(`${MMC}queueing: { discipline: newest }\n`)).toBe(
      `${FILE}:20: queueing.discipline: expected one of: fifo, priority, edf; got 'newest'`,
    );
  });

  it('suggests the closest enum value', () => {
    expect(errorFor(`${MMC}queueing: { discipline: prio }\n`)).toContain(
      "got 'prio'; did you mean 'priority'?",
    );
  });

  it('reports every issue, one per line, in file order', () => {
    const msg = errorFor(mmc(['rate: 14.4', 'rate: -1'], ['slots: 1', 'slots: 0'], ['seed: 42', 'seed: -3']));
    expect(msg.split('\n')).toEqual([
      `${FILE}:2: seed: expected a whole number >= 0, got -3`,
      `${FILE}:9: agents.0.slots: expected a whole number >= 1 and <= 1000000 (tasks served at once), got 0`,
      `${FILE}:13: workload.arrivals.rate: expected a number > 0 (tasks per second), got -1`,
    ]);
  });

  it('describes --set mistakes in a field of several forms (stop: completed or time) by the field set, with every key', () => {
    const set = (...overrides: string[]) => errorFor(MMC, { ...opts, overrides });
    expect(set('stop.completed=')).toBe(
      `${FILE}: stop.completed: expected a whole number >= 1 (completed tasks), got an empty value (from --set stop.completed=)`,
    );
    expect(set('stop.foo=1')).toBe(
      `${FILE}: stop.foo: unknown key 'foo'; allowed keys: completed, time (from --set stop.foo=1)`,
    );
    expect(set('stop.time=100')).toBe(
      `${FILE}: stop: expected only one of the keys: completed, time (from --set stop.time=100)`,
    );
    // A new key deep under an unknown one is blamed on the --set, not on a line of the file.
    expect(set('nosuch.path=3')).toMatch(
      new RegExp(
        `^${FILE}: nosuch: unknown key 'nosuch'; allowed keys: .* \\(from --set nosuch\\.path=3\\)$`,
      ),
    );
  });

  it('names every form a field takes when none fits: mappings by their keys, and auto', () => {
    expect(errorFor(MMC, { ...opts, overrides: ['warmup=autox'] })).toBe(
      `${FILE}: warmup: expected a mapping with one of the keys: completed, time, or 'auto', got 'autox' ` +
        '(from --set warmup=autox)',
    );
    expect(errorFor(MMC, { ...opts, overrides: ['replications=autox'] })).toBe(
      `${FILE}: replications: expected a whole number >= 1 and <= 10000, or 'auto', got 'autox' (from --set replications=autox)`,
    );
  });

  it('marks a bad value that came from --set', () => {
    expect(errorFor(MMC, { ...opts, overrides: ['agents.0.slots=0'] })).toBe(
      `${FILE}: agents.0.slots: expected a whole number >= 1 and <= 1000000 (tasks served at once), got 0 ` +
        '(from --set agents.0.slots=0)',
    );
  });

  it('reports an empty file', () => {
    expect(errorFor('')).toMatch(
      new RegExp(`^${FILE}: expected a mapping \\(needs name, stop, agents, workload\\)`),
    );
  });
});

describe('parseScenario: semantic checks', () => {
  it('reports a class whose skill no agent has', () => {
    expect(
      errorFor(mmc(['skill: general', 'skill: gpu'], ['skills: [general]', 'skills: [general, cpu]'])),
    ).toBe(`${FILE}:16: workload.classes.0.skill: no agent has skill 'gpu' (agents have: general, cpu)`);
  });

  it('reports an unknown policy, suggesting the closest and listing the known ones', () => {
    const msg = errorFor(mmc(['policy: shared-queue', 'policy: jsqq']));
    expect(msg).toMatch(
      new RegExp(
        `^${FILE}:19: routing\\.policy: unknown policy 'jsqq'; did you mean 'jsq'\\? ` +
          'Known policies: shared-queue, random, round-robin, jsq, power-of-d',
      ),
    );
  });

  it('reports an unknown policy with no close match', () => {
    const msg = errorFor(mmc(['policy: shared-queue', 'policy: magic']));
    expect(msg).toContain(
      `${FILE}:19: routing.policy: unknown policy 'magic'. Known policies: shared-queue,`,
    );
    expect(msg).not.toContain('did you mean');
  });

  it('reports duplicate agent group and class names', () => {
    const text = mmc(
      ['  - name: worker\n', '  - name: worker\n    skills: [general]\n  - name: worker\n'],
      [
        '    - name: default\n',
        '    - name: default\n      skill: general\n      size: { dist: constant, value: 1 }\n    - name: default\n',
      ],
    );
    expect(errorFor(text).split('\n')).toEqual([
      `${FILE}:9: agents.1.name: duplicate agent group name 'worker' (also used by agents.0)`,
      `${FILE}:20: workload.classes.1.name: duplicate task class name 'default' (also used by workload.classes.0)`,
    ]);
  });

  it('reports a stop that is never past the warm-up (completed tasks)', () => {
    expect(
      errorFor(mmc(['stop: { completed: 200000 }', 'stop: { completed: 1000 }'], ['20000 }', '2000 }'])),
    ).toBe(`${FILE}:4: stop.completed: stop at 1000 completed tasks is never past the warm-up of 2000`);
  });

  it('reports a stop that is never past the warm-up (time)', () => {
    const text = mmc(['{ completed: 200000 }', '{ time: 100 }'], ['{ completed: 20000 }', '{ time: 100 }']);
    expect(errorFor(text)).toBe(
      `${FILE}:4: stop.time: stop at time 100 s is never past the warm-up of 100 s`,
    );
  });
  it('reports an objective on a figure no run reports, on its line, with the close one and every figure', () => {
    const text = `${MMC}objective: { metric: responseTime.p98, subjectTo: { cots: 3, cost: 2 } }\n`;
    const lines = errorFor(text).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${FILE}:20: objective\\.metric: unknown figure 'responseTime\\.p98'; did you mean 'responseTime\\.p90'\\? Figures: responseTime\\.\\{mean,p50,p90,p95,p99,p999\\}, `,
      ),
    );
    expect(lines[0]).toContain('utilizationByGroup.worker');
    expect(lines[1]).toMatch(
      new RegExp(`^${FILE}:20: objective\\.subjectTo\\.cots: unknown figure 'cots'; did you mean 'cost'\\?`),
    );
    // Figures of this scenario's own groups are known.
    expect(() =>
      parseScenario(
        `${MMC}objective: { metric: waitTime.p99, subjectTo: { utilizationByGroup.worker: 0.9 } }\n`,
        FILE,
        opts,
      ),
    ).not.toThrow();
  });

  it("reports a built-in policy's bad parameters on their lines, with the policy's own expectations", () => {
    const withParams: LoadOptions = { ...opts, policyParams: (p) => routingPolicies.get(p)?.params };
    const text = mmc(['  policy: shared-queue', '  policy: power-of-d\n  d: 0\n  dd: 2']);
    expect(errorFor(text, withParams).split('\n')).toEqual([
      `${FILE}:20: routing.d: expected a whole number >= 1 and <= 64, got 0 (a parameter of policy 'power-of-d')`,
      `${FILE}:21: routing.dd: unknown key 'dd'; did you mean 'd'? (a parameter of policy 'power-of-d')`,
    ]);
    expect(errorFor(mmc(['  policy: shared-queue', '  policy: jsq\n  d: 2']), withParams)).toBe(
      `${FILE}:20: routing.d: unknown key 'd': policy 'jsq' takes no parameters`,
    );
    // Without the option (compare and sweep replace the file's policy) parameters are left to the run.
    expect(() => parseScenario(text, FILE, opts)).not.toThrow();
  });

  it('bounds the fleet to what a run holds in memory: a million agents in all, a million slots each', () => {
    expect(errorFor(mmc(['count: 16', 'count: 1000001']))).toBe(
      `${FILE}:8: agents.0.count: expected a whole number >= 1 and <= 1000000 (agents in the group), got 1000001`,
    );
    expect(errorFor(mmc(['slots: 1', 'slots: 1e9']))).toMatch(
      /^scenarios\/mmc\.yaml:9: agents\.0\.slots: expected a whole number >= 1 and <= 1000000/,
    );
    const two = mmc(
      ['count: 16', 'count: 600000'],
      [
        '    skills: [general]',
        '    skills: [general]\n  - { name: more, count: 500000, skills: [general] }',
      ],
    );
    expect(errorFor(two)).toBe(
      `${FILE}:6: agents: 1100000 agents in all; at most 1000000 fit in one run's memory`,
    );
  });
});

describe('parseScenario: arrivals that never come or end', () => {
  const arrivals = (yaml: string) => mmc(['{ process: poisson, rate: 14.4 }', yaml]);

  it('reports a batch larger on average than the system can hold at once', () => {
    expect(errorFor(arrivals('{ process: batch, intervalSeconds: 10, meanBatchSize: 1e9 }'))).toBe(
      `${FILE}:13: workload.arrivals.meanBatchSize: expected a number > 0 and <= 4194304 (the most tasks in the system at once), got 1000000000`,
    );
  });

  it('reports an mmpp whose every state has rate 0', () => {
    const text = arrivals(
      '{ process: mmpp, states: [{ rate: 0, switchRate: 1 }, { rate: 0, switchRate: 2 }] }',
    );
    expect(errorFor(text)).toBe(
      `${FILE}:13: workload.arrivals.states: every state has rate 0, so no task would ever arrive; expected at least one state with rate > 0`,
    );
    // One state with arrivals is enough.
    expect(() =>
      parseScenario(
        arrivals('{ process: mmpp, states: [{ rate: 0, switchRate: 1 }, { rate: 3, switchRate: 2 }] }'),
        FILE,
        opts,
      ),
    ).not.toThrow();
  });

  it('reports a periodic piecewise profile with no rate > 0 inside its period', () => {
    const text = arrivals(
      '{ process: piecewise, steps: [{ at: 0, rate: 0 }, { at: 10, rate: 5 }], periodSeconds: 5 }',
    );
    expect(errorFor(text)).toBe(
      `${FILE}:13: workload.arrivals.periodSeconds: no step before 5 s (the period) has a rate > 0, so no task would ever arrive; expected a step with at < periodSeconds and rate > 0`,
    );
    const longer = arrivals(
      '{ process: piecewise, steps: [{ at: 0, rate: 0 }, { at: 10, rate: 5 }], periodSeconds: 20 }',
    );
    expect(() => parseScenario(longer, FILE, opts)).not.toThrow();
  });

  it('reports a piecewise profile of rates 0 only (the schema)', () => {
    expect(errorFor(arrivals('{ process: piecewise, steps: [{ at: 0, rate: 0 }] }'))).toBe(
      `${FILE}:13: workload.arrivals.steps: at least one step needs a rate > 0, got a list of 1 item`,
    );
    expect(
      errorFor(arrivals('{ process: piecewise, steps: [{ at: 0, rate: 0 }, { at: 5, rate: 0 }] }')),
    ).toBe(`${FILE}:13: workload.arrivals.steps: at least one step needs a rate > 0, got a list of 2 items`);
  });

  it('reports a stop by completed tasks when a piecewise profile ends in rate 0, and accepts a stop by time', () => {
    const ending = arrivals('{ process: piecewise, steps: [{ at: 0, rate: 20 }, { at: 600, rate: 0 }] }');
    expect(errorFor(ending)).toBe(
      `${FILE}:4: stop.completed: arrivals end at 600 s (the last piecewise step, workload.arrivals.steps.1, has rate 0 and no periodSeconds repeats the profile), ` +
        'so 200000 completed tasks may never be reached; expected stop: { time: ... }, or periodSeconds, or a last step with rate > 0',
    );
    const byTime = mmc(
      [
        '{ process: poisson, rate: 14.4 }',
        '{ process: piecewise, steps: [{ at: 0, rate: 20 }, { at: 600, rate: 0 }] }',
      ],
      ['stop: { completed: 200000 }', 'stop: { time: 1000 }'],
      ['warmup: { completed: 20000 }', 'warmup: { time: 100 }'],
    );
    expect(() => parseScenario(byTime, FILE, opts)).not.toThrow();
  });
});

describe('parseScenario: names a terminal would act on', () => {
  it('refuses control characters in the scenario, class, group and skill names', () => {
    const bad = 'expected a name without control characters (tab, newline, escape)';
    // An escape sequence in the name was printed raw by validate's ok line and the tables.
    expect(errorFor(mmc(['name: mmc-16', 'name: "a\\e[31mRED\\r"']))).toContain(`${FILE}:1: name: ${bad}`);
    expect(errorFor(mmc(['- name: worker', '- name: "w\\x1b"']))).toContain(`agents.0.name: ${bad}`);
    expect(errorFor(mmc(['- name: default', '- name: "tab\\there"']))).toContain(
      `workload.classes.0.name: ${bad}`,
    );
    expect(errorFor(mmc(['skills: [general]', 'skills: ["gen\\neral"]']))).toContain(
      `agents.0.skills.0: ${bad}`,
    );
    // Other Unicode is fine.
    expect(() => parseScenario(mmc(['name: mmc-16', 'name: café · 東京']), FILE, opts)).not.toThrow();
  });
});

describe('parseScenario: a run the clock cannot resolve', () => {
  const clock = 'the shortest mean service time is 1 s (class default on agents worker, workload.classes.0)';

  it('refuses arrivals so rare that the run reaches times where a service time rounds away', () => {
    // 200000 tasks at 1e-15 per second: ~2e20 s, where a double steps by ~3e4 s.
    expect(errorFor(mmc(['rate: 14.4', 'rate: 1e-15']))).toBe(
      `${FILE}:13: workload.arrivals.rate: at 1e-15 tasks per second, 200000 completed tasks take about 2e20 s of virtual time: ` +
        `${clock}, and past 2^40 times that (1.1e12 s) the clock, a double, cannot resolve it; ` +
        'expected arrivals of at least 1.82e-7 tasks per second, or a smaller stop.completed',
    );
    // 1 / rate is Infinity: it was run, and said it stopped before the warm-up ended.
    expect(errorFor(mmc(['rate: 14.4', 'rate: 1e-320']))).toContain(
      'at 1e-320 tasks per second, 200000 completed tasks take more virtual time than a double can count',
    );
    expect(() => parseScenario(mmc(['rate: 14.4', 'rate: 1e-6']), FILE, opts)).not.toThrow();
  });

  it('refuses a stop.time past 2^40 shortest service times, and weighs speed and size', () => {
    const long = mmc(
      ['stop: { completed: 200000 }', 'stop: { time: 2e12 }'],
      ['warmup: { completed: 20000 }', ''],
    );
    expect(errorFor(long)).toBe(
      `${FILE}:4: stop.time: a run of 2e12 s is too long: ${clock}, and past 2^40 times that (1.1e12 s) ` +
        'the clock, a double, cannot resolve it; expected a stop.time at most 1.1e12',
    );
    // Tasks of 1000 s: the same run is well inside the clock.
    expect(() => parseScenario(long.replace('mean: 1 }', 'mean: 1000 }'), FILE, opts)).not.toThrow();
    // Agents 1e6 times faster: 1 µs tasks, refused for a far shorter run.
    const fast = mmc(
      ['stop: { completed: 200000 }', 'stop: { time: 1e7 }'],
      ['warmup: { completed: 20000 }', ''],
      ['speed: 1', 'speed: 1e6'],
    );
    expect(errorFor(fast)).toContain(
      `${FILE}:4: stop.time: a run of 1e7 s is too long: the shortest mean service time is 1e-6 s`,
    );
  });

  it('blames a warm-up by time past the bound on warmup.time, not on the arrivals', () => {
    // It named workload.arrivals.rate and asked for a negative rate (the stop counted after the warm-up).
    const warm = mmc(['warmup: { completed: 20000 }', 'warmup: { time: 2e12 }']);
    expect(errorFor(warm)).toBe(
      `${FILE}:5: warmup.time: a warm-up of 2e12 s is too long: ${clock}, and past 2^40 times that (1.1e12 s) ` +
        'the clock, a double, cannot resolve it; expected a warmup.time at most 1.1e12',
    );
  });

  it('leaves tasks of size 0 out (served at once by design)', () => {
    const zero = mmc([
      '      size: { dist: exponential, mean: 1 }',
      '      size: { dist: constant, value: 0 }',
    ]);
    expect(() => parseScenario(zero, FILE, opts)).not.toThrow();
  });
});

describe('parseScenario: LLM agents need token counts', () => {
  const llm = (cls: string, more = '') =>
    mmc(
      [
        '    skills: [general]',
        '    skills: [general]\n    service: { model: llm, prefillTokensPerSecond: 1000, decodeTokensPerSecond: 50 }',
      ],
      ['      size: { dist: exponential, mean: 1 }', `      ${cls}${more}`],
    );

  it('reports a class that LLM agents serve without inputTokens and outputTokens, naming the class and the group', () => {
    expect(errorFor(llm('size: { dist: exponential, mean: 1 }'))).toBe(
      `${FILE}:16: workload.classes.0: agents 'worker' serve skill 'general' with model: llm, which needs inputTokens and outputTokens on the class ` +
        '(missing: inputTokens, outputTokens; size is not used by model: llm; a constant 0 is allowed)',
    );
    expect(errorFor(llm('inputTokens: { dist: constant, value: 100 }'))).toContain(
      "workload.classes.0: agents 'worker' serve skill 'general' with model: llm, which needs inputTokens and outputTokens on the class (missing: outputTokens;",
    );
  });

  it('accepts a class with both token counts, or one a rule keeps off the LLM agents', () => {
    const both =
      'inputTokens: { dist: constant, value: 100 }\n      outputTokens: { dist: constant, value: 0 }';
    expect(() => parseScenario(llm(both), FILE, opts)).not.toThrow();
    const kept = llm(
      'size: { dist: exponential, mean: 1 }',
      '\nrules:\n  - { class: default, only: [cpu] }',
    ).replace('workload:', '  - { name: cpu, skills: [general] }\nworkload:');
    expect(() => parseScenario(kept, FILE, opts)).not.toThrow();
    // Without the rule the cpu group does not excuse the LLM group.
    expect(errorFor(kept.replace(/rules:[\s\S]*$/, ''))).toContain("agents 'worker' serve skill 'general'");
  });
});

describe('parseScenario: YAML syntax', () => {
  it('names the file, line and column of a syntax error', () => {
    const msg = errorFor(mmc(['skills: [general]', 'skills: [general'], ['workload:', '  - workload:']));
    expect(msg.split('\n')[0]).toMatch(new RegExp(`^${FILE}:12:\\d+: YAML syntax error: \\S`));
  });

  it('reports duplicate keys as a YAML error', () => {
    expect(errorFor(`${MMC}seed: 7\n`).split('\n')[0]).toBe(
      `${FILE}:20:1: YAML syntax error: Map keys must be unique`,
    );
  });

  it("a second document is an error in our words, not the YAML library's advice", () => {
    expect(errorFor(`${MMC}---\nseed: 7\n`).split('\n')[0]).toBe(
      `${FILE}:20:1: YAML syntax error: a scenario is one YAML document, and a second one starts here`,
    );
  });

  it('nesting too deep is said in those words, where it happens, not as a call stack that overflowed', () => {
    const tooDeep = 'nesting too deep: expected mappings and lists at most 100 levels deep';
    // 100000 levels: yaml's parser overflowed ("YAML syntax error: Maximum call stack size exceeded").
    const flow = errorFor(`${MMC}description: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(flow).toMatch(new RegExp(`^${FILE}:20:\\d+: ${tooDeep}$`));
    const block = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n');
    expect(errorFor(`${MMC}${block}\n`)).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: ${tooDeep}$`));
    // 150 levels parse, and are refused at the 101st, before anything else reads them.
    expect(errorFor(`${MMC}description: ${'['.repeat(150)}${']'.repeat(150)}\n`)).toBe(
      `${FILE}:20:113: ${tooDeep}`,
    );
    expect(
      errorFor(MMC, { ...opts, overrides: [`description=${'['.repeat(5000)}${']'.repeat(5000)}`] }),
    ).toMatch(new RegExp(`^--set description=\\[+\\]+: ${tooDeep}$`));
  });

  it('a tag YAML cannot resolve (!!js/function) is an error at its line, not a string read silently', () => {
    expect(errorFor(`${MMC}description: !!js/function x\n`).split('\n')[0]).toBe(
      `${FILE}:20:14: YAML error: Unresolved tag: tag:yaml.org,2002:js/function`,
    );
  });
});

describe('loadScenarioFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and validates a file', () => {
    const path = join(dir, 'mmc.yaml');
    writeFileSync(path, MMC);
    expect(loadScenarioFile(path, opts).name).toBe('mmc-16');
  });

  it('reports a missing file', () => {
    const path = join(dir, 'nope.yaml');
    expect(() => loadScenarioFile(path, opts)).toThrow(InputError);
    expect(() => loadScenarioFile(path, opts)).toThrow(`${path}: cannot read scenario file (no such file)`);
  });

  it('refuses a file that is not UTF-8 text, naming the line and byte; a UTF-8 byte-order mark is fine', () => {
    const write = (name: string, bytes: Uint8Array): string => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    // Latin-1: it loaded, the name garbled to "caf\uFFFD".
    const latin = write('latin.yaml', Buffer.from(MMC.replace('name: mmc-16', 'name: café'), 'latin1'));
    expect(() => loadScenarioFile(latin, opts)).toThrow(
      `${latin}:1: not UTF-8 text (at byte 10: 0xE9, from another encoding such as Latin-1?); save it as UTF-8`,
    );
    const utf16 = write(
      'utf16.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MMC, 'utf16le')]),
    );
    expect(() => loadScenarioFile(utf16, opts)).toThrow(
      `${utf16}:1: not UTF-8 text (at byte 1: a UTF-16 byte-order mark); save it as UTF-8`,
    );
    // Without a byte-order mark, UTF-16 of ASCII is valid UTF-8 with a NUL after each letter.
    const bare = write('bare.yaml', Buffer.from(MMC, 'utf16le'));
    expect(() => loadScenarioFile(bare, opts)).toThrow(
      `${bare}:1: not UTF-8 text (at byte 2: a NUL byte: UTF-16, or not text)`,
    );
    const lateLine = write('late.yaml', Buffer.from(mmc(['name: default', 'name: d\u00e9f']), 'latin1'));
    expect(() => loadScenarioFile(lateLine, opts)).toThrow(
      /late\.yaml:15: not UTF-8 text \(at byte \d+: 0xE9,/,
    );
    const bom = write(
      'bom.yaml',
      Buffer.from(`\uFEFF${MMC.replace('name: mmc-16', 'name: café \uFFFD')}`, 'utf8'),
    );
    expect(loadScenarioFile(bom, opts).name).toBe('café \uFFFD');
  });

  it('names the real path in validation errors', () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, mmc(['slots: 1', 'slots: 0']));
    expect(() => loadScenarioFile(path, opts)).toThrow(`${path}:9: agents.0.slots:`);
  });
});
