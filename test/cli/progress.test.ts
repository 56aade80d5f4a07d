import { describe, expect, it } from 'vitest';
import {
  createProgress,
  eventsText,
  fitProgress,
  renderProgress,
  renderSummary,
} from '../../src/cli/progress.js';
import { fitLine } from '../../src/cli/stage-line.js';

const p = (done: number, total: number, cached = 0, failed = 0, events = 0, running = 0) => ({
  done,
  total,
  cached,
  failed,
  events,
  running,
});

describe('renderProgress(progress, elapsedSeconds)', () => {
  it('shows a bar, done/total runs, cache hits, failures, events per second and the ETA', () => {
    // 10 of 40 runs in 5 s, 2 from the cache: 8 executed at 0.625 s each, 30 left: ETA 18.75 s.
    const line = renderProgress(p(10, 40, 2, 1, 40e6), 5, 8);
    expect(line).toBe('[██░░░░░░] 10/40 runs · 2 cached · 1 failed · 8.00 M events/s · ETA 0:19');
  });

  it('counts the runs under way for the share they have done: one long run moves the bar and has an ETA', () => {
    // One run of one, a quarter done in 3 s: 9 s left.
    expect(renderProgress(p(0, 1, 0, 0, 3e6, 0.25), 3, 8)).toBe(
      '[██░░░░░░] 0/1 runs · 1.00 M events/s · ETA 0:09',
    );
    // 2 of 4 done and two runs half done in 6 s: 3 runs' work in 6 s, 1 left: 2 s.
    expect(renderProgress(p(2, 4, 0, 0, 0, 1), 6, 8)).toBe('[██████░░] 2/4 runs · ETA 0:02');
  });

  it('marks the total and the ETA as lower bounds while replications: auto may add rounds', () => {
    expect(renderProgress({ ...p(10, 40, 2, 1, 40e6), more: true }, 5, 8)).toBe(
      '[██░░░░░░] 10/40+ runs · 2 cached · 1 failed · 8.00 M events/s · ETA ≥ 0:19',
    );
  });

  it('has no ETA before any work is done and 0:00 at the end', () => {
    expect(renderProgress(p(0, 4), 1, 4)).toBe('[░░░░] 0/4 runs · ETA    ?');
    expect(renderProgress(p(4, 4, 0, 0, 1e6), 2, 4)).toBe('[████] 4/4 runs · 0.50 M events/s · ETA 0:00');
  });
});

describe('the progress line as the pace moves', () => {
  it('keeps its width from 640 to 8.10 M events/s and from ETA ? to 0:19, so the fitted bar does not wobble', () => {
    const lines = [640, 31_500, 8.1e6].map((rate) => renderProgress(p(10, 40, 0, 0, rate * 5), 5, 8));
    expect(lines[0]).toContain(' 640 events/s');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    const eta = [renderProgress(p(0, 40, 0, 0, 0), 5, 8), renderProgress(p(10, 40, 0, 0, 0), 5, 8)];
    expect(eta[0]).toContain('ETA    ?');
    expect(eta[0]!.length).toBe(eta[1]!.length);
    // In a 70-column terminal the bar is fitted to the rest of the line: the same width each time.
    const bars = [100, 31_500, 8.1e6].map((rate) =>
      fitProgress(p(10, 40, 0, 0, rate * 5), 5, 70).indexOf(']'),
    );
    expect(bars[0]).toBeGreaterThan(8);
    expect(new Set(bars).size).toBe(1);
  });

  it('draws the full bar when the terminal reports no width (0 columns: a pty whose size is not set)', () => {
    expect(fitProgress(p(10, 40), 5, 0)).toBe(renderProgress(p(10, 40), 5));
    expect(fitProgress(p(10, 40), 5, 0)).toContain('█'.repeat(6));
  });
});

