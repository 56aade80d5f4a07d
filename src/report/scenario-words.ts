// The scenario in words, for the report's opening: the fleet (agents, groups, speeds, slots),
// the workload (arrival process, rate, task classes and sizes), the offered load and how the run
// stops. Pure; numbers come from the normalized scenario the result carries.
import { num } from '../cli/format-table.js';
import { count } from '../plural.js';
import { meanRate } from '../workload/arrivals.js';
import { meanOf } from '../workload/distributions.js';
import type { ArrivalSpec, Scenario, SizeDist } from '../workload/scenario-schema.js';
import type { SweepResult } from './input-types.js';
import { axisValuesText } from './sweep-headline.js';

function groupText(g: Scenario['agents'][number]): string {
  const details = [`speed ${num(g.speed)}`, count(g.slots, 'slot')];
  if (g.service !== undefined)
    details[0] = `LLM service, ${num(g.service.decodeTokensPerSecond)} output tokens/s`;
  if (g.cost !== undefined && (g.cost.perSecond > 0 || g.cost.perUnit > 0))
    details.push(`cost ${num(g.cost.perSecond)}/busy s + ${num(g.cost.perUnit)}/unit`);
  return `${g.count} ${g.name} (${details.join(', ')})`;
}

function arrivalText(a: ArrivalSpec): string {
  switch (a.process) {
    case 'poisson':
      return `Poisson arrivals at ${num(a.rate)} tasks/s`;
    case 'constant':
      return `arrivals every ${num(1 / a.rate)} s (${num(a.rate)} tasks/s)`;
    case 'mmpp':
      return `bursty (MMPP, ${a.states.length} states) arrivals averaging ${num(meanRate(a))} tasks/s`;
    case 'diurnal':
      return `diurnal arrivals averaging ${num(a.meanRate)} tasks/s (±${num(100 * a.amplitude)}%)`;
    case 'piecewise':
      return `piecewise-constant arrivals (${count(a.steps.length, 'step')}) averaging ${num(meanRate(a))} tasks/s`;
    case 'batch':
      return `batches every ${num(a.intervalSeconds)} s of ${num(a.meanBatchSize)} tasks on average`;
    case 'fit':
      return `arrivals fitted to the trace ${a.trace.file}`;
  }
}

function sizeText(d: SizeDist | undefined): string {
  if (d === undefined) return 'size from tokens';
  const mean = meanOf(d);
  return `${d.dist} size, mean ${num(mean)} work unit${mean === 1 ? '' : 's'}`;
}

/** Offered load: arrival rate × mean work per task ÷ fleet capacity (slots × speed), or undefined. */
export function offeredLoad(s: Scenario): number | undefined {
  const a = s.workload.arrivals;
  if (a === undefined || s.agents.some((g) => g.service !== undefined)) return undefined;
  const classes = s.workload.classes;
  if (classes.some((c) => c.size === undefined)) return undefined;
  const totalWeight = classes.reduce((sum, c) => sum + c.weight, 0);
  const meanWork = classes.reduce((sum, c) => sum + (c.weight / totalWeight) * meanOf(c.size!), 0);
  const capacity = s.agents.reduce((sum, g) => sum + g.count * g.slots * g.speed, 0);
  const load = (meanRate(a) * meanWork) / capacity;
  return Number.isFinite(load) ? load : undefined;
}

export function scenarioWords(s: Scenario): string[] {
  const agents = s.agents.reduce((n, g) => n + g.count, 0);
  const capacity = s.agents.reduce((sum, g) => sum + g.count * g.slots * g.speed, 0);
  const fleet =
    `${count(agents, 'agent')} in ${count(s.agents.length, 'group')}: ${s.agents.map(groupText).join('; ')}` +
    (s.agents.some((g) => g.service !== undefined) ? '.' : `; capacity ${num(capacity)} work units/s.`);
  const w = s.workload;
  const source =
    w.arrivals !== undefined ? arrivalText(w.arrivals) : `replay of the trace ${w.trace?.file ?? '?'}`;
  const classes = w.classes.map((c) => `${c.name} (${sizeText(c.size)}, skill ${c.skill})`).join('; ');
  const workload = `Workload: ${source}; ${count(w.classes.length, 'task class', 'task classes')}: ${classes}.`;
  const load = offeredLoad(s);
  const loadText =
    load === undefined
      ? 'Offered load: not computed for this workload (trace replay or LLM service model).'
      : `Offered load: ${num(100 * load)}% of capacity${load >= 1 ? ' (overloaded: queues grow without bound)' : ''}.`;
  const stop =
    'completed' in s.stop ? `${s.stop.completed} completed tasks` : `${num(s.stop.time)} s of virtual time`;
  const warm =
    s.warmup === undefined
      ? 'no warm-up'
      : s.warmup === 'auto'
        ? 'warm-up found by MSER-5'
        : 'completed' in s.warmup
          ? `warm-up ${s.warmup.completed} tasks`
          : `warm-up ${num(s.warmup.time)} s`;
  const rules = s.rules.length === 0 ? '' : `; ${count(s.rules.length, 'routing rule')}`;
  const run = `Each replication runs ${stop} (${warm}); queueing: ${s.queueing.discipline}${rules}.`;
  return [`Fleet: ${fleet}`, workload, loadText, run];
}

/**
 * A sweep's scenario section describes one point (`at`, the one the detail charts show): this line
 * comes first and says what the sweep varies, so no swept field reads as fixed.
 */
export function sweptWords(sweep: SweepResult, at: string): string {
  const axes = sweep.axes.map((a) => `${a.path} (${axisValuesText(a.values)})`);
  return (
    `Swept: ${axes.join(' × ')}, ${count(sweep.points.length, 'point')}. ` +
    `The lines below describe the point ${at}, the one the detail charts show.`
  );
}
