// A recorded trace as the workload: rows are pulled lazily from the file as the simulation
// advances (memory does not grow with the trace), each becoming one task with the row's class,
// size, tokens, key, priority, deadline and prefix blocks. Replications replay the trace
// identically (only service noise and policy choices vary) unless `resample: bootstrap` asks for
// block-bootstrap resamples, which hold the trace in memory.
import type { TaskTable } from '../model/task-table.js';
import { makeStream } from '../sim/rng.js';
import type { ReplaySpec, Scenario } from './scenario-schema.js';
import { ServiceNoise } from './service-noise.js';
import type { SkippedRows, Workload } from './synthetic.js';
import { TraceReader, type TraceRow, type TraceSpec } from './trace/index.js';
import { rateScaleForUtilization } from './trace/scale.js';

/** The reader's own spec: the replay options removed. */
export function readerSpec(r: ReplaySpec, rateScale: number): TraceSpec {
  const { targetUtilization: _t, resample: _r, blockSeconds: _b, ...spec } = r;
  return { ...spec, rateScale };
}

const workCache = new Map<string, number>();

/** Work units per second the trace brings (sum of sizes over its duration); one pass, cached. */
function traceWorkPerSecond(spec: ReplaySpec): number {
  const plain = readerSpec(spec, 1);
  const key = JSON.stringify(plain);
  let w = workCache.get(key);
  if (w === undefined) {
    let sum = 0;
    let last = 0;
    for (const row of new TraceReader(plain, '.')) {
      sum += row.size;
      last = row.time;
    }
    w = last > 0 ? sum / last : sum;
    workCache.set(key, w);
  }
  return w;
}

/**
 * The rate scale a replay uses: targetUtilization's, else the spec's rateScale, else 1 (the
 * scenario checks refuse both at once, and targetUtilization with LLM agents).
 */
export function replayRateScale(scenario: Scenario, spec: ReplaySpec): number {
  if (spec.targetUtilization === undefined) return spec.rateScale ?? 1;
  const capacity = scenario.agents.reduce((s, g) => s + g.count * g.slots * g.speed, 0);
  return rateScaleForUtilization(traceWorkPerSecond(spec), capacity, spec.targetUtilization);
}

/** Block bootstrap: the scaled rows cut into blocks of blockSeconds of replay time, drawn with replacement. */
function bootstrapRows(
  rows: readonly TraceRow[],
  blockSeconds: number,
  seed: number,
  replication: number,
): TraceRow[] {
  if (rows.length === 0) return [];
  const duration = rows[rows.length - 1]!.time;
  const blocks = Math.max(1, Math.ceil((duration + 1e-9) / blockSeconds));
  const byBlock: TraceRow[][] = Array.from({ length: blocks }, () => []);
  for (const r of rows) byBlock[Math.min(blocks - 1, Math.floor(r.time / blockSeconds))]!.push(r);
  const rng = makeStream(seed, 'resample', replication);
  const out: TraceRow[] = [];
  for (let j = 0; j < blocks; j++) {
    const b = Math.floor(rng() * blocks);
    for (const r of byBlock[b]!) out.push({ ...r, time: j * blockSeconds + (r.time - b * blockSeconds) });
  }
  return out;
}

export class TraceWorkload implements Workload {
  private readonly reader: TraceReader;
  private readonly rows: TraceRow[] | undefined;
  private at = 0;
  private current: TraceRow | undefined;
  private readonly classIndex: Map<string, number>;
  private readonly classNames: string[];
  private readonly keys = new Map<string, number>();
  private readonly noise: ServiceNoise;
  private count = 0;

  constructor(scenario: Scenario, seed: number, replication: number) {
    const spec = scenario.workload.trace;
    if (spec === undefined) throw new Error('a trace workload needs workload.trace (a bug if seen here)');
    const scale = replayRateScale(scenario, spec);
    this.classNames = scenario.workload.classes.map((c) => c.name);
    this.classIndex = new Map(this.classNames.map((n, i) => [n, i]));
    this.noise = new ServiceNoise(scenario, seed, replication);
    // A row of a class the scenario lacks is a bad row: an error naming it, or skipped and counted.
    this.reader = new TraceReader(readerSpec(spec, scale), '.', { classes: this.classNames });
    if (spec.resample === 'bootstrap') {
      this.rows = bootstrapRows([...this.reader], spec.blockSeconds, seed, replication);
      this.current = this.rows[0];
    } else this.current = this.reader.next();
  }

  nextTime(): number {
    return this.current === undefined ? Number.POSITIVE_INFINITY : this.current.time;
  }

  fill(tasks: TaskTable, id: number): void {
    const row = this.current!;
    // The reader lets through only rows of a known class.
    const cls = row.cls === undefined ? 0 : this.classIndex.get(row.cls)!;
    tasks.arrival[id] = row.time;
    tasks.cls[id] = cls;
    tasks.size[id] = row.size;
    tasks.inputTokens[id] = row.inputTokens ?? 0;
    tasks.outputTokens[id] = row.outputTokens ?? 0;
    tasks.priority[id] = row.priority ?? 0;
    tasks.deadline[id] = row.time + (row.deadline ?? Number.POSITIVE_INFINITY);
    tasks.key[id] = row.key === undefined ? -1 : this.intern(row.key);
    tasks.prefix[id] = row.prefix;
    tasks.seq[id] = this.count++;
    tasks.noise[id] = this.noise.next();
    this.current = this.rows !== undefined ? this.rows[++this.at] : this.reader.next();
  }

  /** Bad rows skipped so far (rows read, with skipBadRows), or none. */
  skipped(): SkippedRows {
    return { rows: this.reader.skipped, reasons: [...this.reader.skipReasons] };
  }

  private intern(key: string): number {
    let k = this.keys.get(key);
    if (k === undefined) {
      k = this.keys.size;
      this.keys.set(key, k);
    }
    return k;
  }
}
