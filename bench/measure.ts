// The child process of a bench run: performs exactly one measurement and prints it as one JSON
// line, so the peak memory reported (maxRSS) belongs to that run alone.
//   node dist/bench/measure.js ceiling <tasks>
//   node dist/bench/measure.js orchlab <tasks> <policy> <scenario.yaml>
import { runCeiling } from './ceiling.js';
import type { Sample } from './sample.js';

type Figures = Omit<Sample, 'peakRssMB'>;

function measureCeiling(tasks: number): Figures {
  const { events, seconds } = runCeiling(tasks);
  return { kind: 'ceiling', tasks, policy: null, events, seconds, eventsPerSecond: events / seconds };
}

async function main(argv: readonly string[]): Promise<void> {
  const [kind, taskText, policy, path] = argv;
  const tasks = Number(taskText);
  if (!Number.isInteger(tasks) || tasks <= 0) throw new Error(`measure: bad task count '${taskText}'`);
  let figures: Figures;
  if (kind === 'ceiling') figures = measureCeiling(tasks);
  else if (kind === 'orchlab' && policy !== undefined && path !== undefined) {
    const { measureOrchlab } = await import('./measure-orchlab.js');
    figures = measureOrchlab(tasks, policy, path);
  } else throw new Error('usage: measure.js ceiling <tasks> | orchlab <tasks> <policy> <scenario.yaml>');
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...figures, peakRssMB })}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  console.error(`measure: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
