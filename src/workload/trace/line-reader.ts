// Synchronous, chunked line reader: pulls a file through one buffer (1 MiB by default), so memory
// does not grow with the file. Lines end at '\n' ('\r\n' is accepted); the last line may lack one.
// A line that is not UTF-8 text (see io/utf8-text.ts) is an InputError naming the file and line.
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { notText, notTextMessage } from '../../io/utf8-text.js';

const NEWLINE = 0x0a;
const CR = 0x0d;

export class LineReader {
  private fd: number | undefined;
  private buf: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;
  private lineNo = 0;
  private bytes = 0;

  /**
   * Opens `path`; throws the fs error (ENOENT, EISDIR...) as is. `name` is the file as messages
   * name it (default: `path`).
   */
  constructor(
    path: string,
    chunkSize = 1 << 20,
    private readonly name = path,
  ) {
    this.fd = openSync(path, 'r');
    this.buf = Buffer.allocUnsafe(Math.max(1, Math.floor(chunkSize)));
  }

  /** 1-based number of the line last returned by next(). */
  get line(): number {
    return this.lineNo;
  }

  /** Bytes read from the file so far (at most one chunk ahead of the lines returned). */
  get bytesRead(): number {
    return this.bytes;
  }

  /** The next line without its terminator, or undefined at the end of the file. */
  next(): string | undefined {
    for (;;) {
      const nl = this.buf.indexOf(NEWLINE, this.start);
      if (nl !== -1 && nl < this.end) return this.take(nl, nl + 1);
      if (this.eof) return this.start < this.end ? this.take(this.end, this.end) : undefined;
      this.fill();
    }
  }

  /** Releases the file; next() returns undefined from now on. */
  close(): void {
    this.closeFile();
    this.start = this.end = 0;
  }

  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.eof = true;
  }

  private take(stop: number, resume: number): string {
    let textEnd = stop;
    if (textEnd > this.start && this.buf[textEnd - 1] === CR) textEnd--;
    let textStart = this.start;
    // A UTF-8 byte-order mark before the first line is not part of it.
    if (this.lineNo === 0 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) {
      if (textStart === 0 && textEnd >= 3) textStart = 3;
    }
    const text = this.buf.toString('utf8', textStart, textEnd);
    // The decoder put U+FFFD for bytes that are not UTF-8; a line holding either is looked at.
    if (text.includes('\uFFFD') || text.includes('\0')) this.checkText(textStart, textEnd);
    this.start = resume;
    this.lineNo++;
    return text;
  }

  /** Throws InputError when the line in buf[from, to) is not UTF-8 text. */
  private checkText(from: number, to: number): void {
    const problem = notText(this.buf.subarray(from, to), this.lineNo === 0 && from === 0);
    if (problem === undefined) return;
    // buf[0] is at this.bytes - this.end in the file.
    const byte = this.bytes - this.end + from + problem.at;
    throw new InputError(notTextMessage(this.name, this.lineNo + 1, byte, problem));
  }

  /** Moves the unread bytes to the front, grows the buffer if a line fills it, reads more. */
  private fill(): void {
    if (this.fd === undefined) {
      this.eof = true;
      return;
    }
    if (this.start > 0) {
      this.buf.copy(this.buf, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    const n = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (n === 0) this.closeFile();
    this.end += n;
    this.bytes += n;
  }
}
