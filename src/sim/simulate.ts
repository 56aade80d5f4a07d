// One replication, start to finish:
//   scenario (compiled) -> workload streams -> event loop (virtual clock) <-> orchestrator core
//   -> recorders -> ReplicationResult
// The engine only advances time and models agents (service time = size / true speed); every
// routing and queueing decision is the core's. No closure, promise or allocation per event.
import { Orchestrator } from '../core/orchestrator.js';
import { InputError } from '../errors.js';
import type { Host } from '../core/host.js';
import { Fleet } from '../model/fleet.js';
import { KeyMemory } from '../model/key-memory.js';
import { PrefixCache } from '../model/prefix-cache.js';
import { RateLimiter } from '../model/rate-limiter.js';
import { TaskTable } from '../model/task-table.js';
import { RunRecorder } from '../metrics/run-recorder.js';
import type { ReplicationMetrics } from '../metrics/summary-types.js';
import type { PolicyDefinition } from '../policies/routing/types.js';
import { meanRate } from '../workload/arrivals.js';
import type { Scenario } from '../workload/scenario-schema.js';
import { type SkippedRows, SyntheticWorkload, type Workload } from '../workload/synthetic.js';
import { TraceWorkload } from '../workload/trace-workload.js';
import type { BatchSeriesData } from '../metrics/batch-series.js';
import type { TimelineData } from '../metrics/timeline.js';
import type { CompiledScenario, LlmTables } from './compile.js';
import { EventQueue } from './event-queue.js';
import type { Probe } from './probe.js';
import { makeStream } from './rng.js';
import { lastStep } from './steps.js';

const ARRIVAL = 0;
const COMPLETION = 1;
const STOP = 2;
const WARMUP = 3;
/** A dispatched task whose service begins later (its agent's rate limit was full). */
const BEGIN = 4;
/** The run loop returns to its caller (advance): a slice of arrivals is done. */
const PAUSE = 5;
/**
 * Arrivals before a run's first pause (Simulation.advance): enough for V8 to have given the loop
 * its feedback vector (after a few thousand bytecodes run), a fraction of a millisecond.
 */
const PRIME_ARRIVALS = 256;
/** Arrivals with no task completed after which a run stops as one that cannot progress. */
const NO_COMPLETION_ARRIVALS = 10_000_000;

export interface SimulateOptions {
  readonly policy: PolicyDefinition;
  readonly params: object;
  readonly seed: number;
  readonly replication: number;
  /** Test instrumentation; undefined in normal runs. */
  readonly probe?: Probe;
  /** Stop generating arrivals after this many and run until the system drains (tests). */
  readonly maxArrivals?: number;
  /** Record every agent's utilization over time (for heatmaps; costs memory per agent). */
  readonly agentTimeline?: boolean;
}

/** About 128 buckets for the expected run length; the timeline merges buckets if it runs longer. */
function initialBucketSeconds(s: Scenario): number {
  if ('time' in s.stop) return s.stop.time / 128;
  // A trace's length is unknown here: start small and let the timeline merge buckets.
  const rate = s.workload.arrivals === undefined ? Number.NaN : meanRate(s.workload.arrivals);
  const expected = Number.isFinite(rate) ? s.stop.completed / rate : 128;
  return Math.max(expected / 128, 1e-6);
}

export interface ReplicationResult {
  readonly replication: number;
  readonly metrics: ReplicationMetrics;
  /** Events processed (arrivals and completions). */
  readonly events: number;
  readonly arrived: number;
  /** Tasks still in the system when the run stopped. */
  readonly inSystemAtEnd: number;
  readonly warmupEndSeconds: number;
  readonly endSeconds: number;
  /** FNV-1a of every routing decision, 8 hex digits. */
  readonly decisionHash: string;
  /** Figures over virtual time, from time 0 (warm-up included). */
  readonly timeline: TimelineData;
  /** Response-time batch means from the start, when warmup: auto asked for them. */
  readonly responseSeries?: BatchSeriesData;
  /** The workload ran out of tasks (a trace's last row, arrivals that ended) before the stop. */
  readonly workloadEnded?: true;
  /** A replay with skipBadRows: bad rows skipped in the rows read (absent when none). */
  readonly skippedRows?: SkippedRows;
}

