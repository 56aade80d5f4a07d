// Parallel scaling of runs on worker threads: one comparison (scenarios/mmc.yaml, jsq and
// shared-queue × 10 replications of 200k tasks: 20 runs) with --workers 1 (this thread) and
// --workers 2 (a pool), plus the pool's start-up: creation until every worker answered a no-op
// task, as a share of the 2-worker comparison. Each measurement runs in a fresh Node process, so
// both sides start with cold JIT as the CLI does; the repeats alternate and medians are reported.
// Targets: speed-up >= 1.8, start-up < 10%.
// Beside them, the host's own reference: two processes started together, each running half the
// runs in its main thread (no pool, no messages, each compiling the engine as a worker does).
// Their speed-up is what this machine gives two independent copies of the work at that moment,
// so a miss can be told apart from a host whose cores are not both at full speed.
//   npx tsc -p tsconfig.build.json && node -e "import('./dist/bench/parallel.js').then(m=>m.measureParallelScaling()).then(console.log)"
import { spawn } from 'node:child_process';
import { routingPolicyNames } from '../src/policies/routing/index.js';
import { runComparison } from '../src/runner/compare.js';
import { executeInProcess } from '../src/runner/executor.js';
import { createRunPool } from '../src/runner/pool.js';
import { loadScenarioFile } from '../src/workload/load-scenario.js';
import { projectRoot, scenarioPath } from './paths.js';
import { median } from './stats.js';

export interface ParallelOptions {
  readonly policies?: readonly string[];
  readonly replications?: number;
  /** Completed tasks per run (the scenario's stop). */
  readonly tasks?: number;
  /** Measurements of each kind, alternating; medians are reported. */
  readonly repeats?: number;
}

export interface ParallelScaling {
  /** The comparison with --workers 1 (in one thread). */
  readonly workers1Seconds: number;
  /** The comparison with --workers 2, from creating the pool to shutting it down. */
  readonly workers2Seconds: number;
  /** workers1Seconds / workers2Seconds. */
  readonly speedup: number;
  /** Pool creation until both workers answered a no-op task. */
  readonly startupSeconds: number;
  /** startupSeconds / workers2Seconds. */
  readonly startupShare: number;
  /** The 2-worker comparison alone, on a pool that has started (its JIT still cold). */
  readonly workers2RunSeconds: number;
  /** workers1Seconds / workers2RunSeconds: the scaling once start-up is paid. */
  readonly runSpeedup: number;
  /** CPU time of every thread of the process over the comparison with --workers 1 (s). */
  readonly workers1CpuSeconds: number;
  /** The same with --workers 2: its pool's threads, their start-up and compiling included. */
  readonly workers2CpuSeconds: number;
  /** workers2CpuSeconds / workers2Seconds: how many of the two cores the pool kept busy. */
  readonly workers2Cores: number;
  /**
   * 2 × workers1Seconds / workers2CpuSeconds: the speed-up with both cores busy from start to end
   * for the CPU time the pool spent. A speed-up short of it is idle time; this short of 2 is work
   * that costs more CPU on two threads than on one.
   */
  readonly cpuCeiling: number;
  /** Two processes started together, each running half the runs in its main thread: first start to last end. */
  readonly processes2Seconds: number;
  /** workers1Seconds / processes2Seconds: what two independent copies of the work reach on this host. */
  readonly hostSpeedup: number;
  /** speedup / hostSpeedup: the pool's share of the host's reference. */
  readonly ofHost: number;
  readonly runs: number;
  readonly tasksPerRun: number;
}

export interface OnceResult {
  readonly seconds: number;
  readonly startupSeconds: number;
  readonly runSeconds: number;
  readonly digests: string;
  /** CPU time of every thread of this process over the timed part (s). */
  readonly cpuSeconds: number;
  /** When the timed part started and ended, on a clock every process of the machine shares (ms). */
  readonly startedAtMs: number;
  readonly endedAtMs: number;
}

/** workers1 and workers2 run the whole comparison; half runs half the replications in this thread. */
type Mode = 'workers1' | 'workers2' | 'half';

const epochMs = () => performance.timeOrigin + performance.now();

const now = () => Number(process.hrtime.bigint()) / 1e9;

