// Checks across scenario fields that the schema alone cannot express (names that must exist or
// be unique, skills some agent must have, a stop past the warm-up, a fleet that fits in memory,
// an objective on figures a run reports, arrivals that can arrive, token counts for LLM agents,
// a replay's targetUtilization that can be met, a run short enough for the clock to resolve its
// service times).
// Each problem names its field.
import { briefPaths, figurePaths } from '../metrics/figure-paths.js';
import { type Path, type Problem, pathText } from './describe-issues.js';
import { piecewiseEnd } from './arrivals.js';
import { rulesFor } from './class-rules.js';
import { didYouMean } from './did-you-mean.js';
import { meanOf } from './distributions.js';
import { replayProblems } from './replay-checks.js';
import { MAX_AGENTS, type Scenario, type SizeDist } from './scenario-schema.js';

export function semanticProblems(s: Scenario, knownPolicies: readonly string[]): Problem[] {
  return [
    ...duplicateNames(
      s.agents.map((a) => a.name),
      ['agents'],
      'agent group',
    ),
    ...duplicateNames(
      s.workload.classes.map((c) => c.name),
      ['workload', 'classes'],
      'task class',
    ),
    ...missingSkills(s),
    ...ruleProblems(s),
    ...sizeProblems(s),
    ...llmTokenProblems(s),
    ...arrivalProblems(s),
    ...clockProblems(s),
    ...replayProblems(s),
    ...policyProblems(s.routing.policy, knownPolicies),
    ...stopProblems(s),
    ...fleetProblems(s),
    ...objectiveProblems(s),
  ];
}

/** How many agents the scenario's fleet has, over all groups. */
export const fleetSize = (s: Pick<Scenario, 'agents'>): number => s.agents.reduce((n, g) => n + g.count, 0);

function fleetProblems(s: Scenario): Problem[] {
  const agents = fleetSize(s);
  if (agents <= MAX_AGENTS) return [];
  const text = `${agents} agents in all; at most ${MAX_AGENTS} fit in one run's memory`;
  return [{ path: ['agents'], text }];
}

/** The objective (what a report calls best) must name figures a run of this scenario reports. */
function objectiveProblems(s: Scenario): Problem[] {
  if (s.objective === undefined) return [];
  const known = figurePaths(s.agents.map((g) => g.name));
  const unknown = (path: Path, metric: string): Problem[] =>
    known.includes(metric)
      ? []
      : [
          {
            path,
            text: `unknown figure '${metric}'${didYouMean(metric, known) || '.'} Figures: ${briefPaths(known)}`,
          },
        ];
  return [
    ...unknown(['objective', 'metric'], s.objective.metric),
    ...Object.keys(s.objective.subjectTo).flatMap((m) => unknown(['objective', 'subjectTo', m], m)),
  ];
}

function duplicateNames(names: readonly string[], listPath: Path, what: string): Problem[] {
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    const first = names.indexOf(name);
    if (first < i) {
      const text = `duplicate ${what} name '${name}' (also used by ${pathText([...listPath, first])})`;
      problems.push({ path: [...listPath, i, 'name'], text });
    }
  });
  return problems;
}

function missingSkills(s: Scenario): Problem[] {
  const skills = [...new Set(s.agents.flatMap((a) => a.skills))];
  const problems: Problem[] = [];
  s.workload.classes.forEach((c, i) => {
    if (skills.includes(c.skill)) return;
    const text = `no agent has skill '${c.skill}' (agents have: ${skills.join(', ')})`;
    problems.push({ path: ['workload', 'classes', i, 'skill'], text });
  });
  return problems;
}

function policyProblems(policy: string, known: readonly string[]): Problem[] {
  if (/\.(ts|js|mjs)$/.test(policy) || known.includes(policy)) return [];
  const hint = didYouMean(policy, known);
  const text = `unknown policy '${policy}'${hint || '.'} Known policies: ${known.join(', ')} (or a path to a .ts/.js/.mjs policy module)`;
  return [{ path: ['routing', 'policy'], text }];
}

