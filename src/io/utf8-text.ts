// Text files (scenarios, traces) must be UTF-8. Node's decoder swaps every byte that is not for
// U+FFFD without a word, so a Latin-1 scenario loaded with its names garbled ("caf\uFFFD"), and
// a UTF-16 file reached the YAML parser as NUL-separated letters. Here such a file is refused,
// naming the first byte that is not UTF-8 text. A UTF-8 byte-order mark is fine.
import { InputError } from '../errors.js';

/** Why `bytes` are not UTF-8 text: the offset of the first offending byte and what it is. */
export interface NotText {
  readonly at: number;
  readonly why: string;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The offset of the first byte of `bytes` that is not part of valid UTF-8, or -1. */
function firstInvalid(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Every U+FFFD of the lenient decoding is a bad byte unless the file holds that character.
  let at = 0;
  let from = 0;
  for (let k = text.indexOf('\uFFFD'); k !== -1; k = text.indexOf('\uFFFD', k + 1)) {
    at += Buffer.byteLength(text.slice(from, k));
    from = k;
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return -1;
}

const hex = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Where `bytes` stop being UTF-8 text, or undefined when they are: a byte that is not UTF-8, or
 * a NUL (valid UTF-8, but in no text file: UTF-16, or binary). `atStart`: the bytes open the
 * file, so a UTF-16 byte-order mark can be told apart.
 */
export function notText(bytes: Uint8Array, atStart: boolean): NotText | undefined {
  if (atStart && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return { at: 0, why: 'a UTF-16 byte-order mark' };
  const nul = bytes.indexOf(0);
  // Only a file with U+FFFD or a bad byte in it decodes to a string holding U+FFFD: fast path.
  const bad = firstInvalid(bytes);
  if (nul === -1 && bad === -1) return undefined;
  if (bad === -1 || (nul !== -1 && nul < bad)) return { at: nul, why: 'a NUL byte: UTF-16, or not text' };
  return { at: bad, why: `${hex(bytes[bad]!)}, from another encoding such as Latin-1?` };
}

/** The message for `file` that is not UTF-8 text, `line` being the line `problem` is on. */
export function notTextMessage(file: string, line: number, byte: number, problem: NotText): string {
  return `${file}:${line}: not UTF-8 text (at byte ${byte + 1}: ${problem.why}); save it as UTF-8`;
}

/** The 1-based line of `bytes` that byte `at` is on. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** `bytes` as text (without a UTF-8 byte-order mark); InputError naming `file` if not UTF-8 text. */
export function decodeUtf8Text(bytes: Uint8Array, file: string): string {
  const problem = notText(bytes, true);
  if (problem !== undefined)
    throw new InputError(notTextMessage(file, lineAt(bytes, problem.at), problem.at, problem));
  return strict.decode(bytes);
}
