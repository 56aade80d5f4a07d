// One status line on stderr, redrawn in place and cleared when the work is over: the runs'
// progress bar (progress.ts) and the stages of work that cannot report its share as it goes
// (reading and parsing a large result, drawing its charts). Drawn only when stderr is a terminal
// and --quiet is not given.
import type { ProgressSink } from './progress.js';

export interface StageLine {
  show(text: string): void;
  /** Clears the line, if one was drawn. */
  clear(): void;
}

/**
 * `text` cut to fit a terminal `columns` wide, with an ellipsis: a line as wide as the terminal or
 * wider wraps, and each redraw (`\r` goes back to the start of the last row only) leaves a row
 * behind. One column stays free, as some terminals wrap on the last one. Pure.
 */
export function fitLine(text: string, columns: number | undefined): string {
  if (columns === undefined || columns < 2 || text.length < columns) return text;
  return `${text.slice(0, columns - 2)}…`;
}

export function createStageLine(sink: ProgressSink, draw: boolean): StageLine {
  let drawn = false;
  return {
    show(text) {
      if (!draw) return;
      // Read at each draw: the terminal may have been resized.
      sink.write(`\r\x1b[K${fitLine(text, sink.columns)}`);
      drawn = true;
    },
    clear() {
      if (drawn) sink.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** A byte count as people read file sizes: 512 KB, 12.3 MB, 1.21 GB. Pure. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  if (mb < 1024) return `${mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
  return `${(mb / 1024).toFixed(2)} GB`;
}
