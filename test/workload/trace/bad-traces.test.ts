// Bad traces: each mistake is one InputError naming the file and the line; with skipBadRows the
// bad rows are counted and skipped, except an empty file or a header mismatch.
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { inspectTrace, TraceReader, type TraceSpec } from '../../../src/workload/trace/index.js';
import { tempDir } from './temp-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function readAll(spec: TraceSpec): { lines: number[]; skipped: number; reasons: readonly string[] } {
  const reader = new TraceReader(spec, tmp.dir);
  const lines = Array.from(reader, (r) => r.line);
  return { lines, skipped: reader.skipped, reasons: reader.skipReasons };
}

function failure(spec: TraceSpec): InputError {
  try {
    readAll(spec);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

const cases: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  [
    'non-monotone timestamps',
    'backwards.csv',
    'time,size\n1,5\n3,5\n2,5\n4,5',
    /^backwards\.csv:4: time 2 is earlier than 3 on line 3/,
  ],
  [
    'a non-numeric field',
    'letters.csv',
    'time,size\n1,5\n2,five\n3,5',
    /^letters\.csv:3: 'size' is not a number: "five"/,
  ],
  [
    'a non-numeric time',
    'badtime.csv',
    'time,size\n1,5\nsoon,5',
    /^badtime\.csv:3: 'time' is not a number: "soon"/,
  ],
  [
    'a missing field (short row)',
    'short.csv',
    'time,size\n1,5\n2\n3,5',
    /^short\.csv:3: missing field 'size'/,
  ],
  [
    'a field more than the header has',
    'long.csv',
    'time,size\n1,5\n2,3,7\n3,5',
    /^long\.csv:3: 3 fields, but the header has 2: expected one field per column \(quote a field that holds a comma\)$/,
  ],
  [
    'a missing field (empty cell)',
    'blank.csv',
    'time,size\n1,5\n2,\n3,5',
    /^blank\.csv:3: missing field 'size' \(empty\)/,
  ],
  [
    'a negative size',
    'negative.csv',
    'time,size\n1,5\n2,-3\n3,5',
    /^negative\.csv:3: negative size -3 in 'size'/,
  ],
  [
    'a missing JSON key',
    'missing.jsonl',
    '{"time":1,"size":2}\n{"time":2}\n',
    /^missing\.jsonl:2: missing field 'size'/,
  ],
  ['invalid JSON', 'broken.jsonl', '{"time":1,"size":2}\n{"time":2,\n', /^broken\.jsonl:2: invalid JSON/],
  [
    'a JSON array instead of an object',
    'array.jsonl',
    '{"time":1,"size":2}\n[2,3]',
    /^array\.jsonl:2: expected a JSON object/,
  ],
  [
    'a JSON array on one line',
    'arr1.json',
    '[{"time": 0, "size": 1}, {"time": 1, "size": 2}]',
    /^arr1\.json:1: expected a JSON object, not an array: a trace is JSON lines, one object per line$/,
  ],
  [
    'a JSON array over many lines',
    'arr.json',
    '[\n  {"time": 0, "size": 1},\n  {"time": 1, "size": 2}\n]\n',
    /^arr\.json:1: invalid JSON \(.+\): a trace is JSON lines, one object per line, not one JSON array$/,
  ],
  [
    'a JSON number instead of an object',
    'number.jsonl',
    '{"time":1,"size":2}\n5',
    /^number\.jsonl:2: expected a JSON object: a trace is JSON lines, one object per line$/,
  ],
  [
    'an unterminated quote',
    'quote.csv',
    'time,size,class\n1,5,"open\n',
    /^quote\.csv:2: a quoted field is not closed/,
  ],
  [
    'a negative token count',
    'tokens.csv',
    'time,in,out\n1,5,5\n2,5,-1',
    /^tokens\.csv:3: negative token count -1 in 'out'/,
  ],
  [
    'a size beyond 2^40 (the top of the response-time histograms)',
    'huge.csv',
    'time,size\n1,5\n2,1e308\n3,5',
    /^huge\.csv:3: 'size' is 1e\+308: expected a size of at most 2\^40 \(1099511627776; /,
  ],
  [
    'a token count beyond 2^40',
    'tokens-huge.csv',
    'time,in,out\n1,5,5\n2,1099511627777,1',
    /^tokens-huge\.csv:3: 'in' is 1099511627777: expected a token count of at most 2\^40 /,
  ],
];

describe('TraceReader on bad traces', () => {
  for (const [what, file, content, message] of cases) {
    it(`TraceReader(${file}) throws an InputError for ${what}, with the line`, () => {
      tmp.write(file, content);
      const columns = file.startsWith('tokens') ? { inputTokens: 'in', outputTokens: 'out' } : {};
      const err = failure({ file, columns });
      expect(err.message).toMatch(message);
    });
  }

  it('TraceReader(empty.csv) and TraceReader(empty.jsonl) throw "empty file"', () => {
    tmp.write('empty.csv', '');
    tmp.write('empty.jsonl', '\n\n');
    expect(failure({ file: 'empty.csv' }).message).toBe(
      'empty.csv: empty file (expected a CSV header and data rows)',
    );
    expect(failure({ file: 'empty.jsonl' }).message).toBe('empty.jsonl: empty file (expected JSON lines)');
    expect(failure({ file: 'empty.csv', skipBadRows: true }).message).toMatch(/empty file/);
  });

  it('TraceReader(header-only.csv) throws "no data rows"', () => {
    tmp.write('header-only.csv', 'time,size\n');
    expect(failure({ file: 'header-only.csv' }).message).toBe(
      'header-only.csv: no data rows (only a header)',
    );
  });

  it('TraceReader throws for a header that lacks a mapped column, listing what it has and lacks', () => {
    tmp.write('header.csv', 'ts,tokens,user\n1,2,a');
    const message = failure({ file: 'header.csv', columns: { key: 'tenant' }, skipBadRows: true }).message;
    expect(message).toBe(
      "header.csv:1: the header does not match the column mapping: missing 'time' (time), 'size' (size), 'tenant' (key); " +
        "it has: 'ts', 'tokens', 'user' (map the columns with columns.* / --time --size, or use a preset: azure-llm, mooncake)",
    );
  });

  it('TraceReader throws for a header naming a mapped column twice, with skipBadRows too', () => {
    tmp.write('twice.csv', 'time,size,size\n1,2,3\n');
    expect(failure({ file: 'twice.csv', skipBadRows: true }).message).toBe(
      "twice.csv:1: the header names column 'size' (size) twice, as columns 2 and 3; expected each mapped column once",
    );
    // A column nobody maps may repeat: nothing is read from it.
    tmp.write('notes.csv', 'time,size,note,note\n1,2,a,b\n');
    expect(readAll({ file: 'notes.csv' }).lines).toEqual([2]);
  });

  it('TraceReader throws for a line that is not UTF-8 text, naming the line and the byte in the file', () => {
    const rows = 'time,size,class\n1,2,a\n2,3,b\n';
    tmp.write('latin.csv', Buffer.concat([Buffer.from(rows), Buffer.from('3,4,caf\u00e9\n', 'latin1')]));
    const byte = Buffer.byteLength(rows) + 8;
    const expected = `latin.csv:4: not UTF-8 text (at byte ${byte}: 0xE9, from another encoding such as Latin-1?); save it as UTF-8`;
    const spec = { file: 'latin.csv', columns: { class: 'class' } };
    expect(failure(spec).message).toBe(expected);
    // Read 4 bytes at a time, the offset is still the file's; skipBadRows does not skip it.
    expect(() =>
      Array.from(new TraceReader({ ...spec, skipBadRows: true }, tmp.dir, { chunkSize: 4 })),
    ).toThrow(expected);
    tmp.write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows, 'utf16le')]));
    expect(failure({ file: 'utf16.csv' }).message).toBe(
      'utf16.csv:1: not UTF-8 text (at byte 1: a UTF-16 byte-order mark); save it as UTF-8',
    );
    tmp.write('nul.csv', `${rows}4,5,\0\n`);
    expect(failure({ file: 'nul.csv', columns: { class: 'class' } }).message).toBe(
      `nul.csv:4: not UTF-8 text (at byte ${Buffer.byteLength(rows) + 5}: a NUL byte: UTF-16, or not text); save it as UTF-8`,
    );
    // A U+FFFD the file holds is text.
    tmp.write('fffd.csv', `${rows}4,5,\uFFFD\n`);
    expect(readAll({ file: 'fffd.csv', columns: { class: 'class' } }).lines).toEqual([2, 3, 4]);
  });

  it('TraceReader throws for a JSONL first record that lacks a mapped key', () => {
    tmp.write('keys.jsonl', '{"ts":0,"input_length":5}\n');
    expect(failure({ file: 'keys.jsonl', preset: 'mooncake' }).message).toMatch(
      /^keys\.jsonl:1: the first record does not match the column mapping: missing 'timestamp' \(time\), 'output_length' \(outputTokens\), 'hash_ids' \(prefix\); it has: 'ts', 'input_length'/,
    );
  });

  it('TraceReader throws for a missing file, a directory and an unknown extension', () => {
    expect(failure({ file: 'nope.csv' }).message).toBe('nope.csv: cannot read trace file (no such file)');
    expect(() => new TraceReader({ file: '.', format: 'csv' }, tmp.dir)).toThrow('.: cannot read trace file');
    expect(failure({ file: 'trace.txt' }).message).toMatch(
      /cannot tell the trace format from the extension '\.txt'; set format: csv or jsonl in the scenario \(--input-format with trace inspect\)$/,
    );
    // A folder without an extension is a folder, whatever the format advice would be.
    expect(failure({ file: '.' }).message).toBe('.: cannot read trace file (it is a directory)');
  });

  it('TraceReader rejects a bad spec: rateScale 0, unknown preset', () => {
    tmp.write('ok.csv', 'time,size\n0,1');
    expect(failure({ file: 'ok.csv', rateScale: 0 }).message).toMatch(
      /^trace ok\.csv: rateScale: expected a number > 0/,
    );
    expect(failure({ file: 'ok.csv', preset: 'nope' } as unknown as TraceSpec).message).toMatch(
      /^trace ok\.csv: preset:/,
    );
  });

  it('TraceReader says a CSV read as JSON lines looks like CSV, and what chose JSON lines', () => {
    tmp.write('azure.csv', 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n');
    tmp.write('csv.jsonl', 'time,size\n0,1\n');
    const hint = (origin: string) =>
      `: the line looks like CSV, but ${origin} reads the trace as JSON lines (one object per line); ` +
      'for a CSV file set format: csv (--input-format csv with trace inspect) and map its columns';
    const cases: ReadonlyArray<readonly [TraceSpec, string]> = [
      [{ file: 'azure.csv', preset: 'mooncake' }, 'the mooncake preset'],
      [{ file: 'azure.csv', format: 'jsonl', skipBadRows: true }, 'format: jsonl'],
      [{ file: 'csv.jsonl' }, "the extension '.jsonl'"],
    ];
    for (const [spec, origin] of cases) {
      const message = failure(spec).message;
      expect(message).toMatch(
        new RegExp(
          `${spec.file}:1: invalid JSON \\(found '(TIMESTAMP|time)' where a value should be, at column 1\\)`,
        ),
      );
      expect(message.endsWith(`${hint(origin)}${spec.skipBadRows === true ? ')' : ''}`), message).toBe(true);
    }
  });

  it('TraceReader(skipBadRows) skips and counts every kind of bad row and keeps the first reasons', () => {
    tmp.write(
      'mixed.csv',
      ['time,size', '0,1', '1,x', '2,-1', '3', '4,2', '3.5,1', 'later,1', '5,', '6,3', '7,1e400'].join('\n'),
    );
    const r = readAll({ file: 'mixed.csv', skipBadRows: true });
    expect(r.lines).toEqual([2, 6, 10]);
    expect(r.skipped).toBe(7);
    expect(r.reasons).toEqual([
      `mixed.csv:3: 'size' is not a number: "x"`,
      "mixed.csv:4: negative size -1 in 'size'",
      "mixed.csv:5: missing field 'size'",
      'mixed.csv:7: time 3.5 is earlier than 4 on line 6: the trace must be sorted by time (or set sort: true)',
      `mixed.csv:8: 'time' is not a number: "later"`,
    ]);
  });

  it('TraceReader(skipBadRows) skips and counts a size beyond 2^40; 2^40 itself is a size', () => {
    tmp.write('sizes.csv', 'time,size\n0,1\n1,1e308\n2,1099511627776\n3,2e12\n4,3');
    const r = readAll({ file: 'sizes.csv', skipBadRows: true });
    expect([r.lines, r.skipped]).toEqual([[2, 4, 6], 2]);
    expect(r.reasons[1]).toMatch(/^sizes\.csv:5: 'size' is 2000000000000: expected a size of at most 2\^40/);
  });

  it('TraceReader(skipBadRows) skips and counts a row with a field more than the header', () => {
    tmp.write('long-skip.csv', 'time,size\n0,1\n1,2,7\n2,3');
    expect(readAll({ file: 'long-skip.csv', skipBadRows: true })).toEqual({
      lines: [2, 4],
      skipped: 1,
      reasons: [
        'long-skip.csv:3: 3 fields, but the header has 2: expected one field per column (quote a field that holds a comma)',
      ],
    });
  });

  it('inspectTrace(skipBadRows) reports the skipped rows; all rows bad is still an error', () => {
    tmp.write('half.jsonl', '{"time":0,"size":1}\n{"time":1,"size":"big"}\n{"time":2,"size":3}\n');
    const s = inspectTrace({ file: 'half.jsonl', skipBadRows: true }, tmp.dir);
    expect([s.rows, s.skipped, s.skipReasons.length]).toEqual([2, 1, 1]);
    tmp.write('allbad.csv', 'time,size\n1,a\n2,b');
    expect(failure({ file: 'allbad.csv', skipBadRows: true }).message).toBe(
      `allbad.csv: no usable rows: all 2 were bad (first: allbad.csv:2: 'size' is not a number: "a")`,
    );
  });
});
