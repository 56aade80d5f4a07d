// A synthetic workload: arrivals from a process, each task's class and size drawn when it
// arrives from the workload's own streams. Because the draws do not depend on routing, every
// policy sees the identical workload in the same replication (common random numbers).
import { ZERO } from '../sim/double-zero.js';
import type { TaskTable } from '../model/task-table.js';
import { makeStream, type Rng } from '../sim/rng.js';
import { type ArrivalProcess, fillArrivals, makeArrivalProcess } from './arrivals.js';
import { fillSamples, makeSampler, type Sampler } from './distributions.js';
import { type KeySampler, makeKeySampler } from './keys.js';
import { PrefixBlocks } from './prefix-blocks.js';
import { ServiceNoise } from './service-noise.js';
import type { Scenario, SizeDist } from './scenario-schema.js';

/** A source of arrivals the engine pulls from, one task at a time. */
export interface Workload {
  /** Absolute time of the next arrival, or Infinity when there are no more. */
  nextTime(): number;
  /** Fills the attributes of the task arriving now at nextTime(), and advances. */
  fill(tasks: TaskTable, id: number): void;
  /** A replay's bad rows skipped so far (skipBadRows); absent for generated workloads. */
  skipped?(): SkippedRows;
}

/** Bad rows a replay skipped: how many, and `file:line: reason` of the first few. */
export interface SkippedRows {
  readonly rows: number;
  readonly reasons: readonly string[];
}

/** Arrivals generated ahead at a time: tight loops over one stream each, same values in the same order. */
const BLOCK = 256;

export class SyntheticWorkload implements Workload {
  private next: number;
  private readonly blockTime = new Float64Array(BLOCK);
  private readonly blockClass = new Int32Array(BLOCK);
  private readonly blockSize = new Float64Array(BLOCK);
  private at = BLOCK;
  private readonly process: ArrivalProcess;
  private readonly samplers: (Sampler | undefined)[];
  private readonly sizeDists: (SizeDist | undefined)[];
  private readonly inputs: (Sampler | undefined)[];
  private readonly outputs: (Sampler | undefined)[];
  private readonly prefixes: (PrefixBlocks | undefined)[];
  private readonly tokens: Rng;
  private readonly cumWeights: Float64Array;
  private readonly priority: Int32Array;
  private readonly deadline: Float64Array;
  private readonly arrivals: Rng;
  private readonly classes: Rng;
  private readonly sizes: Rng;
  private readonly keys: Rng;
  private readonly keySamplers: (KeySampler | undefined)[];
  private readonly noise: ServiceNoise;
  /** No class has tokens, prefixes or keys, and there is no service noise. */
  private readonly plain: boolean;
  private count = 0;

  constructor(scenario: Scenario, seed: number, replication: number) {
    const w = scenario.workload;
    if (w.arrivals === undefined) throw new Error('a synthetic workload needs arrivals (a bug if seen here)');
    this.process = makeArrivalProcess(w.arrivals);
    this.noise = new ServiceNoise(scenario, seed, replication);
    this.samplers = w.classes.map((c) => (c.size === undefined ? undefined : makeSampler(c.size)));
    this.sizeDists = w.classes.map((c) => c.size);
    this.inputs = w.classes.map((c) =>
      c.inputTokens === undefined ? undefined : makeSampler(c.inputTokens),
    );
    this.outputs = w.classes.map((c) =>
      c.outputTokens === undefined ? undefined : makeSampler(c.outputTokens),
    );
    this.prefixes = w.classes.map((c, i) =>
      c.prefix === undefined ? undefined : new PrefixBlocks(c.prefix, i),
    );
    this.tokens = makeStream(seed, 'tokens', replication);
    this.plain =
      w.serviceNoise === undefined &&
      w.classes.every(
        (c) => c.size !== undefined && !c.inputTokens && !c.outputTokens && !c.prefix && !c.key,
      );
    const total = w.classes.reduce((s, c) => s + c.weight, 0);
    let acc = 0;
    this.cumWeights = Float64Array.from(w.classes, (c) => (acc += c.weight / total));
    this.priority = Int32Array.from(w.classes, (c) => c.priority);
    this.deadline = Float64Array.from(w.classes, (c) => c.deadline ?? Number.POSITIVE_INFINITY);
    this.arrivals = makeStream(seed, 'arrivals', replication);
    this.classes = makeStream(seed, 'classes', replication);
    this.sizes = makeStream(seed, 'sizes', replication);
    this.keys = makeStream(seed, 'keys', replication);
    this.keySamplers = w.classes.map((c) => (c.key === undefined ? undefined : makeKeySampler(c.key)));
    this.next = ZERO;
    this.refill();
  }

  /**
   * Draws the next BLOCK arrivals: times from the arrivals stream, classes from the classes
   * stream, and (plain workloads) sizes from the sizes stream. Each stream is consumed in the
   * same order as one arrival at a time would, so the values are identical.
   */
  private refill(): void {
    this.next = fillArrivals(this.process, this.blockTime, this.next, this.arrivals);
    const cw = this.cumWeights;
    if (cw.length > 1) {
      for (let i = 0; i < BLOCK; i++) {
        const u = this.classes();
        let c = 0;
        while (c < cw.length - 1 && u >= cw[c]!) c++;
        this.blockClass[i] = c;
      }
      if (this.plain)
        for (let i = 0; i < BLOCK; i++) this.blockSize[i] = this.samplers[this.blockClass[i]!]!(this.sizes);
    } else if (this.plain) fillSamples(this.sizeDists[0]!, this.samplers[0]!, this.blockSize, this.sizes);
    this.at = 0;
  }

  nextTime(): number {
    return this.blockTime[this.at]!;
  }

  fill(tasks: TaskTable, id: number): void {
    const i = this.at;
    const now = this.blockTime[i]!;
    const c = this.blockClass[i]!;
    tasks.arrival[id] = now;
    tasks.cls[id] = c;
    tasks.priority[id] = this.priority[c]!;
    tasks.deadline[id] = now + this.deadline[c]!;
    tasks.seq[id] = this.count++;
    // No tokens, prefixes, keys or noise in any class: the table's neutral values stand.
    if (this.plain) tasks.size[id] = this.blockSize[i]!;
    else this.fillExtras(tasks, id, c);
    if (++this.at === BLOCK) this.refill();
  }

  /** Tokens, prefix blocks, affinity key and noise factor, for workloads that have them. */
  private fillExtras(tasks: TaskTable, id: number, c: number): void {
    const input = this.inputs[c];
    const output = this.outputs[c];
    const inTokens = input === undefined ? 0 : Math.round(input(this.tokens));
    const outTokens = output === undefined ? 0 : Math.round(output(this.tokens));
    tasks.inputTokens[id] = inTokens;
    tasks.outputTokens[id] = outTokens;
    const size = this.samplers[c];
    tasks.size[id] = size === undefined ? inTokens + outTokens : size(this.sizes);
    const prefix = this.prefixes[c];
    if (prefix !== undefined) tasks.prefix[id] = prefix.draw(inTokens, this.tokens);
    const key = this.keySamplers[c];
    tasks.key[id] = key === undefined ? -1 : key(this.keys);
    tasks.noise[id] = this.noise.next();
  }
}
