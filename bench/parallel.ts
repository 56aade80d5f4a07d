// Parallel scaling of runs on worker threads: one comparison (scenarios/mmc.yaml, jsq and
// shared-queue × 10 replications of 200k tasks: 20 runs) with --workers 1 (this thread) and
// --workers 2 (a pool), plus the pool's start-up: creation until every worker answered a no-op
// task, as a share of the 2-worker comparison. Each measurement runs in a fresh Node process, so
// both sides start with cold JIT as the CLI does; the repeats alternate and medians are reported.
// Targets: speed-up >= 1.8, start-up < 10%.
//   npx tsc -p tsconfig.build.json && node -e "import('./dist/bench/parallel.js').then(m=>m.measureParallelScaling()).then(console.log)"
import { spawnSync } from 'node:child_process';
import { routingPolicyNames } from '../src/policies/routing/index.js';
import { runComparison } from '../src/runner/compare.js';
import { executeInProcess } from '../src/runner/executor.js';
import { createRunPool } from '../src/runner/pool.js';
import { loadScenarioFile } from '../src/workload/load-scenario.js';
import { projectRoot, scenarioPath } from './paths.js';

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
  readonly runs: number;
  readonly tasksPerRun: number;
}

export interface OnceResult {
  readonly seconds: number;
  readonly startupSeconds: number;
  readonly runSeconds: number;
  readonly digests: string;
}

type Mode = 'workers1' | 'workers2';

const now = () => Number(process.hrtime.bigint()) / 1e9;

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
      `replications=${replications}`,
      `stop.completed=${tasks}`,
      `warmup.completed=${Math.floor(tasks / 10)}`,
    ],
  });
  const digests = (c: Awaited<ReturnType<typeof runComparison>>) => c.runs.map((r) => r.digest).join(',');
  if (mode === 'workers1') {
    const started = now();
    const c = await runComparison(scenario, policies, executeInProcess);
    const seconds = now() - started;
    return { seconds, startupSeconds: 0, runSeconds: seconds, digests: digests(c) };
  }
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
  };
}

function inChild(mode: Mode, options: ParallelOptions): OnceResult {
  const self = import.meta.url;
  const code = `import(${JSON.stringify(self)}).then((m) => m.measureOnce(${JSON.stringify(mode)}, ${JSON.stringify(options)})).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const hooks = self.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawnSync(process.execPath, [...hooks, '--input-type=module', '-e', code], {
    cwd: projectRoot(),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`parallel bench: ${mode} child failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as OnceResult;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function measureParallelScaling(options: ParallelOptions = {}): Promise<ParallelScaling> {
  const { policies, replications, tasks } = settings(options);
  const one: OnceResult[] = [];
  const two: OnceResult[] = [];
  for (let i = 0; i < (options.repeats ?? 3); i++) {
    one.push(inChild('workers1', options));
    two.push(inChild('workers2', options));
    if (two.at(-1)!.digests !== one[0]!.digests || one.at(-1)!.digests !== one[0]!.digests)
      throw new Error('parallel bench: 1 and 2 workers gave different digests');
  }
  const workers1Seconds = median(one.map((r) => r.seconds));
  const workers2Seconds = median(two.map((r) => r.seconds));
  const startupSeconds = median(two.map((r) => r.startupSeconds));
  const workers2RunSeconds = median(two.map((r) => r.runSeconds));
  return {
    workers1Seconds,
    workers2Seconds,
    speedup: workers1Seconds / workers2Seconds,
    startupSeconds,
    startupShare: startupSeconds / workers2Seconds,
    workers2RunSeconds,
    runSpeedup: workers1Seconds / workers2RunSeconds,
    runs: policies.length * replications,
    tasksPerRun: tasks,
  };
}
