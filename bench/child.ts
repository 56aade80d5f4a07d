// Runs one measurement in a fresh Node process (so its peak memory is its own) and returns the
// sample it prints.
import { spawnSync } from 'node:child_process';
import { measureScript, scenarioPath } from './paths.js';
import type { Measurement } from './plan.js';
import { parseSample, type Sample } from './sample.js';

export function runChild(m: Measurement): Sample {
  const args =
    m.kind === 'ceiling'
      ? ['ceiling', String(m.tasks)]
      : ['orchlab', String(m.tasks), m.policy ?? '', scenarioPath()];
  const child = spawnSync(process.execPath, [measureScript(), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status !== 0)
    throw new Error(
      `bench: child '${args.slice(0, 3).join(' ')}' failed (${child.signal ?? `exit ${child.status}`})`,
    );
  return parseSample(child.stdout);
}
