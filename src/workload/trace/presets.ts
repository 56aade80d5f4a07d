// Column mappings of known public LLM request traces (see traces/README.md).
import type { TimeUnit, TraceColumns, TraceFormat } from './spec.js';

export interface TracePreset {
  readonly format: TraceFormat;
  readonly timeUnit: TimeUnit;
  readonly columns: TraceColumns;
}

export const presets: Readonly<Record<'azure-llm' | 'mooncake', TracePreset>> = {
  /** Azure LLM inference traces 2023 (Splitwise): `TIMESTAMP,ContextTokens,GeneratedTokens`,
   * timestamps like `2023-11-16 18:17:03.9799600` in UTC with 7 fractional digits. */
  'azure-llm': {
    format: 'csv',
    timeUnit: 'iso',
    columns: { time: 'TIMESTAMP', inputTokens: 'ContextTokens', outputTokens: 'GeneratedTokens' },
  },
  /** Mooncake FAST'25 traces: JSON lines with `timestamp` in ms, token lengths and prefix `hash_ids`. */
  mooncake: {
    format: 'jsonl',
    timeUnit: 'ms',
    columns: {
      time: 'timestamp',
      inputTokens: 'input_length',
      outputTokens: 'output_length',
      prefix: 'hash_ids',
    },
  },
};