/** `{ skippedRows }` when the workload skipped some, else nothing (other results keep their bytes). */
function skippedRows(workload: Workload): { skippedRows?: SkippedRows } {
  const s = workload.skipped?.();
  return s === undefined || s.rows === 0 ? {} : { skippedRows: s };
}

class Simulation implements Host {
  /** The virtual clock: one cell, shared with the recorder (RecorderOptions.clock). */
  readonly clock = new Float64Array(1);
  readonly events = new EventQueue();
  readonly tasks = new TaskTable();
  readonly recorder: RunRecorder;
  readonly core: Orchestrator;
  private readonly trueSpeed: Float64Array;
  private readonly groupOf: Int32Array;
  private readonly speedup: Float64Array;
  /** Recent keys per agent; undefined when no class carries keys. */
  private readonly memory: KeyMemory | undefined;
  private readonly costPerSecond: Float64Array;
  private readonly costPerUnit: Float64Array;
  private readonly costed: boolean;
  private readonly llm: LlmTables | undefined;
  private readonly prefixCache: PrefixCache | undefined;
  private readonly limiter: RateLimiter | undefined;
  /** No LLM agents, rate limits, key memory or service noise: service is size / speed. */
  private readonly simple: boolean;

  constructor(
    private readonly compiled: CompiledScenario,
    options: SimulateOptions,
    private readonly probe: Probe | undefined,
  ) {
    const fleet = new Fleet(compiled.agents, compiled.skillNames.length);
    this.trueSpeed = compiled.trueSpeed;
    this.groupOf = fleet.group;
    this.speedup = compiled.affinitySpeedup;
    const keyed = compiled.scenario.workload.classes.some((c) => c.key !== undefined);
    this.memory = keyed ? new KeyMemory(compiled.affinityKeys) : undefined;
    this.costPerSecond = fleet.costPerSecond;
    this.costPerUnit = fleet.costPerUnit;
    this.costed = fleet.costPerSecond.some((c) => c > 0) || fleet.costPerUnit.some((c) => c > 0);
    this.llm = compiled.llm;
    this.prefixCache = this.llm?.cacheBlocks.some((b) => b > 0)
      ? new PrefixCache(this.llm.cacheBlocks)
      : undefined;
    this.limiter = this.llm?.tokensPerMinute.some(Number.isFinite)
      ? new RateLimiter(this.llm.tokensPerMinute)
      : undefined;
    this.simple =
      this.llm === undefined &&
      this.memory === undefined &&
      compiled.scenario.workload.serviceNoise === undefined;
    this.recorder = new RunRecorder(
      compiled.classes.map((c) => c.name),
      compiled.groupNames,
      compiled.groupSlots,
      {
        clock: this.clock,
        tasks: this.tasks,
        bucketSeconds: initialBucketSeconds(compiled.scenario),
        ...(options.agentTimeline ? { agentSlots: fleet.slots } : {}),
        series: compiled.scenario.warmup === 'auto',
      },
    );
    const s = compiled.scenario;
    const policy = options.policy.create(options.params, {
      fleet,
      now: () => this.clock[0]!,
      groupNames: compiled.groupNames,
      classesOf: compiled.classesOf,
      tasks: this.tasks,
      discipline: s.queueing.discipline,
      centralCapacity: s.queueing.capacity ?? Number.POSITIVE_INFINITY,
      skillCount: compiled.skillNames.length,
      classes: compiled.classes,
    });
    const rng = makeStream(options.seed, `policy:${options.policy.name}`, options.replication);
    this.core = new Orchestrator(this, fleet, this.tasks, policy, rng, {
      discipline: s.queueing.discipline,
      classes: compiled.classes,
      skillNames: compiled.skillNames,
    });
  }

  now(): number {
    return this.clock[0]!;
  }

