// Synchronous, chunked line reader: pulls a file through one buffer (1 MiB by default), so memory
// does not grow with the file. Lines end at '\n' ('\r\n' is accepted); the last line may lack one.
import { closeSync, openSync, readSync } from 'node:fs';

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

  /** Opens `path`; throws the fs error (ENOENT, EISDIR...) as is. */
  constructor(path: string, chunkSize = 1 << 20) {
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
    this.start = resume;
    this.lineNo++;
    return text;
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
