// Streaming recorders for one replication: histograms for response and wait time (overall and
// per class) and time-weighted averages for the number in system and busy slots. Memory is fixed
// by the number of classes and agent groups, never by the number of tasks.
import type { TaskTable } from '../model/task-table.js';
import { ZERO } from '../sim/double-zero.js';
import { BatchSeries } from './batch-series.js';
import { Histogram } from './histogram.js';
import type { ClassMetrics, QuantileSummary, ReplicationMetrics } from './summary-types.js';
import { TimeAverage } from './time-average.js';
import { Timeline, type TimelineData } from './timeline.js';

export interface RecorderOptions {
  /**
   * The engine's virtual clock, one cell it writes at every event. The hot calls read time from
   * it and the task table, and take only integers: a double passed to a call the JIT did not
   * inline is boxed, an allocation per event.
   */
  readonly clock: Float64Array;
  readonly tasks: TaskTable;
  /** Initial bucket width of the timeline in seconds. */
  readonly bucketSeconds: number;
  /** Record each agent's utilization over time (heatmaps); slots per agent. */
  readonly agentSlots?: Int32Array;
  /** Keep the response-time series from the start (for MSER-5, warmup: auto). */
  readonly series?: boolean;
}

export class RunRecorder {
  observing = false;
  observeStart = ZERO;
  private readonly response = new Histogram();
  private readonly wait = new Histogram();
  private readonly classResponse: Histogram[];
  private readonly classWait: Histogram[];
  private readonly classRejected: Float64Array;
  private rejectedCount = 0;
  private costSum = ZERO;
  private keyedCount = 0;
  private affinityHits = 0;
  private inputTokens = ZERO;
  private cachedTokens = ZERO;
  // Number in system and busy slots change at almost every event, so their areas are kept in
  // plain fields and advanced together (one multiply-add each per change).
  private inSystem = 0;
  private busy = 0;
  /** Areas from time 0 (the timeline reads them too); observation subtracts its start. */
  private inSystemArea = ZERO;
  private busyArea = ZERO;
  private inSystemAreaAtStart = ZERO;
  private busyAreaAtStart = ZERO;
  private last = ZERO;
  private readonly perAgent: boolean;
  private readonly totalSlots: number;
  private readonly detailed: boolean;
  /** Any per-class, per-group or per-agent figure, or the MSER series, to record. */
  private readonly extras: boolean;
  private readonly groupBusy: TimeAverage[];
  private readonly perClass: boolean;
  private readonly perGroup: boolean;

  readonly timeline: Timeline;
  readonly series: BatchSeries | undefined;
  private readonly clock: Float64Array;
  private readonly tasks: TaskTable;

  constructor(
    private readonly classNames: readonly string[],
    private readonly groupNames: readonly string[],
    private readonly groupSlots: Float64Array,
    options: RecorderOptions,
  ) {
    this.clock = options.clock;
    this.tasks = options.tasks;
    this.totalSlots = groupSlots.reduce((s, v) => s + v, 0);
    this.timeline = new Timeline(options.bucketSeconds, this.totalSlots, options.agentSlots);
    this.series = options.series ? new BatchSeries() : undefined;
    this.perAgent = this.timeline.perAgent;
    // With one class, the class figures are the overall ones: share the histograms.
    this.perClass = classNames.length > 1;
    this.classResponse = this.perClass ? classNames.map(() => new Histogram()) : [this.response];
    this.classWait = this.perClass ? classNames.map(() => new Histogram()) : [this.wait];
    this.classRejected = new Float64Array(classNames.length);
    // With one group, the group's busy slots are the fleet's: share the average.
    this.perGroup = groupNames.length > 1;
    this.groupBusy = groupNames.map(() => new TimeAverage());
    this.detailed = this.perAgent || this.perGroup;
    this.extras = this.detailed || this.perClass || this.series !== undefined;
  }

  /** Statistics from here on; what ended before is warm-up. */
  beginObservation(): void {
    const now = this.clock[0]!;
    this.observing = true;
    this.observeStart = now;
    this.response.reset();
    this.wait.reset();
    if (this.perClass) {
      for (const h of this.classResponse) h.reset();
      for (const h of this.classWait) h.reset();
    }
    this.classRejected.fill(0);
    this.rejectedCount = 0;
    this.costSum = 0;
    this.keyedCount = 0;
    this.affinityHits = 0;
    this.inputTokens = 0;
    this.cachedTokens = 0;
    this.advance();
    this.inSystemAreaAtStart = this.inSystemArea;
    this.busyAreaAtStart = this.busyArea;
    if (this.perGroup) for (const g of this.groupBusy) g.restart(now);
  }

  /** Brings the time-weighted areas up to now. */
  private advance(): void {
    const now = this.clock[0]!;
    const dt = now - this.last;
    // Several changes at one instant (a completion and the next start) add no area.
    if (dt === 0) return;
    if (now >= this.timeline.end)
      this.timeline.roll(now, this.last, this.inSystemArea, this.busyArea, this.inSystem, this.busy);
    this.inSystemArea += dt * this.inSystem;
    this.busyArea += dt * this.busy;
    this.last = now;
  }

