// Rendering what a policy threw or returned, for failure messages: it must never throw (a throw
// while building the message turned a policy's failure into an orchlab crash) and must not run
// the value's own code when a number was due.
import { describe, expect, it } from 'vitest';
import { returnedText, thrownText } from '../../src/errors.js';

describe('thrownText(err)', () => {
  it("is String(err) whenever that works: an Error's name and message, a symbol, undefined", () => {
    expect(thrownText(new TypeError('boom'))).toBe('TypeError: boom');
    expect(thrownText(Symbol('s'))).toBe('Symbol(s)');
    expect(thrownText(undefined)).toBe('undefined');
    expect(thrownText({})).toBe('[object Object]');
  });

  it('falls back to a message, then to the tag, when String() throws', () => {
    const noText = 'an object that cannot be turned into text';
    expect(thrownText(Object.create(null))).toBe(`${noText} ([object Object])`);
    const badToString = {
      toString() {
        throw new Error('no');
      },
    };
    expect(thrownText(badToString)).toBe(`${noText} ([object Object])`);
    expect(thrownText(Object.assign(Object.create(null), { message: 'kept' }))).toBe('kept');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(thrownText(revoked.proxy)).toBe(`${noText} (object)`);
  });
});

describe('returnedText(value)', () => {
  it('shows a number as it is and anything else with its type, calling none of its code', () => {
    expect(returnedText(3)).toBe('3');
    expect(returnedText(Number.NaN)).toBe('NaN');
    expect(returnedText(undefined)).toBe('undefined');
    expect(returnedText(null)).toBe('null');
    expect(returnedText('2')).toBe('"2" (a string)');
    expect(returnedText('x'.repeat(100))).toBe(`"${'x'.repeat(40)}..." (a string)`);
    expect(returnedText(true)).toBe('true (a boolean)');
    expect(returnedText(0n)).toBe('0n (a bigint)');
    expect(returnedText(Symbol('x'))).toBe('Symbol(x) (a symbol)');
    expect(returnedText(() => 1)).toBe('a function');
    const loud = {
      toString(): string {
        throw new Error('called');
      },
    };
    expect(returnedText(loud)).toBe('an object');
  });
});