/** CPU seconds of the process (all its threads) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

function settings(options: ParallelOptions) {
  return {
    policies: options.policies ?? ['jsq', 'shared-queue'],
    replications: options.replications ?? 10,
    tasks: options.tasks ?? 200_000,
  };
}

/** One measurement in this process (the parent runs each in a fresh child). */
export async function measureOnce(mode: Mode, options: ParallelOptions = {}): Promise<OnceResult> {
  const { policies, replications, tasks } = settings(options);
  const scenario = loadScenarioFile(scenarioPath(), {
    knownPolicies: routingPolicyNames,
    overrides: [
      `replications=${mode === 'half' ? replications / 2 : replications}`,
      `stop.completed=${tasks}`,
      `warmup.completed=${Math.floor(tasks / 10)}`,
    ],
  });
  const digests = (c: Awaited<ReturnType<typeof runComparison>>) => c.runs.map((r) => r.digest).join(',');
  if (mode !== 'workers2') {
    const startedAtMs = epochMs();
    const cpu = process.cpuUsage();
    const started = now();
    const c = await runComparison(scenario, policies, executeInProcess);
    const seconds = now() - started;
    return {
      seconds,
      startupSeconds: 0,
      runSeconds: seconds,
      digests: digests(c),
      cpuSeconds: cpuSince(cpu),
      startedAtMs,
      endedAtMs: epochMs(),
    };
  }
  const startedAtMs = epochMs();
  const cpu = process.cpuUsage();
  const started = now();
  const pool = createRunPool(2);
  await pool.ready();
  const ready = now();
  const c = await runComparison(scenario, policies, pool.execute);
  const ran = now();
  await pool.destroy();
  return {
    seconds: now() - started,
    startupSeconds: ready - started,
    runSeconds: ran - ready,
    digests: digests(c),
    cpuSeconds: cpuSince(cpu),
    startedAtMs,
    endedAtMs: epochMs(),
  };
}

function childArgs(mode: Mode, options: ParallelOptions): string[] {
  const self = import.meta.url;
  const code = `import(${JSON.stringify(self)}).then((m) => m.measureOnce(${JSON.stringify(mode)}, ${JSON.stringify(options)})).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const hooks = self.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return [...hooks, '--input-type=module', '-e', code];
}

/** One measurement in a fresh Node process. */
function inChild(mode: Mode, options: ParallelOptions): Promise<OnceResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgs(mode, options), { cwd: projectRoot() });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as OnceResult);
      else reject(new Error(`parallel bench: ${mode} child failed:\n${err}`));
    });
  });
}

/** Two `half` children started together: from the first one's start to the last one's end. */
async function twoProcesses(options: ParallelOptions): Promise<number> {
  const halves = await Promise.all([inChild('half', options), inChild('half', options)]);
  const start = Math.min(...halves.map((h) => h.startedAtMs));
  const end = Math.max(...halves.map((h) => h.endedAtMs));
  return (end - start) / 1000;
}

export async function measureParallelScaling(options: ParallelOptions = {}): Promise<ParallelScaling> {
  const { policies, replications, tasks } = settings(options);
  if (replications % 2 !== 0) throw new Error('parallel bench: the replications must split in two halves');
  const one: OnceResult[] = [];
  const two: OnceResult[] = [];
  const processes: number[] = [];
  for (let i = 0; i < (options.repeats ?? 3); i++) {
    one.push(await inChild('workers1', options));
    two.push(await inChild('workers2', options));
    processes.push(await twoProcesses(options));
    if (two.at(-1)!.digests !== one[0]!.digests || one.at(-1)!.digests !== one[0]!.digests)
      throw new Error('parallel bench: 1 and 2 workers gave different digests');
  }
  const workers1Seconds = median(one.map((r) => r.seconds));
  const workers2Seconds = median(two.map((r) => r.seconds));
  const startupSeconds = median(two.map((r) => r.startupSeconds));
  const workers2RunSeconds = median(two.map((r) => r.runSeconds));
  const processes2Seconds = median(processes);
  const workers1CpuSeconds = median(one.map((r) => r.cpuSeconds));
  const workers2CpuSeconds = median(two.map((r) => r.cpuSeconds));
  const speedup = workers1Seconds / workers2Seconds;
  const hostSpeedup = workers1Seconds / processes2Seconds;
  return {
    workers1Seconds,
    workers2Seconds,
    speedup,
    startupSeconds,
    startupShare: startupSeconds / workers2Seconds,
    workers2RunSeconds,
    runSpeedup: workers1Seconds / workers2RunSeconds,
    workers1CpuSeconds,
    workers2CpuSeconds,
    workers2Cores: median(two.map((r) => r.cpuSeconds / r.seconds)),
    cpuCeiling: (2 * workers1Seconds) / workers2CpuSeconds,
    processes2Seconds,
    hostSpeedup,
    ofHost: speedup / hostSpeedup,
    runs: policies.length * replications,
    tasksPerRun: tasks,
  };
}
