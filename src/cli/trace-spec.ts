// The flags of `orchlab trace inspect` and the TraceSpec they describe.
import { InputError } from '../errors.js';
import type { TraceSpec } from '../workload/trace/index.js';
import type { OutputFlags } from './output.js';

export interface TraceInspectFlags extends OutputFlags {
  readonly preset?: 'azure-llm' | 'mooncake';
  readonly inputFormat?: 'csv' | 'jsonl';
  readonly time?: string;
  readonly timeUnit?: 's' | 'ms' | 'us' | 'iso';
  readonly size?: string;
  readonly sort?: boolean;
  readonly skipBadRows?: boolean;
  readonly rateScale?: string;
}

/** The TraceSpec the flags describe. */
export function traceSpecFromFlags(file: string, flags: TraceInspectFlags): TraceSpec {
  const columns = {
    ...(flags.time !== undefined && { time: flags.time }),
    ...(flags.size !== undefined && { size: flags.size }),
  };
  return {
    file,
    ...(flags.preset !== undefined && { preset: flags.preset }),
    ...(flags.inputFormat !== undefined && { format: flags.inputFormat }),
    ...(Object.keys(columns).length > 0 && { columns }),
    ...(flags.timeUnit !== undefined && { timeUnit: flags.timeUnit }),
    ...(flags.sort === true && { sort: true }),
    ...(flags.skipBadRows === true && { skipBadRows: true }),
    ...(flags.rateScale !== undefined && { rateScale: positiveNumber('--rate-scale', flags.rateScale) }),
  };
}

function positiveNumber(flag: string, text: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0) {
    throw new InputError(`${flag}: expected a number > 0, got '${text}'`);
  }
  return x;
}
