// A run in steps: how far it is (RunPulse) while it runs, and stopping it where it stands.
import { describe, expect, it } from 'vitest';
import { runInRounds, type RunProgress } from '../../src/runner/auto-replications.js';
import { type Executor, executeInProcess, executeRun, RunAborted } from '../../src/runner/executor.js';
import { type RunPulse, replicationSteps, runReplication } from '../../src/runner/run-scenario.js';
import { PULSE_COMPLETIONS } from '../../src/sim/simulate.js';
import { smallScenario } from './small-scenario.js';

// Long enough for two pulses per pass, short enough for a test (the fixture's M/M/4 is cheap).
const TASKS = Math.floor(2.5 * PULSE_COMPLETIONS);
const long = (extra: readonly string[] = []) =>
  smallScenario([`stop.completed=${TASKS}`, 'replications=1', ...extra]);

function pulsesOf(steps: ReturnType<typeof replicationSteps>) {
  const pulses: RunPulse[] = [];
  let next = steps.next();
  for (; !next.done; next = steps.next()) pulses.push(next.value);
  return { pulses, result: next.value };
}

describe('replicationSteps(scenario, replication)', () => {
  it('reports the share done every PULSE_COMPLETIONS completions and ends with runReplication bytes', () => {
    const { pulses, result } = pulsesOf(replicationSteps(long(), 0));
    expect(pulses.map((p) => p.fraction)).toEqual([1, 2].map((k) => (k * PULSE_COMPLETIONS) / TASKS));
    expect(pulses[1]!.events).toBeGreaterThan(pulses[0]!.events);
    expect(pulses[1]!.events).toBeLessThan(result.events);
    expect(JSON.stringify(result)).toBe(JSON.stringify(runReplication(long(), 0)));
  });

  it('with warmup: auto counts both passes: the first half, then the second, events adding up', () => {
    const { pulses, result } = pulsesOf(replicationSteps(long(['warmup=auto']), 0));
    expect(pulses).toHaveLength(4);
    const shares = pulses.map((p) => p.fraction);
    expect(shares.slice(0, 2).every((f) => f > 0 && f < 0.5)).toBe(true);
    expect(shares.slice(2).every((f) => f > 0.5 && f < 1)).toBe(true);
    for (let i = 1; i < pulses.length; i++) expect(pulses[i]!.events).toBeGreaterThan(pulses[i - 1]!.events);
    // The second pass starts from the first pass's events.
    expect(pulses[2]!.events).toBeGreaterThan(result.events);
    expect(result.warmupCut).toBeDefined();
  });

  it('executeRun hands the pulses to its caller and still returns the outcome', () => {
    const seen: number[] = [];
    const outcome = executeRun({ scenario: long(), replication: 0 }, (p) => seen.push(p.fraction));
    expect(outcome.ok).toBe(true);
    expect(seen).toHaveLength(2);
  });
});

describe('executeInProcess while a run is under way', () => {
  it('reports pulses by task index and stops the run where it stands when aborted (no outcome)', async () => {
    const controller = new AbortController();
    const pulses: [number, number][] = [];
    const outcomes: number[] = [];
    const run = executeInProcess(
      [
        { scenario: smallScenario(), replication: 0 },
        { scenario: long(), replication: 0 },
      ],
      {
        signal: controller.signal,
        onOutcome: (i) => outcomes.push(i),
        onPulse: (i, p) => {
          pulses.push([i, p.fraction]);
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(RunAborted);
    // The long run paused once, heard the abort, and never finished.
    expect(pulses).toEqual([[1, PULSE_COMPLETIONS / TASKS]]);
    expect(outcomes).toEqual([0]);
  });
});

describe('runInRounds progress', () => {
  it('counts runs under way for their share and their events, and drops them once they finish', async () => {
    const s = smallScenario(['replications=2']);
    // An executor that reports run 1 half done before finishing both runs.
    const execute: Executor = async (tasks, options) => {
      const outcomes = await executeInProcess(tasks, {});
      options.onPulse?.(1, { fraction: 0.5, events: 7 });
      options.onOutcome?.(0, outcomes[0]!);
      options.onOutcome?.(1, outcomes[1]!);
      return outcomes;
    };
    const seen: RunProgress[] = [];
    await runInRounds([[s]], execute, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.done, p.running])).toEqual([
      [0, 0],
      [0, 0.5],
      [1, 0.5],
      [2, 0],
    ]);
    expect(seen[1]!.events).toBe(7);
    expect(seen[3]!.events).toBeGreaterThan(7);
  });
});
