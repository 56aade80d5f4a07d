// Renders the result rows as a Markdown table (readable in a terminal, pasteable into a README).
import type { ResultRow } from './results.js';

export function sizeText(tasks: number): string {
  return tasks % 1_000_000 === 0 ? `${tasks / 1_000_000}M` : String(tasks);
}

const mega = (n: number) => (n / 1e6).toFixed(2);

export function formatTable(rows: readonly ResultRow[]): string {
  const header = [
    'tasks',
    'policy',
    'M events/s',
    '(min-max)',
    'x ceiling',
    'peak RSS MB',
    'runs',
    'verdict',
  ];
  const body = rows.map((r) => [
    sizeText(r.tasks),
    r.label,
    mega(r.eventsPerSecond),
    `${mega(r.minEventsPerSecond)}-${mega(r.maxEventsPerSecond)}`,
    `${r.ratio.toFixed(2)}x`,
    r.peakRssMB.toFixed(0),
    String(r.samples.length),
    r.verdict,
  ]);
  const right = [false, false, true, true, true, true, true, false];
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (right[c] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