function stopProblems(s: Scenario): Problem[] {
  const { stop, warmup } = s;
  if (!warmup || warmup === 'auto') return [];
  if ('completed' in stop && 'completed' in warmup && warmup.completed >= stop.completed) {
    const text = `stop at ${stop.completed} completed tasks is never past the warm-up of ${warmup.completed}`;
    return [{ path: ['stop', 'completed'], text }];
  }
  if ('time' in stop && 'time' in warmup && warmup.time >= stop.time) {
    const text = `stop at time ${stop.time} s is never past the warm-up of ${warmup.time} s`;
    return [{ path: ['stop', 'time'], text }];
  }
  return [];
}

/** Rules must name a class and agent groups that exist, and leave the class an agent to use. */
function ruleProblems(s: Scenario): Problem[] {
  const classes = s.workload.classes.map((c) => c.name);
  const groups = s.agents.map((a) => a.name);
  const problems: Problem[] = [];
  s.rules.forEach((r, i) => {
    const cls = s.workload.classes.find((c) => c.name === r.class);
    if (cls === undefined) {
      const text = `unknown class '${r.class}'${didYouMean(r.class, classes)} (classes: ${classes.join(', ')})`;
      problems.push({ path: ['rules', i, 'class'], text });
      return;
    }
    for (const field of ['only', 'prefer'] as const) {
      (r[field] ?? []).forEach((g, j) => {
        if (groups.includes(g)) return;
        const text = `unknown agent group '${g}'${didYouMean(g, groups)} (groups: ${groups.join(', ')})`;
        problems.push({ path: ['rules', i, field, j], text });
      });
    }
    if (r.only !== undefined) {
      const able = s.agents.filter((a) => r.only!.includes(a.name) && a.skills.includes(cls.skill));
      if (able.length === 0) {
        const text = `no group in [${r.only.join(', ')}] has skill '${cls.skill}', so class '${r.class}' could never run`;
        problems.push({ path: ['rules', i, 'only'], text });
      }
    }
  });
  return problems;
}

/** A synthetic class needs a size, or token counts to derive it from (a trace brings its own). */
function sizeProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  // A trace brings its own sizes.
  if (s.workload.trace !== undefined) return problems;
  s.workload.classes.forEach((c, i) => {
    if (c.size !== undefined || (c.inputTokens !== undefined && c.outputTokens !== undefined)) return;
    const text = 'missing; expected a size distribution, or inputTokens and outputTokens (size = their sum)';
    problems.push({ path: ['workload', 'classes', i, 'size'], text });
  });
  return problems;
}

/**
 * Arrivals that never come: an mmpp whose every state has rate 0, a periodic piecewise profile
 * with no rate > 0 inside its period (a piecewise of rates 0 only is the schema's to refuse). And
 * arrivals that end (a piecewise whose last step has rate 0, with no period) under a stop by
 * completed tasks: how many tasks arrive before the end is random, so the stop may never come.
 */
function arrivalProblems(s: Scenario): Problem[] {
  const a = s.workload.arrivals;
  const never = 'so no task would ever arrive';
  if (a?.process === 'mmpp' && a.states.every((st) => st.rate === 0)) {
    const text = `every state has rate 0, ${never}; expected at least one state with rate > 0`;
    return [{ path: ['workload', 'arrivals', 'states'], text }];
  }
  if (a?.process !== 'piecewise') return [];
  const end = piecewiseEnd(a.steps, a.periodSeconds);
  if (a.periodSeconds !== undefined && end === 0) {
    const text = `no step before ${a.periodSeconds} s (the period) has a rate > 0, ${never}; expected a step with at < periodSeconds and rate > 0`;
    return [{ path: ['workload', 'arrivals', 'periodSeconds'], text }];
  }
  if (end < Number.POSITIVE_INFINITY && 'completed' in s.stop) {
    const last = a.steps.length - 1;
    const text =
      `arrivals end at ${end} s (the last piecewise step, workload.arrivals.steps.${last}, has rate 0 and no periodSeconds repeats the profile), ` +
      `so ${s.stop.completed} completed tasks may never be reached; expected stop: { time: ... }, or periodSeconds, or a last step with rate > 0`;
    return [{ path: ['stop', 'completed'], text }];
  }
  return [];
}

