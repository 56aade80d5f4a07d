import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { endsOpen, loadResult, parseResult } from '../../src/report/load-result.js';
import { VERSION } from '../../src/version.js';
import { compareResult, sweepResult } from './support/results.js';

let good = '';

beforeAll(async () => {
  good = JSON.stringify(await compareResult());
});

/** The InputError message `parseResult(text, 'r.json')` throws. */
function failure(text: string): string {
  try {
    parseResult(text, 'r.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('loadResult(path)', () => {
  it('reads a compare, a sweep and a run result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
    const files = {
      compare: good,
      sweep: JSON.stringify(await sweepResult()),
      run: JSON.stringify((await compareResult()).runs[0]),
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, `${name}.json`), text);
      expect(loadResult(join(dir, `${name}.json`)).format).toBe(`orchlab.${name}/1`);
    }
  });

  it('reads a file too long for one string in pieces, to the same result (here: every file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
    const files = { compare: good, sweep: JSON.stringify(await sweepResult(), null, 2) };
    for (const [name, text] of Object.entries(files)) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, text);
      expect(loadResult(file, { wholeTextBytes: 0 })).toStrictEqual(JSON.parse(text));
    }
  });

  it('a file read in pieces that is truncated or not JSON says so as one read whole does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, good.slice(0, good.length / 2));
    expect(() => loadResult(cut, { wholeTextBytes: 0 })).toThrow(
      `${cut}: truncated JSON: the text stops after ${Buffer.byteLength(good.slice(0, good.length / 2))} bytes`,
    );
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, `${good.slice(0, -1)},]}`);
    for (const wholeTextBytes of [0, undefined])
      expect(() => loadResult(bad, { ...(wholeTextBytes === undefined ? {} : { wholeTextBytes }) })).toThrow(
        `${bad}: not JSON (expected a property name in double quotes, found ']', at line 1, column ${good.length + 1}); expected an orchlab result`,
      );
  });

  it('a UTF-8 byte-order mark at the start is skipped, read whole or in pieces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${good}`);
    expect(loadResult(file).format).toBe('orchlab.compare/1');
    expect(loadResult(file, { wholeTextBytes: 0 })).toStrictEqual(JSON.parse(good));
    writeFileSync(file, '\uFEFF\n');
    expect(() => loadResult(file)).toThrow(`${file}: the file is empty`);
    // Faults are placed in the text after the mark, as an editor shows it.
    writeFileSync(file, '\uFEFF{"format": x}');
    expect(() => loadResult(file)).toThrow("(found 'x' where a value should be, at line 1, column 12)");
  });

  it('UTF-16 text (a UTF-16 byte-order mark) is named as such', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
    const file = join(dir, 'u16.json');
    writeFileSync(file, Buffer.from(`\uFEFF${good}`, 'utf16le'));
    expect(() => loadResult(file)).toThrow(
      `${file}: UTF-16 text (the file starts with a UTF-16 byte-order mark); expected an orchlab result in UTF-8, as orchlab writes it`,
    );
  });

  it('a missing file or a folder: cannot read, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-load-'));
    expect(() => loadResult(join(dir, 'nope.json'))).toThrow(
      `${join(dir, 'nope.json')}: cannot read result file (no such file)`,
    );
    mkdirSync(join(dir, 'd.json'));
    expect(() => loadResult(join(dir, 'd.json'))).toThrow('cannot read result file (it is a directory)');
  });
});

