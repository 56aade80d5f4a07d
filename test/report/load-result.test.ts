import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { endsOpen, loadResult, parseResult } from '../../src/report/load-result.js';
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
    expect(() => loadResult(bad, { wholeTextBytes: 0 })).toThrow(
      new RegExp(`^${bad}: not JSON \\(.+ \\(at byte \\d+\\)\\); expected an orchlab result$`),
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

  it('not JSON', () => {
    expect(failure('format: orchlab.compare/1')).toMatch(
      /^r\.json: not JSON \(.+\); expected an orchlab result$/,
    );
    expect(failure('{"a": 1}}')).toMatch(/^r\.json: not JSON/);
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

  it('a format version this orchlab does not know', () => {
    const text = good.replace('"format":"orchlab.compare/1"', '"format":"orchlab.compare/2"');
    expect(failure(text)).toMatch(
      /^r\.json: format orchlab\.compare\/2 is a version this orchlab \(.+\) does not know; it reads orchlab\.compare\/1\./,
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
