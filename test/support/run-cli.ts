// Runs the orchlab CLI in this process and captures what it prints, for fast CLI tests.
import { main } from '../../src/cli/main.js';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  const before = process.exitCode;
  try {
    process.exitCode = undefined;
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = before;
  }
}

/** The small M/M/4 fixture, and flags that make each of its runs a few milliseconds. */
export const SMALL = 'test/fixtures/scenarios/small-mmc.yaml';
export const FAST: readonly string[] = [
  '--replications',
  '2',
  '--set',
  'stop.completed=1000',
  '--set',
  'warmup.completed=100',
  '--workers',
  '1',
];

/**
 * FAST with some of its options given other values (`fast('--replications', '4')`): an option
 * of one value given twice is refused, so a later one no longer overrides FAST's.
 */
export function fast(...pairs: string[]): string[] {
  const out = [...FAST];
  for (let i = 0; i < pairs.length; i += 2) {
    const [flag, value] = [pairs[i]!, pairs[i + 1]!];
    const at = out.indexOf(flag);
    if (at === -1 || flag === '--set') out.push(flag, value);
    else out[at + 1] = value;
  }
  return out;
}
