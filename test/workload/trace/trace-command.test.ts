// `orchlab trace inspect`: flags to a spec, the table view, and the command end to end on a
// program of its own (the CLI-level tests through main() live with the CLI).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatTraceStats,
  registerTrace,
  sparkline,
  traceSpecFromFlags,
} from '../../../src/cli/commands/trace.js';
import { InputError } from '../../../src/errors.js';
import { inspectTrace } from '../../../src/workload/trace/index.js';
import { tempDir } from './temp-files.js';

const traces = join(import.meta.dirname, '../../../traces');
const tmp = tempDir();
afterAll(() => tmp.remove());

async function run(...args: string[]): Promise<string> {
  const program = new Command('orchlab').exitOverride();
  registerTrace(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = write;
    process.stderr.write = err;
  }
  return out;
}

describe('orchlab trace inspect', () => {
  it('traceSpecFromFlags maps every flag and leaves unset ones out', () => {
    expect(traceSpecFromFlags('t.csv', {})).toEqual({ file: 't.csv' });
    expect(
      traceSpecFromFlags('t.txt', {
        preset: 'azure-llm',
        inputFormat: 'csv',
        time: 'ts',
        timeUnit: 'ms',
        size: 'work',
        sort: true,
        skipBadRows: true,
        rateScale: '2.5',
      }),
    ).toEqual({
      file: 't.txt',
      preset: 'azure-llm',
      format: 'csv',
      columns: { time: 'ts', size: 'work' },
      timeUnit: 'ms',
      sort: true,
      skipBadRows: true,
      rateScale: 2.5,
    });
    expect(() => traceSpecFromFlags('t.csv', { rateScale: 'fast' })).toThrow(
      new InputError("--rate-scale: expected a number > 0, got 'fast'"),
    );
    expect(() => traceSpecFromFlags('t.csv', { rateScale: '0' })).toThrow(InputError);
  });

  it('sparkline(values) draws 8 levels, a blank for 0, and averages down to the width', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8])).toBe(' ▁▂▃▄▅▆▇█');
    expect(sparkline([])).toBe('');
    expect(
      sparkline(
        Array.from({ length: 200 }, (_, i) => i),
        50,
      ),
    ).toHaveLength(50);
    expect(sparkline([0, 0])).toBe('  ');
  });

  it('formatTraceStats(Azure code) prints the figures, the size table, a sparkline and the suggestion', () => {
    const text = formatTraceStats(
      inspectTrace({ file: join(traces, 'AzureLLMInferenceTrace_code.csv'), preset: 'azure-llm' }, '.'),
    );
    expect(text).toContain('rows        8819');
    expect(text).toContain('duration    3435.948 s (57.3 min)');
    expect(text).toContain('rate        2.566686 /s (mean gap 0.389652 s)');
    expect(text).toContain('gap CV      13.151291 (population; 0 zero gaps)');
    expect(text).toMatch(/ContextTokens\s+2047\.8483\s+1469\s+7436\s+3\s+7437/);
    expect(text).toMatch(/GeneratedTokens\s+27\.8825\s+13\s+252\s+6\s+1899/);
    expect(text).toContain('58 min, 0..632 arrivals/min');
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]{5}/);
    expect(text).toContain('suggestion  Bursty');
  });

  it('formatTraceStats shows skipped rows and the rate scale', () => {
    tmp.write('skip.csv', 'time,size\n0,1\n1,oops\n2,1');
    const text = formatTraceStats(
      inspectTrace({ file: 'skip.csv', skipBadRows: true, rateScale: 2 }, tmp.dir),
    );
    expect(text).toContain('(csv, time unit s, rate scale 2)');
    expect(text).toContain(`skipped     1 bad row (first: skip.csv:3: 'size' is not a number: "oops")`);
  });

  it('trace inspect FILE --preset mooncake --format json prints orchlab.trace/1', async () => {
    const out = await run(
      'trace',
      'inspect',
      join(traces, 'mooncake_conversation_trace.jsonl'),
      '--preset',
      'mooncake',
      '--format',
      'json',
    );
    const json = JSON.parse(out);
    expect(Object.keys(json).slice(0, 8)).toEqual([
      'format',
      'rows',
      'durationSeconds',
      'ratePerSecond',
      'interarrivalCv',
      'sizes',
      'ratePerMinute',
      'suggestion',
    ]);
    expect(json).toMatchObject({ format: 'orchlab.trace/1', rows: 12031, durationSeconds: 3536.999 });
    expect(json.sizes.input_length).toMatchObject({ p50: 6909, p99: 85401 });
  });

  it('trace inspect FILE --time --size --time-unit --sort --skip-bad-rows --out writes the file', async () => {
    tmp.write('own.csv', 'ts,work\n3000,2\n1000,1\n2000,x\n2000,4');
    const out = join(tmp.dir, 'stats.json');
    const printed = await run(
      'trace',
      'inspect',
      join(tmp.dir, 'own.csv'),
      '--time',
      'ts',
      '--size',
      'work',
      '--time-unit',
      'ms',
      '--sort',
      '--skip-bad-rows',
      '--format',
      'json',
      '--out',
      out,
    );
    expect(printed).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({ rows: 3, durationSeconds: 2, skipped: 1, timeUnit: 'ms' });
    expect(json.sizes.work).toMatchObject({ mean: 7 / 3, p50: 2, p99: 4 });
  });

  it('trace inspect FILE prints the table by default', async () => {
    const out = await run(
      'trace',
      'inspect',
      join(traces, 'AzureLLMInferenceTrace_conv.csv'),
      '--preset',
      'azure-llm',
    );
    expect(out).toContain('rows        19366');
    expect(out).toContain('gap CV      1.094170');
  });

  it('trace inspect --help describes the flags', async () => {
    let help = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      help += String(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      const program = new Command('orchlab').exitOverride();
      registerTrace(program);
      await expect(
        program.parseAsync(['trace', 'inspect', '--help'], { from: 'user' }),
      ).rejects.toMatchObject({
        exitCode: 0,
      });
    } finally {
      process.stdout.write = write;
    }
    expect(help).toContain('Usage: orchlab trace inspect [options] <file>');
    for (const flag of [
      '--preset',
      '--time ',
      '--time-unit',
      '--size',
      '--sort',
      '--skip-bad-rows',
      '--format',
      '--out',
    ]) {
      expect(help).toContain(flag);
    }
  });

  it('trace inspect rejects an unknown preset before reading', async () => {
    await expect(run('trace', 'inspect', 'x.csv', '--preset', 'nope')).rejects.toThrow(
      /Allowed choices are azure-llm, mooncake/,
    );
  });
});
