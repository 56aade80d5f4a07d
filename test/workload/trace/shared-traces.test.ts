// The three bundled traces (traces/): inspectTrace reproduces traces/README.md's figures to the
// printed precision, and the reader replays them row by row.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectTrace, TraceReader, type TraceSpec } from '../../../src/workload/trace/index.js';

const traces = join(import.meta.dirname, '../../../traces');

interface Expected {
  readonly spec: TraceSpec;
  readonly sha256: string;
  readonly rows: number;
  readonly duration: string; // as printed: digits after the point matter
  readonly rate: string;
  readonly meanGap: string;
  readonly cv: string;
  readonly zeroGaps: number;
  /** column: [mean (4 dp), p50, p99, min, max, sum] */
  readonly sizes: Readonly<Record<string, readonly [string, number, number, number, number, number]>>;
}

const expected: readonly Expected[] = [
  {
    spec: { file: 'AzureLLMInferenceTrace_code.csv', preset: 'azure-llm' },
    sha256: '54e9a6d2a4bd06ba1e060304b900abbc74cbea53de96506e60fe5bb4f2277fb6',
    rows: 8819,
    duration: '3435.9480560',
    rate: '2.566686',
    meanGap: '0.389652',
    cv: '13.151291',
    zeroGaps: 0,
    sizes: {
      ContextTokens: ['2047.8483', 1469, 7436, 3, 7437, 18_059_974],
      GeneratedTokens: ['27.8825', 13, 252, 6, 1899, 245_896],
    },
  },
  {
    spec: { file: 'AzureLLMInferenceTrace_conv.csv', preset: 'azure-llm' },
    sha256: '2f1e5b666d4e3055fdbba98598ce2ec307767b9064e03e2fa46676dbcc7d0bf8',
    rows: 19366,
    duration: '3501.7219370',
    rate: '5.530422',
    meanGap: '0.180827',
    cv: '1.094170',
    zeroGaps: 0,
    sizes: {
      ContextTokens: ['1154.6974', 1020, 4142, 2, 14050, 22_361_870],
      GeneratedTokens: ['211.1259', 129, 601, 7, 1000, 4_088_665],
    },
  },
  {
    spec: { file: 'mooncake_conversation_trace.jsonl', preset: 'mooncake' },
    sha256: 'b8cbb061a85206d729d91cdc2981f43c9e0d99209dce588d3af5f7934408b9df',
    rows: 12031,
    duration: '3536.999',
    rate: '3.401471',
    meanGap: '0.294015',
    cv: '3.033737',
    zeroGaps: 10851,
    sizes: {
      input_length: ['12035.0613', 6909, 85401, 891, 126195, 144_793_823],
      output_length: ['342.6189', 350, 1120, 1, 2000, 4_122_048],
      'len(hash_ids)': ['23.9797', 14, 167, 2, 247, 288_500],
    },
  },
];

const decimals = (printed: string): number => printed.split('.')[1]?.length ?? 0;