/**
 * How many times the shortest mean service time a run may last. Virtual time is a double: at a
 * clock of T seconds it moves in steps of about T × 2^-52, so once T passes S × 2^40 a service
 * time S is held to within 2^-12 of itself at best, and far beyond, it rounds to nothing
 * (`rate: 1e-15` ran to ~1e19 s, where a 1 s service took 0 s, and reported a response time of
 * 0). 2^40 leaves every sensible run (a year of millisecond tasks is ~2^35) far inside.
 */
const CLOCK_SPAN = 2 ** 40;

/** A number for a message: 3 significant digits, as it would be written in the scenario. */
const brief = (x: number): string => {
  const r = Number(x.toPrecision(3));
  const far = r !== 0 && (Math.abs(r) >= 1e6 || Math.abs(r) < 1e-3);
  return far ? r.toExponential().replace('e+', 'e') : String(r);
};

/**
 * A run that would reach virtual times where the clock cannot resolve the scenario's service
 * times (CLOCK_SPAN): its figures would be nonsense, reported as if fine. The run's length is
 * estimated from stop.time, or from stop.completed at the highest rate the arrivals reach (an
 * underestimate: the check refuses only runs surely too long). Arrivals or sizes fitted to a trace,
 * and replayed traces, are known only once read: not checked.
 */
function clockProblems(s: Scenario): Problem[] {
  const shortest = shortestService(s);
  if (shortest === undefined) return [];
  const limit = shortest.seconds * CLOCK_SPAN;
  const why =
    `the shortest mean service time is ${brief(shortest.seconds)} s (${shortest.where}), and past ` +
    `2^40 times that (${brief(limit)} s) the clock, a double, cannot resolve it`;
  if ('time' in s.stop) {
    if (s.stop.time <= limit) return [];
    const text = `a run of ${brief(s.stop.time)} s is too long: ${why}; expected a stop.time at most ${brief(limit)}`;
    return [{ path: ['stop', 'time'], text }];
  }
  const peak = peakRate(s);
  // No arrivals at all is arrivalProblems' to say.
  if (peak === undefined || !(peak.rate > 0)) return [];
  const warm = s.warmup !== undefined && s.warmup !== 'auto' && 'time' in s.warmup ? s.warmup.time : 0;
  if (warm > limit) {
    const text = `a warm-up of ${brief(warm)} s is too long: ${why}; expected a warmup.time at most ${brief(limit)}`;
    return [{ path: ['warmup', 'time'], text }];
  }
  // stop.completed counts from time 0, the warm-up's tasks included: the run lasts until the
  // later of the two.
  const length = Math.max(warm, s.stop.completed / peak.rate);
  if (length <= limit) return [];
  const long = Number.isFinite(length)
    ? `about ${brief(length)} s of virtual time`
    : 'more virtual time than a double can count';
  const text =
    `at ${peak.what}, ${s.stop.completed} completed tasks take ${long}: ${why}; ` +
    `expected arrivals of at least ${brief(s.stop.completed / limit)} tasks per second, or a smaller stop.completed`;
  return [{ path: ['workload', 'arrivals', ...peak.field], text }];
}