  start(task: number, agent: number): void {
    const now = this.clock[0]!;
    const t = this.tasks;
    t.agent[task] = agent;
    // size / speed, nothing else to model: the common case, kept short.
    if (this.simple) {
      this.begin(task, agent, now, t.size[task]! / this.trueSpeed[agent]!);
      return;
    }
    const service =
      (this.llm !== undefined && this.llm.isLlm[agent] === 1
        ? this.llmService(task, agent)
        : this.plainService(task, agent)) * t.noise[task]!;
    if (this.limiter?.limited(agent)) {
      const tokens =
        this.llm!.isLlm[agent] === 1 ? t.inputTokens[task]! + t.outputTokens[task]! : t.size[task]!;
      const begin = this.limiter.admit(agent, now, tokens);
      if (begin > now) {
        t.service[task] = service;
        this.events.push(begin, BEGIN, task);
        return;
      }
    }
    this.begin(task, agent, now, service);
  }

  /** Service begins: the slot turns busy and the completion is scheduled. */
  private begin(task: number, agent: number, now: number, service: number): void {
    const t = this.tasks;
    t.start[task] = now;
    this.recorder.started(this.groupOf[agent]!, agent);
    this.probe?.started(t.seq[task]!, agent, now);
    this.events.push(now + service, COMPLETION, task);
  }

  /** LLM agents: overhead + uncached prompt tokens at the prefill rate + output at the decode rate. */
  private llmService(task: number, agent: number): number {
    const t = this.tasks;
    const llm = this.llm!;
    const input = t.inputTokens[task]!;
    let cached = 0;
    const blocks = t.prefix[task];
    if (blocks !== undefined && this.prefixCache !== undefined) {
      cached = Math.min(input, this.prefixCache.serve(agent, blocks) * llm.blockTokens[agent]!);
      this.recorder.prefix(input, cached);
    }
    return (
      llm.overheadSeconds[agent]! +
      (input - cached) / llm.prefillTokensPerSecond[agent]! +
      t.outputTokens[task]! / llm.decodeTokensPerSecond[agent]!
    );
  }

  /** Other agents: size / true speed, faster when the agent remembers the task's key. */
  private plainService(task: number, agent: number): number {
    const t = this.tasks;
    let service = t.size[task]! / this.trueSpeed[agent]!;
    if (this.memory !== undefined) {
      const key = t.key[task]!;
      if (key >= 0) {
        const hit = this.memory.touch(agent, key);
        this.recorder.keyed(hit);
        if (hit) service /= this.speedup[agent]!;
      }
    }
    return service;
  }

  rejected(task: number): void {
    const t = this.tasks;
    const now = this.clock[0]!;
    this.recorder.rejected(t.cls[task]!);
    this.probe?.rejected(t.seq[task]!, now);
    t.release(task);
  }

  // The run loop's own state, kept between slices (advance).
  private workload!: Workload;
  private maxArrivals = 0;
  private stopCompleted = Number.POSITIVE_INFINITY;
  /** Completions at which observation begins (warm-up by count); infinity once it has. */
  private observeAt = Number.POSITIVE_INFINITY;
  private completed = 0;
  private arrived = 0;
  private count = 0;
  /** The run ended with no event left, before its stop: the workload ran out of tasks. */
  private ranOut = false;

  /** Schedules the first arrival and the stop and warm-up events. */
  prepare(workload: Workload, maxArrivals: number): void {
    const s = this.compiled.scenario;
    // warmup: auto is resolved by the runner (MSER-5 on a first pass); here it means none.
    const warmup = s.warmup === 'auto' ? undefined : s.warmup;
    this.workload = workload;
    this.maxArrivals = maxArrivals;
    this.stopCompleted = 'completed' in s.stop ? s.stop.completed : Number.POSITIVE_INFINITY;
    const warmupCompleted = warmup !== undefined && 'completed' in warmup ? warmup.completed : 0;
    if ('time' in s.stop) this.events.push(s.stop.time, STOP, 0);
    if (warmup !== undefined && 'time' in warmup) this.events.push(warmup.time, WARMUP, 0);
    else if (warmupCompleted === 0) this.recorder.beginObservation();
    else this.observeAt = warmupCompleted;
    const first = workload.nextTime();
    if (first < Number.POSITIVE_INFINITY && maxArrivals > 0) this.events.pushSide(first, ARRIVAL, 0);
  }

