// The table view of `orchlab trace inspect`: the figures of a trace, arrivals per minute as a
// sparkline, and the suggested synthetic model.
import type { TraceStats } from '../workload/trace/index.js';
import { formatTable, num } from './format-table.js';
import { count } from '../plural.js';

const blocks = '▁▂▃▄▅▆▇█';

/** Values as unicode blocks, at most `width` wide (neighbours averaged); 0 is a blank. */
export function sparkline(values: readonly number[], width = 72): string {
  const per = Math.max(1, Math.ceil(values.length / width));
  const cells: number[] = [];
  for (let i = 0; i < values.length; i += per) {
    const group = values.slice(i, i + per);
    cells.push(group.reduce((s, v) => s + v, 0) / group.length);
  }
  const max = Math.max(0, ...cells);
  return cells
    .map((v) => (v <= 0 || max === 0 ? ' ' : blocks[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))]))
    .join('');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}

/** Whole numbers in full (token counts), others with 4 significant digits. */
const whole = (x: number): string => (Number.isInteger(x) ? String(x) : num(x));
const fixed = (x: number | null, digits: number): string => (x === null ? '-' : x.toFixed(digits));

/** The table view of `orchlab trace inspect`. */
export function formatTraceStats(s: TraceStats): string {
  const pad = (label: string) => label.padEnd(12);
  const minutes = s.ratePerMinute;
  const scaled = s.rateScale === 1 ? '' : `, rate scale ${s.rateScale}`;
  const head = [
    `${pad('trace')}${s.file} (${s.traceFormat}, time unit ${s.timeUnit}${scaled})`,
    `${pad('rows')}${s.rows}`,
    `${pad('duration')}${fixed(s.durationSeconds, 3)} s (${(s.durationSeconds / 60).toFixed(1)} min)`,
    `${pad('rate')}${fixed(s.ratePerSecond, 6)} /s (mean gap ${fixed(s.meanInterarrivalSeconds, 6)} s)`,
    `${pad('gap CV')}${fixed(s.interarrivalCv, 6)} (population; ${s.zeroGaps} zero gaps)`,
    `${pad('work')}${num(s.workPerSecond)} units/s`,
  ];
  if (s.skipped > 0)
    head.push(`${pad('skipped')}${count(s.skipped, 'bad row')} (first: ${s.skipReasons[0] ?? '?'})`);
  const table = formatTable(
    ['column', 'mean', 'p50', 'p99', 'min', 'max', 'cv'],
    Object.entries(s.sizes).map(([name, c]) => [
      name,
      c.mean.toFixed(4),
      whole(c.p50),
      whole(c.p99),
      whole(c.min),
      whole(c.max),
      num(c.cv),
    ]),
  );
  // A loop, not Math.min(...minutes): spreading a year of minutes overflows the stack.
  let low = minutes.length === 0 ? 0 : Number.POSITIVE_INFINITY;
  let high = 0;
  for (const m of minutes) {
    if (m < low) low = m;
    if (m > high) high = m;
  }
  const tail = [
    `${pad('per minute')}${minutes.length} min, ${low}..${high} arrivals/min`,
    `${pad('')}${sparkline(minutes)}`,
    `${pad('suggestion')}${wrap(s.suggestion.text, 96, pad(''))}`,
  ];
  return [...head, '', table, '', ...tail].join('\n');
}
