import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decodeCache, encodeCache, wrapCommonJs } from '../../src/runner/code-cache.js';

describe('the worker code cache file', () => {
  const bundle = Buffer.from('module.exports = 1;');
  const data = Uint8Array.from([1, 2, 3, 250]);

  it('gives back the cached data for the source it was made from', () => {
    expect([...decodeCache(bundle, encodeCache(bundle, data))!]).toEqual([1, 2, 3, 250]);
  });

  it('refuses a cache made from another source, even one of the same length (V8 would accept it)', () => {
    const other = Buffer.from('module.exports = 2;');
    expect(other.length).toBe(bundle.length);
    expect(decodeCache(other, encodeCache(bundle, data))).toBeUndefined();
    expect(decodeCache(bundle, new Uint8Array(10))).toBeUndefined();
  });

  it('wraps a module as Node does: exports, require, module, __filename, __dirname', () => {
    const fn = runInThisContext(
      wrapCommonJs('module.exports = [typeof exports, typeof require, __filename, __dirname];'),
    ) as (...args: unknown[]) => void;
    const mod = { exports: {} as unknown };
    fn(mod.exports, () => 0, mod, '/x/y.cjs', '/x');
    expect(mod.exports).toEqual(['object', 'function', '/x/y.cjs', '/x']);
  });
});