describe('parseResult(text, file) rejects bad input with a message naming the file', () => {
  it('empty', () => {
    expect(failure('  \n')).toBe('r.json: the file is empty; expected an orchlab result (JSON)');
  });

  it('truncated JSON (cut anywhere: inside a string, between fields)', () => {
    for (const cut of [1, 100, good.length / 2, good.length - 1]) {
      expect(failure(good.slice(0, Math.floor(cut)))).toMatch(
        /^r\.json: truncated JSON: the text stops after \d+ bytes/,
      );
    }
  });

  it("orchlab's own CSV (--format csv): says so and how to get the JSON", () => {
    const csv =
      "r.json: CSV (orchlab's --format csv); a report reads the JSON result: write it with --format json";
    expect(failure('policy,replications,response_time.mean\njsq,10,1.5\n')).toBe(csv);
    expect(failure('workload.arrivals.rate,policy,replications\n8,jsq,10\n')).toBe(csv);
    // Another CSV is only not JSON.
    expect(failure('a,b\n1,2\n')).toMatch(/^r\.json: not JSON \(/);
  });

  it('not JSON: why, on one line, with the line and column', () => {
    expect(failure('format: orchlab.compare/1')).toBe(
      "r.json: not JSON (found 'format' where a value should be, at line 1, column 1); expected an orchlab result",
    );
    expect(failure('hello world\n')).toBe(
      "r.json: not JSON (found 'hello' where a value should be, at line 1, column 1); expected an orchlab result",
    );
    // Text after the result: where it starts, not JSON.parse's "position 615033".
    const pretty = JSON.stringify(JSON.parse(good), null, 2);
    expect(failure(`${pretty}\ngarbage\n`)).toBe(
      `r.json: not JSON (found 'garbage' after the end of the JSON value, at line ${pretty.split('\n').length + 1}, column 1); expected an orchlab result`,
    );
    expect(failure('{"a": 1}}')).toBe(
      "r.json: not JSON (found '}' after the end of the JSON value, at line 1, column 9); expected an orchlab result",
    );
  });

  it('JSON that is not an object, or has no format', () => {
    expect(failure('[1, 2]')).toMatch(/^r\.json: not an orchlab result \(the JSON is not an object\)/);
    expect(failure('{"runs": []}')).toBe(
      'r.json: not an orchlab result (no "format" field); expected one of orchlab.compare/1, orchlab.sweep/1, orchlab.run/1',
    );
  });

  it('a format that is not an orchlab result', () => {
    expect(failure('{"format": "vega-lite"}')).toMatch(
      /^r\.json: format 'vega-lite' is not an orchlab result; expected one of/,
    );
  });

  it("orchlab's other JSON (trace inspect, conformance, the run cache) is named as what it is", () => {
    const tail = 'expected a result of run, compare or sweep (written with --format json)';
    expect(failure('{"format": "orchlab.trace/1", "rows": 12031}')).toBe(
      `r.json: format 'orchlab.trace/1' is a trace inspect result (orchlab trace inspect --format json); ${tail}`,
    );
    expect(failure('{"format": "orchlab.conformance/1", "failed": 0}')).toBe(
      `r.json: format 'orchlab.conformance/1' is a conformance result (orchlab conformance --format json); ${tail}`,
    );
    expect(failure('{"format": "orchlab.cache/3"}')).toBe(
      `r.json: format 'orchlab.cache/3' is an entry of orchlab's run cache (--cache); ${tail}`,
    );
    expect(failure('{"format": "orchlab.constructor/1"}')).toMatch(
      /^r\.json: format 'orchlab\.constructor\/1' is not an orchlab result; expected one of/,
    );
  });

  it('a malformed version of a result format is a version this orchlab does not know', () => {
    for (const format of ['orchlab.compare/1.1', 'orchlab.compare/v2', 'orchlab.compare/', 'orchlab.compare'])
      expect(failure(JSON.stringify({ format }))).toBe(
        `r.json: format '${format}' is a version this orchlab (${VERSION}) does not know; it reads orchlab.compare/1. ` +
          'Use the orchlab version that wrote the file, or re-run the experiment.',
      );
  });

  it('a format version this orchlab does not know', () => {
    const text = good.replace('"format":"orchlab.compare/1"', '"format":"orchlab.compare/2"');
    expect(failure(text)).toMatch(
      /^r\.json: format 'orchlab\.compare\/2' is a version this orchlab \(.+\) does not know; it reads orchlab\.compare\/1\./,
    );
  });

  it('a result missing what the report reads, by path', () => {
    const data = JSON.parse(good);
    delete data.runs[1].metrics.responseTime;
    data.runs[0].replicationResults[0].timeline.bucketSeconds = 'wide';
    expect(failure(JSON.stringify(data))).toBe(
      [
        'r.json: not a valid orchlab.compare/1 result:',
        '  runs.0.replicationResults.0.timeline.bucketSeconds: expected a number, found "wide"',
        '  runs.1.metrics.responseTime: missing; expected the estimates mean, p50, p90, p95, p99 and p999',
      ].join('\n'),
    );
  });

  it('a comparison in which every policy failed', () => {
    const data = { ...JSON.parse(good), runs: [] };
    expect(failure(JSON.stringify(data))).toBe(
      'r.json: the result holds no runs (every policy failed?); nothing to report',
    );
  });
});

describe('endsOpen(text)', () => {
  it('is true when the text stops inside a string or with a bracket open', () => {
    expect(endsOpen('{"a": "b')).toBe(true);
    expect(endsOpen('{"a": [1, 2')).toBe(true);
    expect(endsOpen('{"a": "}\\"{"')).toBe(true);
    expect(endsOpen('{"a": "}"}')).toBe(false);
    expect(endsOpen('nonsense')).toBe(false);
  });
});
