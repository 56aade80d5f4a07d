// Progress on stderr while runs are under way: one line with a bar, done/total runs, cache hits,
// failures, events per second and an ETA, redrawn at most 10 times a second. Drawn only when
// stderr is a terminal and --quiet is not given; the one-line summary after the runs is printed
// unless --quiet.
import type { RunProgress } from '../runner/auto-replications.js';
import { count } from '../plural.js';
import { createStageLine } from './stage-line.js';

const REDRAW_SECONDS = 0.1;
/** Widest and narrowest bar: a narrow terminal takes columns from the bar first. */
const BAR_WIDTH = 24;
const MIN_BAR_WIDTH = 8;

function clockText(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A count of events, or events a second: `8.10 M`, `0.50 M`, `31.5 k`, `640`. Pure. */
export function eventsText(x: number): string {
  // The thresholds are where the smaller unit would round up to 100.0 k or 1000.
  if (x >= 99_950) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 999.5) return `${(x / 1e3).toFixed(1)} k`;
  return String(Math.round(x));
}

/**
 * The progress line: `[████░░░░]  12/40 runs · 3 cached · 8.10 M events/s · ETA 0:42`, or
 * `12/40+ runs · … · ETA ≥ 0:42` while replications: auto may add rounds. Pure.
 */
export function renderProgress(p: RunProgress, elapsedSeconds: number, width = BAR_WIDTH): string {
  // Runs under way count for the share they have done: one long run still moves the bar.
  // With replications: auto more rounds may follow: the total and the ETA are lower bounds.
  const more = p.more === true ? '+' : '';
  const share = p.total === 0 ? 0 : Math.min(1, (p.done + p.running) / p.total);
  const filled = Math.round(share * width);
  const parts = [
    `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(p.done).padStart(String(p.total).length)}/${p.total}${more} runs`,
  ];
  if (p.cached > 0) parts.push(`${p.cached} cached`);
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  // Fixed widths (`8.10 M`, `  640`; `0:42`, `   ?`): the line, and the bar fitted to it, keep
  // their width as the pace moves, up to 99.99 M events/s and an ETA of 9:59.
  if (elapsedSeconds > 0 && p.events > 0)
    parts.push(`${eventsText(p.events / elapsedSeconds).padStart(6)} events/s`);
  // Cached runs take no time: the pace is that of the work executed, runs under way included.
  const executed = p.done - p.cached + p.running;
  const left = p.total - p.done - p.running;
  const eta = executed > 0 ? (left * elapsedSeconds) / executed : Number.NaN;
  parts.push(`ETA ${more === '' ? '' : '≥ '}${(p.done === p.total ? '0:00' : clockText(eta)).padStart(4)}`);
  return parts.join(' · ');
}

/**
 * renderProgress with the bar as wide as fits a terminal `columns` wide (one column free), between
 * MIN_BAR_WIDTH and BAR_WIDTH; what still does not fit is cut by the stage line. Pure.
 */
export function fitProgress(p: RunProgress, elapsedSeconds: number, columns: number | undefined): string {
  // A terminal whose size is not set (a bare pty: `script`, some CI runners) reports 0 columns.
  if (columns === undefined || columns < 2) return renderProgress(p, elapsedSeconds);
  const rest = renderProgress(p, elapsedSeconds, 0).length;
  const width = Math.max(MIN_BAR_WIDTH, Math.min(BAR_WIDTH, columns - 1 - rest));
  return renderProgress(p, elapsedSeconds, width);
}

/** The line printed once the runs are over; `workers` 0 (nothing ran, all cached) is left out. Pure. */
export function renderSummary(p: RunProgress, seconds: number, workers: number): string {
  const notes = [
    p.cached > 0 ? `${p.cached} from cache` : '',
    p.failed > 0 ? `${p.failed} failed` : '',
  ].filter((s) => s !== '');
  const runs = `${count(p.done, 'run')}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  const rate = seconds > 0 && p.events > 0 ? ` (${eventsText(p.events / seconds)} events/s)` : '';
  const threads = workers > 0 ? ` · ${count(workers, 'worker')}` : '';
  return `${runs} · ${eventsText(p.events)} ${p.events === 1 ? 'event' : 'events'} in ${seconds.toFixed(2)} s${rate}${threads}`;
}

export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width (a tty.WriteStream's), read at each draw. */
  readonly columns?: number;
}

export interface ProgressView {
  update(p: RunProgress): void;
  /** Clears the bar; returns the last progress seen. */
  finish(): RunProgress;
  elapsedSeconds(): number;
}

/** A throttled progress line on `sink`; `now` is a clock in seconds. */
export function createProgress(sink: ProgressSink, drawBar: boolean, now: () => number): ProgressView {
  const started = now();
  let last: RunProgress = { done: 0, total: 0, cached: 0, failed: 0, events: 0, running: 0 };
  let drawnAt = Number.NEGATIVE_INFINITY;
  const line = createStageLine(sink, drawBar);
  return {
    update(p) {
      last = p;
      if (!drawBar) return;
      const t = now();
      if (t - drawnAt < REDRAW_SECONDS && p.done !== p.total) return;
      drawnAt = t;
      line.show(fitProgress(p, t - started, sink.columns));
    },
    finish() {
      line.clear();
      return last;
    },
    elapsedSeconds: () => now() - started,
  };
}
