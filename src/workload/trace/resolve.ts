// A TraceSpec with every default applied: absolute path, format, the full column mapping.
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { presets } from './presets.js';
import { type TraceField, traceFields } from './row.js';
import { type TimeUnit, type TraceFormat, type TraceSpec, traceSpecSchema } from './spec.js';

export interface ResolvedTrace {
  /** The file as the spec names it, for messages. */
  readonly file: string;
  readonly path: string;
  readonly format: TraceFormat;
  /** Mapped fields and their column names, in `traceFields` order. */
  readonly columns: ReadonlyArray<readonly [TraceField, string]>;
  /** Undefined: detect from the first good row (number: seconds, otherwise ISO-8601). */
  readonly timeUnit: TimeUnit | undefined;
  readonly sort: boolean;
  readonly skipBadRows: boolean;
  readonly rateScale: number;
}

const extensions: Readonly<Record<string, TraceFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
};

/** What chose the format of a valid `spec`, as resolveTraceSpec reads it: for hints in messages. */
export function formatOrigin(spec: TraceSpec): string {
  if (spec.format !== undefined) return `format: ${spec.format}`;
  if (spec.preset !== undefined) return `the ${spec.preset} preset`;
  return `the extension '${extname(spec.file)}'`;
}

/** Validates `spec` and applies the preset and the defaults; `baseDir` anchors a relative file. */
export function resolveTraceSpec(spec: TraceSpec, baseDir: string): ResolvedTrace {
  const parsed = traceSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(`trace ${String(spec.file)}: ${where}${issue.message}`);
  }
  const s = parsed.data;
  const preset = s.preset === undefined ? undefined : presets[s.preset];
  const path = resolve(baseDir, s.file);
  // Before the extension is read: a folder has none, and its name would earn the wrong advice.
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true)
    throw new InputError(`${s.file}: cannot read trace file (it is a directory)`);
  const format = s.format ?? preset?.format ?? extensions[extname(s.file).toLowerCase()];
  if (format === undefined) {
    throw new InputError(
      `${s.file}: cannot tell the trace format from the extension '${extname(s.file)}'; ` +
        'set format: csv or jsonl in the scenario (--input-format with trace inspect)',
    );
  }
  const byField: Partial<Record<TraceField, string>> = { time: 'time' };
  for (const f of traceFields) {
    const name = s.columns?.[f] ?? preset?.columns[f];
    if (name !== undefined) byField[f] = name;
  }
  if (byField.size === undefined && byField.inputTokens === undefined && byField.outputTokens === undefined) {
    byField.size = 'size';
  }
  const columns = traceFields.flatMap((f) => {
    const name = byField[f];
    return name === undefined ? [] : [[f, name] as const];
  });
  return {
    file: s.file,
    path,
    format,
    columns,
    timeUnit: s.timeUnit ?? preset?.timeUnit,
    sort: s.sort ?? false,
    skipBadRows: s.skipBadRows ?? false,
    rateScale: s.rateScale ?? 1,
  };
}
