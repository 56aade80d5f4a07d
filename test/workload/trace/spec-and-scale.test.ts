// Resolving a trace spec (presets, defaults, format from the extension) and rate scaling.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  rateScaleForUtilization,
  resolveTraceSpec,
  scaleTimes,
  traceSpecSchema,
} from '../../../src/workload/trace/index.js';

describe('resolveTraceSpec', () => {
  it('resolveTraceSpec(azure-llm preset) maps TIMESTAMP/ContextTokens/GeneratedTokens as ISO csv', () => {
    const r = resolveTraceSpec({ file: 'x.data', preset: 'azure-llm' }, '/base');
    expect(r).toEqual({
      file: 'x.data',
      path: '/base/x.data',
      format: 'csv',
      columns: [
        ['time', 'TIMESTAMP'],
        ['inputTokens', 'ContextTokens'],
        ['outputTokens', 'GeneratedTokens'],
      ],
      timeUnit: 'iso',
      sort: false,
      skipBadRows: false,
      rateScale: 1,
    });
  });

  it('resolveTraceSpec(mooncake preset) maps timestamp in ms, token lengths and hash_ids', () => {
    const r = resolveTraceSpec({ file: 'm.jsonl', preset: 'mooncake' }, '/b');
    expect([r.format, r.timeUnit, r.columns]).toEqual([
      'jsonl',
      'ms',
      [
        ['time', 'timestamp'],
        ['inputTokens', 'input_length'],
        ['outputTokens', 'output_length'],
        ['prefix', 'hash_ids'],
      ],
    ]);
  });

  it('resolveTraceSpec lets explicit fields override the preset', () => {
    const r = resolveTraceSpec(
      { file: 'a.csv', preset: 'mooncake', format: 'csv', timeUnit: 's', columns: { time: 't', size: 'w' } },
      '/b',
    );
    expect([r.format, r.timeUnit, r.columns.slice(0, 2)]).toEqual([
      'csv',
      's',
      [
        ['time', 't'],
        ['size', 'w'],
      ],
    ]);
  });

  it('resolveTraceSpec without a preset defaults to columns time and size and the extension', () => {
    expect(resolveTraceSpec({ file: '/abs/t.ndjson' }, '/b')).toMatchObject({
      path: '/abs/t.ndjson',
      format: 'jsonl',
      columns: [
        ['time', 'time'],
        ['size', 'size'],
      ],
      timeUnit: undefined,
    });
    expect(resolveTraceSpec({ file: 'T.CSV' }, '/b').format).toBe('csv');
    expect(() => resolveTraceSpec({ file: 'trace' }, '/b')).toThrow(InputError);
  });

  it('traceSpecSchema rejects unknown keys and a non-positive rateScale', () => {
    expect(traceSpecSchema.safeParse({ file: 'a.csv', colums: {} }).success).toBe(false);
    expect(traceSpecSchema.safeParse({ file: 'a.csv', rateScale: -1 }).success).toBe(false);
    expect(traceSpecSchema.safeParse({ file: 'a.csv', columns: { time: 'ts' }, sort: true }).success).toBe(
      true,
    );
  });
});

describe('rate scaling', () => {
  it('scaleTimes(time, rateScale) divides: 2 is twice as fast', () => {
    expect(scaleTimes(10, 2)).toBe(5);
    expect(scaleTimes(10, 0.5)).toBe(20);
    expect(() => scaleTimes(10, 0)).toThrow('rateScale: expected a number > 0, got 0');
  });

  it('rateScaleForUtilization(work/s, capacity/s, target) = target x capacity / work', () => {
    // 5,000 tokens/s offered; 8 agents x 2 slots x 1,000 tokens/s = 16,000 tokens/s of capacity.
    expect(rateScaleForUtilization(5000, 16_000, 0.8)).toBeCloseTo(2.56, 12);
    expect(rateScaleForUtilization(100, 100, 1)).toBe(1);
    expect(() => rateScaleForUtilization(0, 1, 0.5)).toThrow(InputError);
    expect(() => rateScaleForUtilization(1, 1, 0)).toThrow('targetUtilization: expected a number > 0, got 0');
  });
});