  /**
   * Runs events until `slice` more tasks have arrived or `slice` more have completed (then it
   * pauses: advance again to go on), or the run ends. True when the run has ended. Arrivals
   * count too, so a run that rejects or holds every task still pauses.
   */
  advance(slice: number): boolean {
    const pauseAt = Math.min(this.stopCompleted, this.completed + slice);
    const arrivalBound = Math.min(this.maxArrivals, this.arrived + slice);
    for (;;) {
      // A run first pauses after PRIME_ARRIVALS arrivals, so that the loop's way out and the
      // code after it have run once with type feedback recorded, before the JIT compiles the
      // loop (mid-way through the first slice): code compiled for a path never taken is thrown
      // away when that path first runs (a deopt, then a recompile). Where a run pauses never
      // changes its result.
      const prime = this.count === 0;
      // A run that stops by completions, until one completes, also pauses at NO_COMPLETION_ARRIVALS
      // to give up there (a run that stops by time always gets there).
      const watch = this.completed === 0 && this.stopCompleted < Number.POSITIVE_INFINITY;
      const bound = watch ? Math.min(arrivalBound, NO_COMPLETION_ARRIVALS) : arrivalBound;
      const stop = this.loop(
        Math.min(pauseAt, this.observeAt),
        prime ? Math.min(bound, this.arrived + PRIME_ARRIVALS) : bound,
      );
      if (stop === COMPLETION) {
        // The completion bound: the warm-up's end, the stop, or the slice.
        if (this.completed === this.observeAt) {
          this.observeAt = Number.POSITIVE_INFINITY;
          this.recorder.beginObservation();
        }
        if (this.completed >= this.stopCompleted) return true;
        if (this.completed >= pauseAt) return false;
      } else if (stop === WARMUP) this.recorder.beginObservation();
      else if (stop === PAUSE) {
        if (watch && this.completed === 0 && this.arrived >= NO_COMPLETION_ARRIVALS) this.noProgress();
        if (this.arrived >= arrivalBound) return false;
      } else {
        // The stop, or no event left: the workload ran out of tasks before the stop.
        this.ranOut = stop !== STOP;
        return true;
      }
    }
  }

  /**
   * The run loop: arrivals and completions, and the starts a rate limit held back, until
   * `completedBound` tasks have completed (answers COMPLETION) or another event comes (answers
   * its kind: the stop, the warm-up's end by time, a pause), or no event is left (answers -1).
   * Both bounds are tests each branch makes anyway, nearer ones (the stop count; the arrival
   * cap), so an event costs what it did: the arrival bound leads to a PAUSE event at the current
   * time, popped after what is due at that time already (the order of every other event is
   * unchanged). The rare events leave the loop, so its compiled code holds only what runs often.
   */
  private loop(completedBound: number, arrivalBound: number): number {
    const events = this.events;
    const tasks = this.tasks;
    const recorder = this.recorder;
    const core = this.core;
    const probe = this.probe;
    const clock = this.clock;
    const workload = this.workload;
    const maxArrivals = this.maxArrivals;
    let completed = this.completed;
    let arrived = this.arrived;
    let count = this.count;
    let stop = -1;
    while (events.pop()) {
      const now = events.time;
      clock[0] = now;
      const kind = events.kind;
      if (kind === COMPLETION) {
        count++;
        const id = events.ref;
        const agent = tasks.agent[id]!;
        recorder.completed(id, this.groupOf[agent]!, agent);
        if (this.costed)
          recorder.cost(
            (now - tasks.start[id]!) * this.costPerSecond[agent]! +
              tasks.size[id]! * this.costPerUnit[agent]!,
          );
        probe?.completed(tasks.seq[id]!, agent, now);
        core.finished(id);
        tasks.release(id);
        completed++;
        if (completed >= completedBound) {
          stop = COMPLETION;
          break;
        }
      } else if (kind === ARRIVAL) {
        count++;
        const id = tasks.alloc();
        workload.fill(tasks, id);
        arrived++;
        recorder.arrived();
        probe?.arrived(tasks.seq[id]!, tasks.cls[id]!, now);
        if (arrived < arrivalBound) {
          const next = workload.nextTime();
          if (next < Number.POSITIVE_INFINITY) events.pushSide(next, ARRIVAL, 0);
        } else if (arrived < maxArrivals) this.pauseAfterArrival(now);
        core.submit(id);
      } else if (kind === BEGIN) {
        const id = events.ref;
        this.begin(id, tasks.agent[id]!, now, tasks.service[id]!);
      } else {
        stop = kind;
        break;
      }
    }
    this.completed = completed;
    this.arrived = arrived;
    this.count = count;
    return stop;
  }