describe('renderSummary(progress, seconds, workers)', () => {
  it('names the cache hits and failures', () => {
    expect(renderSummary(p(6, 6, 6), 0.5, 1)).toBe('6 runs (6 from cache) · 0 events in 0.50 s · 1 worker');
    expect(renderSummary(p(20, 20, 0, 0, 8e6), 2, 2)).toBe(
      '20 runs · 8.00 M events in 2.00 s (4.00 M events/s) · 2 workers',
    );
  });

  it('says "1 run", and leaves the workers out when none ran (every run from the cache)', () => {
    expect(renderSummary(p(1, 1, 0, 0, 1e6), 1, 1)).toBe(
      '1 run · 1.00 M events in 1.00 s (1.00 M events/s) · 1 worker',
    );
    expect(renderSummary(p(3, 3, 3), 0.1, 0)).toBe('3 runs (3 from cache) · 0 events in 0.10 s');
  });
});

describe('createProgress(sink, drawBar, now)', () => {
  it('redraws at most 10 times a second, always draws the last run, and clears the line at the end', () => {
    let t = 0;
    const writes: string[] = [];
    const view = createProgress({ write: (s: string) => writes.push(s) }, true, () => t);
    for (let done = 1; done <= 100; done++) {
      t = done * 0.01; // a run every 10 ms for 1 s
      view.update(p(done, 100));
    }
    expect(writes.length).toBeGreaterThanOrEqual(9);
    expect(writes.length).toBeLessThanOrEqual(11);
    expect(writes.at(-1)).toContain('100/100 runs');
    view.finish();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('draws nothing when told not to (stderr not a terminal, or --quiet), yet keeps the figures', () => {
    const writes: string[] = [];
    const view = createProgress({ write: (s: string) => writes.push(s) }, false, () => 0);
    view.update(p(3, 4));
    expect(view.finish()).toEqual(p(3, 4));
    expect(writes).toEqual([]);
  });
});

describe('the progress line on a narrow terminal', () => {
  // 39 of 72 runs, 9 cached, 18 failed: 89 columns with the full bar (a reviewer's 80-column terminal wrapped it).
  const busy = p(39, 72, 9, 18, 1.46e6, 0);

  it('takes columns from the bar first, down to 8, and keeps one column free', () => {
    const full = fitProgress(busy, 1, undefined);
    expect(full).toBe(renderProgress(busy, 1));
    expect(full.length).toBe(89);
    const at80 = fitProgress(busy, 1, 80);
    expect(at80.length).toBe(79);
    expect(at80).toMatch(/^\[[█░]{14}\] 39\/72 runs · 9 cached · 18 failed · /);
    expect(fitProgress(busy, 1, 200)).toBe(full);
    expect(fitProgress(busy, 1, 40)).toMatch(/^\[[█░]{8}\] /);
  });

  it('is cut with an ellipsis where even the narrowest bar does not fit, redrawn at the width read at each draw', () => {
    let columns = 40;
    const writes: string[] = [];
    const view = createProgress(
      {
        write: (s: string) => writes.push(s),
        get columns() {
          return columns;
        },
      },
      true,
      () => 1,
    );
    view.update(busy);
    expect(writes.at(-1)!.replace('\r\x1b[K', '')).toHaveLength(39);
    expect(writes.at(-1)!.endsWith('…')).toBe(true);
    columns = 120;
    view.update({ ...busy, done: 72 });
    expect(writes.at(-1)!.endsWith('…')).toBe(false);
    expect(writes.at(-1)).toContain('72/72 runs');
  });

  it('fitLine leaves a line that fits as it is', () => {
    expect(fitLine('abc', 4)).toBe('abc');
    expect(fitLine('abcd', 4)).toBe('ab…');
    expect(fitLine('abcd', undefined)).toBe('abcd');
  });
});

describe('eventsText(count)', () => {
  it('in millions from 100,000, in thousands from 1,000, else whole: never 0.00 M for a small run', () => {
    expect(eventsText(8.1e6)).toBe('8.10 M');
    expect(eventsText(5e5)).toBe('0.50 M');
    expect(eventsText(31_500)).toBe('31.5 k');
    expect(eventsText(640.4)).toBe('640');
    // Never 100.0 k or 1000: the next unit up.
    expect(eventsText(99_950)).toBe('0.10 M');
    expect(eventsText(99_949)).toBe('99.9 k');
    expect(eventsText(999.5)).toBe('1.0 k');
    expect(renderSummary(p(1, 1, 0, 0, 1), 1, 1)).toContain(' · 1 event in ');
    expect(eventsText(0)).toBe('0');
  });
});