describe('bundled traces', () => {
  for (const e of expected) {
    it(`${e.spec.file} is the byte-for-byte copy named in traces/README.md`, () => {
      const hash = createHash('sha256')
        .update(readFileSync(join(traces, e.spec.file)))
        .digest('hex');
      expect(hash).toBe(e.sha256);
      expect(readFileSync(join(traces, 'README.md'), 'utf8')).toContain(`${e.sha256}  ${e.spec.file}`);
    });

    it(`inspectTrace(${e.spec.file}) reproduces the README figures`, () => {
      const s = inspectTrace(e.spec, traces);
      expect(s.format).toBe('orchlab.trace/1');
      expect(s.rows).toBe(e.rows);
      expect(s.skipped).toBe(0);
      expect(s.durationSeconds.toFixed(decimals(e.duration))).toBe(e.duration);
      expect(s.ratePerSecond!.toFixed(decimals(e.rate))).toBe(e.rate);
      expect(s.meanInterarrivalSeconds!.toFixed(decimals(e.meanGap))).toBe(e.meanGap);
      expect(s.interarrivalCv!.toFixed(decimals(e.cv))).toBe(e.cv);
      expect(s.zeroGaps).toBe(e.zeroGaps);
      for (const [column, [mean, p50, p99, min, max, sum]] of Object.entries(e.sizes)) {
        const c = s.sizes[column]!;
        expect(c, column).toBeDefined();
        expect([c.mean.toFixed(4), c.p50, c.p99, c.min, c.max, c.sum], column).toEqual([
          mean,
          p50,
          p99,
          min,
          max,
          sum,
        ]);
      }
      expect(s.ratePerMinute.reduce((a, b) => a + b, 0)).toBe(e.rows);
      expect(s.ratePerMinute).toHaveLength(Math.floor(s.durationSeconds / 60) + 1);
      expect(JSON.parse(JSON.stringify(s))).toMatchObject({
        format: 'orchlab.trace/1',
        rows: e.rows,
        suggestion: { text: expect.any(String) },
      });
    });

    it(`the empirical model inspectTrace fits to each column of ${e.spec.file} keeps the column's mean`, () => {
      const s = inspectTrace(e.spec, traces);
      for (const [column, c] of Object.entries(s.sizes)) {
        const values = s.suggestion.sizes[column]!.empirical.values;
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        expect(values, column).toHaveLength(20);
        expect(mean / c.mean, column).toBeCloseTo(1, 12);
        if (e.sizes[column] !== undefined) expect(mean.toFixed(4), column).toBe(e.sizes[column][0]);
      }
    });
  }

  it('inspectTrace suggests Poisson for Azure conv, an MMPP for Azure code and batches for Mooncake', () => {
    const model = (spec: TraceSpec) => inspectTrace(spec, traces).suggestion.arrivals?.process;
    expect(model(expected[1]!.spec)).toBe('poisson');
    expect(model(expected[0]!.spec)).toBe('mmpp2');
    expect(model(expected[2]!.spec)).toBe('batch');
  });

  it('TraceReader(azure-llm).next() keeps all 7 fractional digits of TIMESTAMP', () => {
    const reader = new TraceReader(expected[0]!.spec, traces);
    const first = reader.next()!;
    const second = reader.next()!;
    reader.close();
    // 2023-11-16 18:17:03.9799600, 4808, 10 then 18:17:04.0319600, 3180, 8
    expect(first).toEqual({ line: 2, time: 0, size: 4818, inputTokens: 4808, outputTokens: 10 });
    expect(second.line).toBe(3);
    expect(second.time).toBeCloseTo(0.052, 12);
    expect(second.size).toBe(3188);
  });

  it('TraceReader(azure-llm) reads the last line although the file has no trailing newline', () => {
    const bytes = readFileSync(join(traces, 'AzureLLMInferenceTrace_code.csv'));
    expect(bytes.at(-1)).not.toBe(0x0a);
    const reader = new TraceReader(expected[0]!.spec, traces, { chunkSize: 4096 });
    let last: ReturnType<TraceReader['next']>;
    for (const row of reader) last = row;
    expect(last!.line).toBe(8820);
    expect(last!.inputTokens).toBe(549);
    expect(last!.outputTokens).toBe(173);
    expect(last!.time.toFixed(7)).toBe('3435.9480560');
  });

  it('TraceReader(mooncake).next() gives seconds from ms and hash_ids as an Int32Array prefix', () => {
    const reader = new TraceReader(expected[2]!.spec, traces);
    const first = reader.next()!;
    reader.close();
    expect(first.time).toBe(0);
    expect(first.size).toBe(6758 + 500);
    expect(first.prefix).toBeInstanceOf(Int32Array);
    expect([...first.prefix!]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('TraceReader(mooncake, sort: true) keeps the many ties in file order', () => {
    const lines = (spec: TraceSpec) => Array.from(new TraceReader(spec, traces), (r) => r.line);
    const sorted = lines({ ...expected[2]!.spec, sort: true });
    expect(sorted).toHaveLength(12031);
    expect(sorted).toEqual(lines(expected[2]!.spec));
    expect(sorted).toEqual(Array.from({ length: 12031 }, (_, i) => i + 1));
  });
});