  /** Millions of arrivals and not one completion: every task was rejected, or is held for good. */
  private noProgress(): never {
    throw new InputError(
      `${this.arrived.toLocaleString('en-US')} tasks arrived by ${this.clock[0]!.toFixed(3)} s and none completed: ` +
        'every task was rejected (queue capacities, rules, or the policy) or is still held, so the run cannot reach its stop',
    );
  }

  /** The arrival bound was a pause, not the cap: the next arrival as usual, then a pause. */
  private pauseAfterArrival(now: number): void {
    const next = this.workload.nextTime();
    if (next < Number.POSITIVE_INFINITY) this.events.pushSide(next, ARRIVAL, 0);
    this.events.push(now, PAUSE, 0);
  }

  /** How far a run under way is: its counts so far and the share of the stop reached. */
  pulse(): SimPulse {
    const stop = this.compiled.scenario.stop;
    const share = 'time' in stop ? this.clock[0]! / stop.time : this.completed / stop.completed;
    return {
      arrived: this.arrived,
      completed: this.completed,
      events: this.count,
      // Under way, so short of 1 (a completion at exactly stop.time pops before the stop).
      fraction: Math.min(MAX_SHARE_UNDER_WAY, Math.max(0, share)),
    };
  }

  /** The figures of a run that has ended. */
  result(): Omit<ReplicationResult, 'replication'> {
    const recorder = this.recorder;
    const end = this.clock[0]!;
    if (!recorder.observing)
      throw new InputError(
        `the run stopped at ${end.toFixed(3)} s after ${this.completed} completed tasks, before the warm-up ended: ` +
          'make stop later or warmup earlier',
      );
    const series = recorder.series?.data();
    return {
      timeline: recorder.finishTimeline(),
      ...(series === undefined ? {} : { responseSeries: series }),
      metrics: recorder.summarize(),
      events: this.count,
      arrived: this.arrived,
      inSystemAtEnd: this.tasks.live,
      warmupEndSeconds: recorder.observeStart,
      endSeconds: end,
      decisionHash: (this.core.decisionHash >>> 0).toString(16).padStart(8, '0'),
      // Only when true, so every run that reaches its stop keeps its bytes (and digest).
      ...(this.ranOut ? { workloadEnded: true as const } : {}),
      ...skippedRows(this.workload),
    };
  }
}

/** The largest share done a run under way reports. */
export const MAX_SHARE_UNDER_WAY = 1 - 2 ** -20;

/** Where a run stands between slices (simulateSteps). */
export interface SimPulse {
  readonly arrived: number;
  readonly completed: number;
  /** Events processed so far (as ReplicationResult.events counts them). */
  readonly events: number;
  /** The share of the stop reached: completed / stop.completed, or time / stop.time; in [0, 1). */
  readonly fraction: number;
}

/** Arrivals or completions between two pulses of simulateSteps: tens of milliseconds of work. */
export const PULSE_SLICE = 1 << 16;

/**
 * One replication as steps: yields a pulse every `slice` arrivals or completions (whichever
 * comes first since the last pulse), returns the result.
 * The result does not depend on the slice (the loop pauses and resumes with its state intact).
 */
export function* simulateSteps(
  compiled: CompiledScenario,
  options: SimulateOptions,
  slice: number = PULSE_SLICE,
): Generator<SimPulse, ReplicationResult, void> {
  const sim = new Simulation(compiled, options, options.probe);
  const s = compiled.scenario;
  const workload: Workload =
    s.workload.trace !== undefined
      ? new TraceWorkload(s, options.seed, options.replication)
      : new SyntheticWorkload(s, options.seed, options.replication);
  sim.prepare(workload, options.maxArrivals ?? Number.POSITIVE_INFINITY);
  while (!sim.advance(slice)) yield sim.pulse();
  return { replication: options.replication, ...sim.result() };
}

export function simulate(compiled: CompiledScenario, options: SimulateOptions): ReplicationResult {
  return lastStep(simulateSteps(compiled, options, Number.POSITIVE_INFINITY));
}
