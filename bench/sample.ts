// One measurement as the child process reports it: a single JSON line on stdout, parsed and
// checked by the parent.

export interface Sample {
  readonly kind: 'ceiling' | 'orchlab';
  readonly tasks: number;
  readonly policy: string | null;
  /** Events processed (arrivals and completions). */
  readonly events: number;
  /** Wall-clock seconds of the simulation loop only (no parsing, no process start). */
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Peak resident set size of the child process, MB (maxRSS KB / 1024). */
  readonly peakRssMB: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last JSON line of a child's stdout as a Sample; throws if it is missing or malformed. */
export function parseSample(stdout: string): Sample {
  const line = stdout.trim().split('\n').pop() ?? '';
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`bench: child printed no JSON line (got ${JSON.stringify(line.slice(0, 200))})`);
  }
  const numbers = ['tasks', 'events', 'seconds', 'eventsPerSecond', 'peakRssMB'];
  if (
    !isRecord(value) ||
    (value.kind !== 'ceiling' && value.kind !== 'orchlab') ||
    !numbers.every((k) => typeof value[k] === 'number' && Number.isFinite(value[k])) ||
    !(typeof value.policy === 'string' || value.policy === null)
  )
    throw new Error(`bench: malformed child result ${line}`);
  return value as unknown as Sample;
}
