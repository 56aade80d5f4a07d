// The parallel-scaling part of `npm run bench`: a 20-run comparison with --workers 1 against
// --workers 2, at two run lengths, with the verdicts against the targets, beside the
// host's reference (two processes each running half the runs; no target: it says what the
// machine gave at that moment), and the CPU time each side spent: with both cores busy the
// whole time, the pool's speed-up is 2 × (workers 1's time) / (the pool's CPU time) at best.
import { measureParallelScaling, type ParallelScaling } from './parallel.js';

export const SPEEDUP_TARGET = 1.8;
export const STARTUP_TARGET = 0.1;

export interface ParallelRow extends ParallelScaling {
  readonly speedupMet: boolean;
  readonly startupMet: boolean;
}

export async function measureParallelRows(quick: boolean): Promise<ParallelRow[]> {
  const sizes = quick ? [200_000] : [200_000, 1_000_000];
  const rows: ParallelRow[] = [];
  for (const tasks of sizes) {
    process.stderr.write(`parallel scaling: 20 runs of ${tasks / 1000}k tasks, workers 1 vs 2 ... `);
    const r = await measureParallelScaling({ tasks, repeats: quick ? 1 : 5 });
    process.stderr.write(`${r.speedup.toFixed(2)}x (two processes: ${r.hostSpeedup.toFixed(2)}x)\n`);
    rows.push({ ...r, speedupMet: r.speedup >= SPEEDUP_TARGET, startupMet: r.startupShare < STARTUP_TARGET });
  }
  return rows;
}

export function formatParallelTable(rows: readonly ParallelRow[]): string {
  const lines = [
    '| runs x tasks | workers 1 (s) | workers 2 (s) | speed-up | start-up (s) | start-up share | verdict | 2 processes (s) | their speed-up | pool / processes | CPU workers 1 / 2 (s) | cores busy | CPU ceiling |',
    '|---|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    const verdict = [
      r.speedupMet ? 'ok' : `MISS speed-up >= ${SPEEDUP_TARGET}x`,
      r.startupMet ? 'ok' : `MISS start-up < ${STARTUP_TARGET * 100}%`,
    ].join(', ');
    lines.push(
      `| ${r.runs} x ${r.tasksPerRun / 1000}k | ${r.workers1Seconds.toFixed(2)} | ${r.workers2Seconds.toFixed(2)} | ${r.speedup.toFixed(2)}x | ${r.startupSeconds.toFixed(3)} | ${(r.startupShare * 100).toFixed(1)}% | ${verdict} | ${r.processes2Seconds.toFixed(2)} | ${r.hostSpeedup.toFixed(2)}x | ${(r.ofHost * 100).toFixed(0)}% | ${r.workers1CpuSeconds.toFixed(2)} / ${r.workers2CpuSeconds.toFixed(2)} | ${r.workers2Cores.toFixed(2)} | ${r.cpuCeiling.toFixed(2)}x |`,
    );
  }
  return lines.join('\n');
}