/** The highest arrival rate synthetic arrivals reach, or undefined (a trace, a fit). */
function peakRate(s: Scenario): { rate: number; what: string; field: string[] } | undefined {
  const a = s.workload.arrivals;
  switch (a?.process) {
    case 'poisson':
    case 'constant':
      return { rate: a.rate, what: `${brief(a.rate)} tasks per second`, field: ['rate'] };
    case 'diurnal': {
      const rate = a.meanRate * (1 + a.amplitude);
      return { rate, what: `a peak of ${brief(rate)} tasks per second`, field: ['meanRate'] };
    }
    case 'mmpp': {
      const rate = Math.max(...a.states.map((st) => st.rate));
      return { rate, what: `a peak of ${brief(rate)} tasks per second`, field: ['states'] };
    }
    case 'piecewise': {
      const rate = Math.max(...a.steps.map((st) => st.rate));
      return { rate, what: `a peak of ${brief(rate)} tasks per second`, field: ['steps'] };
    }
    case 'batch': {
      const rate = a.meanBatchSize / a.intervalSeconds;
      return { rate, what: `${brief(rate)} tasks per second on average`, field: ['intervalSeconds'] };
    }
    default:
      return undefined;
  }
}

/**
 * A typical size of `dist` (its mean, or for a Pareto its scale: its mean may be infinite),
 * undefined when fitted later.
 */
function typicalSize(dist: SizeDist | undefined): number | undefined {
  if (dist === undefined || dist.dist === 'fit') return undefined;
  return dist.dist === 'pareto' ? dist.min : meanOf(dist);
}

/** The sum of two typical sizes, undefined when either is. */
const sumOf = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined ? undefined : a + b;

/**
 * A typical service time of class `c` on group `g`: size / (speed × affinitySpeedup), the size
 * being input + output tokens when the class gives no size; for model: llm, overheadSeconds +
 * output tokens / decode rate (prefill may be cached away).
 */
function serviceSeconds(
  c: Scenario['workload']['classes'][number],
  g: Scenario['agents'][number],
): number | undefined {
  const output = typicalSize(c.outputTokens);
  if (g.service?.model === 'llm')
    return output === undefined
      ? undefined
      : g.service.overheadSeconds + output / g.service.decodeTokensPerSecond;
  const size = c.size === undefined ? sumOf(typicalSize(c.inputTokens), output) : typicalSize(c.size);
  return size === undefined ? undefined : size / (g.speed * g.affinitySpeedup);
}

/**
 * The shortest typical service time of any class on any agent group with its skill. Classes of
 * size 0 are served at once by design and are left out.
 */
function shortestService(s: Scenario): { seconds: number; where: string } | undefined {
  if (s.workload.trace !== undefined) return undefined;
  let best: { seconds: number; where: string } | undefined;
  s.workload.classes.forEach((c, i) => {
    for (const g of s.agents) {
      if (!g.skills.includes(c.skill)) continue;
      const seconds = serviceSeconds(c, g);
      if (seconds === undefined || !(seconds > 0)) continue;
      if (best === undefined || seconds < best.seconds)
        best = { seconds, where: `class ${c.name} on agents ${g.name}, workload.classes.${i}` };
    }
  });
  return best;
}

/**
 * An LLM agent serves a task in time from its token counts alone (size is not used): a class
 * without them would be served in overheadSeconds, every figure 0. A trace brings its own columns.
 */
function llmTokenProblems(s: Scenario): Problem[] {
  if (s.workload.trace !== undefined) return [];
  const problems: Problem[] = [];
  s.workload.classes.forEach((c, i) => {
    const missing = (['inputTokens', 'outputTokens'] as const).filter((f) => c[f] === undefined);
    if (missing.length === 0) return;
    // Groups a rule's `only` keeps the class away from never serve it.
    const { only } = rulesFor(s.rules, c.name);
    const groups = s.agents.filter(
      (g) =>
        g.service?.model === 'llm' &&
        g.skills.includes(c.skill) &&
        (only === undefined || only.includes(g.name)),
    );
    if (groups.length === 0) return;
    const names = groups.map((g) => `'${g.name}'`).join(', ');
    const text =
      `agents ${names} serve skill '${c.skill}' with model: llm, which needs inputTokens and outputTokens on the class ` +
      `(missing: ${missing.join(', ')}; size is not used by model: llm; a constant 0 is allowed)`;
    problems.push({ path: ['workload', 'classes', i], text });
  });
  return problems;
}
