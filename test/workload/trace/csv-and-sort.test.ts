// CSV quoting (RFC 4180: commas, doubled quotes, line breaks inside quotes), the other mapped
// fields, and sort: true (a stable in-memory sort: ties keep file order).
import { afterAll, describe, expect, it } from 'vitest';
import { splitCsvRecord } from '../../../src/workload/trace/csv.js';
import { TraceReader, type TraceRow, type TraceSpec } from '../../../src/workload/trace/index.js';
import { tempDir } from './temp-files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const rows = (spec: TraceSpec): TraceRow[] => Array.from(new TraceReader(spec, tmp.dir));

describe('CSV traces', () => {
  it('splitCsvRecord splits at commas outside quotes and unescapes ""', () => {
    expect(splitCsvRecord('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvRecord('1,"x, y",2')).toEqual(['1', 'x, y', '2']);
    expect(splitCsvRecord('"say ""hi""",2')).toEqual(['say "hi"', '2']);
    expect(splitCsvRecord('"",x')).toEqual(['', 'x']);
    expect(splitCsvRecord('a"b,c')).toEqual(['a"b', 'c']);
    expect(splitCsvRecord('1,"open')).toBeUndefined();
  });

  it('TraceReader maps class, key, priority, deadline and a prefix list, with quoted fields', () => {
    tmp.write(
      'full.csv',
      [
        'ts,"work units",kind,tenant,prio,due,blocks',
        '0,10,"chat, long",t1,2,30,"[1,2,3]"',
        '1.5,0,code,,0,0,4 5 6',
        '2,3.5,"multi',
        'line",t2,-1,1,',
      ].join('\r\n'),
    );
    const spec: TraceSpec = {
      file: 'full.csv',
      columns: {
        time: 'ts',
        size: 'work units',
        class: 'kind',
        key: 'tenant',
        priority: 'prio',
        deadline: 'due',
        prefix: 'blocks',
      },
    };
    const [a, b, c] = rows(spec);
    expect(a).toEqual({
      line: 2,
      time: 0,
      size: 10,
      cls: 'chat, long',
      key: 't1',
      priority: 2,
      deadline: 30,
      prefix: new Int32Array([1, 2, 3]),
    });
    expect(b).toEqual({
      line: 3,
      time: 1.5,
      size: 0,
      cls: 'code',
      priority: 0,
      deadline: 0,
      prefix: new Int32Array([4, 5, 6]),
    });
    expect(c).toEqual({
      line: 4,
      time: 2,
      size: 3.5,
      cls: 'multi\nline',
      key: 't2',
      priority: -1,
      deadline: 1,
      prefix: new Int32Array([]),
    });
  });

  it('TraceReader(size mapped) uses it; unmapped, size = inputTokens + outputTokens', () => {
    tmp.write('tok.csv', 'time,in,out,cost\n0,7,3,99');
    expect(rows({ file: 'tok.csv', columns: { inputTokens: 'in', outputTokens: 'out' } })[0]!.size).toBe(10);
    expect(rows({ file: 'tok.csv', columns: { inputTokens: 'in' } })[0]!.size).toBe(7);
    expect(
      rows({ file: 'tok.csv', columns: { inputTokens: 'in', outputTokens: 'out', size: 'cost' } })[0]!.size,
    ).toBe(99);
  });

  it('TraceReader skips blank lines and keeps the file line numbers', () => {
    tmp.write('gaps.csv', '\ntime,size\n\n0,1\n   \n2,2\n\n');
    expect(rows({ file: 'gaps.csv' }).map((r) => [r.line, r.time])).toEqual([
      [4, 0],
      [6, 2],
    ]);
  });
});

describe('sort: true', () => {
  const content = ['time,size', '5,1', '3,2', '5,3', '1,4', '3,5', '5,6'].join('\n');
  tmp.write('unsorted.csv', content);

  it('TraceReader(sort: false) rejects the first row that goes back in time', () => {
    expect(() => rows({ file: 'unsorted.csv' })).toThrow(
      'unsorted.csv:3: time 3 is earlier than 5 on line 2: the trace must be sorted by time (or set sort: true)',
    );
  });

  it('TraceReader(sort: true) replays in time order, ties in file order, from 0', () => {
    const r = rows({ file: 'unsorted.csv', sort: true });
    expect(r.map((x) => [x.time, x.size, x.line])).toEqual([
      [0, 4, 5],
      [2, 2, 3],
      [2, 5, 6],
      [4, 1, 2],
      [4, 3, 4],
      [4, 6, 7],
    ]);
  });

  it('TraceReader(sort: true, skipBadRows) sorts the good rows and counts the bad', () => {
    tmp.write(
      'unsorted-bad.jsonl',
      '{"time":3,"size":1}\n{"time":1,"size":-1}\n{"time":2,"size":2}\n{"time":2,"size":3}\n',
    );
    const reader = new TraceReader({ file: 'unsorted-bad.jsonl', sort: true, skipBadRows: true }, tmp.dir);
    expect(Array.from(reader, (x) => [x.time, x.size])).toEqual([
      [0, 2],
      [0, 3],
      [1, 1],
    ]);
    expect(reader.skipped).toBe(1);
  });
});
