// A run in steps: how far it is (RunPulse) while it runs, and stopping it where it stands.
import { describe, expect, it } from 'vitest';
import { runInRounds, type RunProgress } from '../../src/runner/auto-replications.js';
import { type Executor, executeInProcess, executeRun, RunAborted } from '../../src/runner/executor.js';
import { type RunPulse, replicationSteps, runReplication } from '../../src/runner/run-scenario.js';
import { PULSE_SLICE } from '../../src/sim/simulate.js';
import { smallScenario } from './small-scenario.js';

// Long enough for two pulses per pass, short enough for a test (the fixture's M/M/4 is cheap).
const TASKS = Math.floor(2.5 * PULSE_SLICE);
const long = (extra: readonly string[] = []) =>
  smallScenario([`stop.completed=${TASKS}`, 'replications=1', ...extra]);

function pulsesOf(steps: ReturnType<typeof replicationSteps>) {
  const pulses: RunPulse[] = [];
  let next = steps.next();
  for (; !next.done; next = steps.next()) pulses.push(next.value);
  return { pulses, result: next.value };
}

/** Pulses strictly move on, each a share short of 1. */
function expectMovingOn(pulses: readonly RunPulse[]) {
  for (const p of pulses) expect(p.fraction).toBeGreaterThan(0);
  for (const p of pulses) expect(p.fraction).toBeLessThan(1);
  for (let i = 1; i < pulses.length; i++) {
    expect(pulses[i]!.fraction).toBeGreaterThan(pulses[i - 1]!.fraction);
    expect(pulses[i]!.events).toBeGreaterThan(pulses[i - 1]!.events);
  }
}

describe('replicationSteps(scenario, replication)', () => {
  it('reports the share done every PULSE_SLICE arrivals or completions and ends with runReplication bytes', () => {
    const { pulses, result } = pulsesOf(replicationSteps(long(), 0));
    // 2.5 slices of tasks: a pause near each slice boundary, none at the end.
    expect(pulses.length).toBeGreaterThanOrEqual(2);
    expect(pulses.length).toBeLessThanOrEqual(4);
    expectMovingOn(pulses);
    expect(pulses.at(-1)!.events).toBeLessThan(result.simulatedEvents);
    expect(result.simulatedEvents).toBe(result.summary.events);
    expect(JSON.stringify(result.summary)).toBe(JSON.stringify(runReplication(long(), 0)));
  });

  it('with warmup: auto counts both passes: the first half, then the second, events adding up', () => {
    const { pulses, result } = pulsesOf(replicationSteps(long(['warmup=auto']), 0));
    const first = pulses.filter((p) => p.fraction < 0.5);
    const second = pulses.filter((p) => p.fraction > 0.5);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(second.length).toBeGreaterThanOrEqual(2);
    expect(first.length + second.length).toBe(pulses.length);
    expectMovingOn(pulses);
    // The run's work is both passes; the summary counts the second pass, as a fixed warm-up would.
    expect(pulses.at(-1)!.events).toBeLessThan(result.simulatedEvents);
    expect(result.simulatedEvents).toBeGreaterThan(1.9 * result.summary.events);
    expect(result.summary.warmupCut).toBeDefined();
  });

  it('executeRun hands the pulses to its caller and returns the outcome with the events simulated', () => {
    const seen: number[] = [];
    const outcome = executeRun({ scenario: long(), replication: 0 }, (p) => seen.push(p.fraction));
    expect(outcome.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(outcome.ok && outcome.simulatedEvents).toBe(outcome.ok && outcome.summary.events);
  });

  it('pauses on arrivals too: a run that rejects every task still reports and can be stopped', () => {
    // No queue and agents that take days per task: nearly every arrival is rejected.
    const rejecting = smallScenario([
      'stop={ time: 200000 }',
      'warmup={ time: 1 }',
      'agents.0.queueCapacity=0',
      'agents.0.speed=0.00001',
      'replications=1',
    ]);
    const { pulses, result } = pulsesOf(replicationSteps(rejecting, 0));
    // Too few completions ever to pause on: the pauses are the arrivals'.
    expect(result.summary.metrics.completed).toBeLessThan(PULSE_SLICE);
    expect(pulses.length).toBeGreaterThanOrEqual(5);
    expectMovingOn(pulses);
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
    expect(pulses.map(([i]) => i)).toEqual([1]);
    expect(pulses[0]![1]).toBeLessThan(0.5);
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

  it('keeps the events a run reported before it failed', async () => {
    const execute: Executor = async (_tasks, options) => {
      const failed = { ok: false, kind: 'policy', error: 'boom' } as const;
      options.onPulse?.(0, { fraction: 0.25, events: 40 });
      options.onOutcome?.(0, failed);
      return [failed];
    };
    const seen: RunProgress[] = [];
    await runInRounds([[smallScenario(['replications=1'])]], execute, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ done: 1, failed: 1, events: 40, running: 0 });
  });
});
