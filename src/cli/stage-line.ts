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

export function createStageLine(sink: ProgressSink, draw: boolean): StageLine {
  let drawn = false;
  return {
    show(text) {
      if (!draw) return;
      sink.write(`\r\x1b[K${text}`);
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
