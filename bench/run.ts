// `npm run bench`: measures orchlab's events per second and peak memory on scenarios/mmc.yaml
// against the hand-written ceiling loop, each run in a fresh child process, repetitions
// interleaved round-robin, medians reported in a table with a verdict against the targets.
import { writeAtomic } from '../src/io/write-atomic.js';
import { type BenchArgs, parseBenchArgs, USAGE } from './args.js';
import { runChild } from './child.js';
import { machineInfo, machineLine } from './machine.js';
import { formatParallelTable, measureParallelRows } from './parallel-table.js';
import { makePlan, measurementLabel, runOrder } from './plan.js';
import { summarize } from './results.js';
import type { Sample } from './sample.js';
import { formatTable, sizeText } from './table.js';

async function bench(args: BenchArgs): Promise<void> {
  const machine = machineInfo();
  const plan = makePlan(args);
  const order = runOrder(plan);
  console.log(machineLine(machine));
  const samples: Sample[][] = plan.map(() => []);
  const started = process.hrtime.bigint();
  order.forEach((index, step) => {
    const m = plan[index]!;
    const own = samples[index]!;
    const what = `${sizeText(m.tasks)} ${measurementLabel(m)} run ${own.length + 1}/${m.runs}`;
    process.stderr.write(`[${step + 1}/${order.length}] ${what} ... `);
    const sample = runChild(m);
    own.push(sample);
    process.stderr.write(
      `${(sample.eventsPerSecond / 1e6).toFixed(2)} M ev/s, ${sample.seconds.toFixed(2)} s, ${sample.peakRssMB.toFixed(0)} MB\n`,
    );
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const rows = summarize(plan, samples);
  console.log(`scenario: scenarios/mmc.yaml (M/M/16 at 90% load), one replication, medians of repeated runs`);
  console.log(formatTable(rows));
  const checks = rows.flatMap((r) => r.checks);
  const met = checks.filter((c) => c.met).length;
  console.log(`targets: ${met} of ${checks.length} met; ${order.length} child runs in ${wall.toFixed(0)} s`);
  const parallel = await measureParallelRows(args.quick);
  console.log('\nparallel scaling: scenarios/mmc.yaml, jsq and shared-queue x 10 replications (20 runs)');
  console.log(formatParallelTable(parallel));
  if (args.json !== undefined) {
    const raw = {
      machine,
      options: { quick: args.quick, runs: args.runs ?? null, only: args.only ?? null },
      rows,
      parallel,
    };
    writeAtomic(args.json, `${JSON.stringify(raw, null, 2)}\n`);
    console.log(`raw figures written to ${args.json}`);
  }
}

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  try {
    await bench(args);
  } catch (err) {
    process.stderr.write('\n');
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

await main();