  /** A task arrived (now). */
  arrived(): void {
    this.advance();
    this.inSystem++;
  }

  /** A task started service at `agent` (now). */
  started(group: number, agent: number): void {
    this.advance();
    this.busy++;
    if (this.detailed) this.detail(this.clock[0]!, group, agent, 1);
  }

  /** Per-agent and per-group busy slots, kept only when there is more than one of them to show. */
  private detail(now: number, group: number, agent: number, delta: number): void {
    if (this.perAgent) this.timeline.agentChange(agent, now, delta);
    if (this.perGroup) this.groupBusy[group]!.add(now, delta);
  }

  /** Task `task` completed at `agent` (now). */
  completed(task: number, group: number, agent: number): void {
    const now = this.clock[0]!;
    const t = this.tasks;
    const arrival = t.arrival[task]!;
    const cls = t.cls[task]!;
    const responseSeconds = now - arrival;
    const waitSeconds = t.start[task]! - arrival;
    this.advance();
    this.inSystem--;
    this.busy--;
    this.timeline.completed();
    if (this.extras) this.completedExtras(now, cls, group, agent, responseSeconds, waitSeconds);
    // Recorded during warm-up too (beginObservation clears the histograms): a branch on
    // observing here would first be taken mid-run, after the JIT compiled the loop without it.
    this.response.record(responseSeconds);
    this.wait.record(waitSeconds);
  }

  /** What a completion adds beyond the fleet-wide figures: per class, group, agent; the MSER series. */
  private completedExtras(
    now: number,
    cls: number,
    group: number,
    agent: number,
    responseSeconds: number,
    waitSeconds: number,
  ): void {
    if (this.detailed) this.detail(now, group, agent, -1);
    if (this.series !== undefined) this.series.add(responseSeconds);
    if (this.perClass) {
      this.classResponse[cls]!.record(responseSeconds);
      this.classWait[cls]!.record(waitSeconds);
    }
  }

  /** Cost of one completed task (busy seconds and work units at its agent's prices). */
  cost(amount: number): void {
    if (this.observing) this.costSum += amount;
  }

  /** A task with an affinity key started; `hit` when its agent remembered the key. */
  keyed(hit: boolean): void {
    if (!this.observing) return;
    this.keyedCount++;
    if (hit) this.affinityHits++;
  }

  /** An LLM task started with `cached` of its `input` prompt tokens found in the prefix cache. */
  prefix(input: number, cached: number): void {
    if (!this.observing) return;
    this.inputTokens += input;
    this.cachedTokens += cached;
  }

  rejected(cls: number): void {
    this.advance();
    this.inSystem--;
    if (!this.observing) return;
    this.rejectedCount++;
    this.classRejected[cls]!++;
  }

  finishTimeline(): TimelineData {
    const end = this.clock[0]!;
    this.advance();
    return this.timeline.finish(end, this.inSystemArea, this.busyArea);
  }

  summarize(): ReplicationMetrics {
    const end = this.clock[0]!;
    const span = end - this.observeStart;
    const utilizationByGroup: Record<string, number> = {};
    this.advance();
    this.groupNames.forEach((name, g) => {
      const area = this.perGroup ? this.groupBusy[g]!.areaUntil(end) : this.busyArea - this.busyAreaAtStart;
      utilizationByGroup[name] = area / (this.groupSlots[g]! * span);
    });
    const responseTime = summarize(this.response);
    const waitTime = summarize(this.wait);
    const classes: Record<string, ClassMetrics> = {};
    this.classNames.forEach((name, c) => {
      classes[name] = {
        // One class shares the overall histograms (and so their summaries).
        responseTime: this.perClass ? summarize(this.classResponse[c]!) : { ...responseTime },
        waitTime: this.perClass ? summarize(this.classWait[c]!) : { ...waitTime },
        completed: this.classResponse[c]!.count,
        rejected: this.classRejected[c]!,
      };
    });
    const inSystem = (this.inSystemArea - this.inSystemAreaAtStart) / span;
    const busy = (this.busyArea - this.busyAreaAtStart) / span;
    return {
      responseTime,
      waitTime,
      throughput: this.response.count / span,
      utilization: busy / this.totalSlots,
      utilizationByGroup,
      numberInSystem: inSystem,
      numberInQueue: inSystem - busy,
      completed: this.response.count,
      rejected: this.rejectedCount,
      cost: this.costSum,
      costPerTask: this.response.count > 0 ? this.costSum / this.response.count : Number.NaN,
      affinityHitRate: this.keyedCount > 0 ? this.affinityHits / this.keyedCount : Number.NaN,
      prefixHitRate: this.inputTokens > 0 ? this.cachedTokens / this.inputTokens : Number.NaN,
      classes,
    };
  }
}

const SUMMARY_QUANTILES = [0.5, 0.9, 0.95, 0.99, 0.999];

function summarize(h: Histogram): QuantileSummary {
  const [p50, p90, p95, p99, p999] = h.quantiles(SUMMARY_QUANTILES) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean: h.mean, p50, p90, p95, p99, p999 };
}
