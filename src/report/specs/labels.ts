// Policy labels short enough for an axis or a legend, and still told apart. vega cuts a long
// label at its end, so `prequal(probesPerTask=4,poolSize=32,qRif=0.9)` and `...qRif=0.5)` both read
// `prequal(probesPerTask=4,pool…`. Here a label wider than LABEL_PX first drops the parameters every
// policy of its name shares (`prequal(…,qRif=0.9)`; the subtitle's key says what `…` stands for),
// or else loses its middle (`my-long-poli…name-v2`), or else shows where it differs from the others
// (`my-lo…name-v2-and-…`); should two still read the same, a number tells them apart. The data keep
// the full label: tooltips and tables show it.
import { textWidth } from './text-width.js';

/** Widest a policy label is drawn on an axis or in a legend, in pixels at 11 px. */
export const LABEL_PX = 200;
/** vega's own limit, above LABEL_PX so it never cuts a label shortened here (browsers' fonts differ a little). */
export const LABEL_LIMIT = LABEL_PX + 40;
const FONT_SIZE = 11;

const width = (s: string) => textWidth(s, FONT_SIZE);

interface Parsed {
  readonly name: string;
  readonly params: readonly string[];
  /** What follows the parentheses, e.g. `#2` when the same entry was given twice. */
  readonly rest: string;
}

/** `name(a=1,b={"x":1,"y":2})#2` into its name, parameters (split at top-level commas) and rest. */
export function parseLabel(label: string): Parsed | undefined {
  const open = label.indexOf('(');
  if (open <= 0) return undefined;
  const params: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = open + 1;
  for (let i = start; i < label.length; i++) {
    const c = label[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ')' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      params.push(label.slice(start, i));
      start = i + 1;
    } else if (c === ')' && depth === 0) {
      params.push(label.slice(start, i));
      return { name: label.slice(0, open), params, rest: label.slice(i + 1) };
    }
  }
  return undefined;
}

/** The parameters every label of `name` has (none when it is the only one). */
function sharedParams(name: string, all: readonly Parsed[]): Set<string> {
  const same = all.filter((p) => p.name === name);
  if (same.length < 2) return new Set();
  return new Set(same[0]!.params.filter((x) => same.every((p) => p.params.includes(x))));
}

/** The label with runs of shared parameters replaced by `…`. */
function withoutShared(p: Parsed, shared: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const x of p.params) {
    if (!shared.has(x)) parts.push(x);
    else if (parts.at(-1) !== '…') parts.push('…');
  }
  return `${p.name}(${parts.join(',')})${p.rest}`;
}

/** The start and end of `s` around `…`, at most `px` wide, the start taking at most half. */
export function middleEllipsis(s: string, px: number): string {
  if (width(s) <= px) return s;
  const room = px - width('…');
  const chars = [...s];
  let head = 0;
  while (head < chars.length && width(chars.slice(0, head + 1).join('')) <= room / 2) head++;
  const headText = chars.slice(0, head).join('');
  let tail = 0;
  while (
    tail < chars.length - head &&
    width(headText + chars.slice(chars.length - tail - 1).join('')) <= room
  )
    tail++;
  return `${headText}…${chars.slice(chars.length - tail).join('')}`;
}

interface Short {
  readonly text: string;
  /** `name` and the parameters `…` stands for, when shared ones were dropped. */
  readonly dropped?: { readonly name: string; readonly params: string };
}

/** Length of the longest start `label` shares with another of `labels`. */
function sharedStart(label: string, labels: readonly string[]): number {
  const chars = [...label];
  let most = 0;
  for (const other of labels) {
    if (other === label) continue;
    const o = [...other];
    let k = 0;
    while (k < chars.length && k < o.length && chars[k] === o[k]) k++;
    most = Math.max(most, k);
  }
  return most;
}

/**
 * The label's start, `…`, and the part where it first differs from the others (with a few
 * characters before it), cut with `…` at the end when it does not fit in `px`.
 */
export function aroundDifference(label: string, others: readonly string[], px: number): string {
  if (width(label) <= px) return label;
  const chars = [...label];
  const ell = width('…');
  let head = 0;
  while (width(chars.slice(0, head + 1).join('')) <= (px - 2 * ell) / 4) head++;
  const from = Math.max(head, sharedStart(label, others) - 4);
  const start = from > head ? `${chars.slice(0, head).join('')}…` : '';
  const first = from > head ? from : 0;
  let end = first;
  const text = (e: number) => `${start}${chars.slice(first, e).join('')}${e < chars.length ? '…' : ''}`;
  while (end < chars.length && width(text(end + 1)) <= px) end++;
  return text(end);
}

function shorten(labels: readonly string[], px: number): Map<string, Short> {
  const parsed = labels.map(parseLabel);
  const all = parsed.filter((p) => p !== undefined);
  const shown = new Set(labels.filter((l) => width(l) <= px));
  const long = [...new Set(labels.filter((l) => !shown.has(l)))];
  // Ways to shorten a label, best first: drop what every policy of its name shares, cut out the
  // middle, show where it differs; a way is taken for the labels it tells apart from all others.
  const ways: ((label: string) => Short | undefined)[] = [
    (label) => {
      const p = parsed[labels.indexOf(label)];
      const shared = p === undefined ? new Set<string>() : sharedParams(p.name, all);
      if (p === undefined || shared.size === 0) return undefined;
      const params = p.params.filter((x) => shared.has(x)).join(',');
      return { text: middleEllipsis(withoutShared(p, shared), px), dropped: { name: p.name, params } };
    },
    (label) => ({ text: middleEllipsis(label, px) }),
    (label) => ({ text: aroundDifference(label, long, px) }),
  ];
  const out = new Map<string, Short>();
  let left = long;
  for (const way of ways) {
    const tried = left.map((label) => [label, way(label)] as const);
    const count = new Map<string, number>();
    for (const [, t] of tried) if (t !== undefined) count.set(t.text, (count.get(t.text) ?? 0) + 1);
    for (const [label, t] of tried)
      if (t !== undefined && count.get(t.text) === 1 && !shown.has(t.text)) {
        out.set(label, t);
        shown.add(t.text);
      }
    left = left.filter((l) => !out.has(l));
  }
  // Last: a number, for labels that still read the same.
  for (const label of left)
    for (let k = 2; !out.has(label); k++) {
      const tag = ` #${k}`;
      const text = `${middleEllipsis(label, px - width(tag))}${tag}`;
      if (!shown.has(text)) {
        out.set(label, { text });
        shown.add(text);
      }
    }
  return new Map(labels.filter((l) => out.has(l)).map((l) => [l, out.get(l)!]));
}

/**
 * Short labels for the labels wider than `px`, each distinct from every other label shown; the
 * labels that fit are not in the map.
 */
export function shortLabels(labels: readonly string[], px = LABEL_PX): Map<string, string> {
  return new Map([...shorten(labels, px)].map(([label, s]) => [label, s.text]));
}

/**
 * What `…` stands for where shared parameters were dropped, for a subtitle: `Labels: prequal(…)
 * leaves out what every prequal shares, probesPerTask=4,poolSize=32.` Undefined when none lost any.
 */
export function labelKey(labels: readonly string[], px = LABEL_PX): string | undefined {
  const keys = new Map<string, string>();
  for (const s of shorten(labels, px).values()) if (s.dropped) keys.set(s.dropped.name, s.dropped.params);
  if (keys.size === 0) return undefined;
  return `Labels: ${[...keys].map(([name, params]) => `${name}(…) leaves out what every ${name} shares, ${params}`).join('; ')}.`;
}

/** A vega expression string literal: quotes, backslashes and every character outside printable ASCII escaped. */
function exprString(s: string): string {
  const body = s
    .replace(/[\\"]/g, '\\$&')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

/**
 * Axis or legend properties that draw policy labels shortened (a `labelExpr` mapping the long ones)
 * and never cut by vega; only the limit when every label fits.
 */
export function policyLabels(labels: readonly string[]): { labelLimit: number; labelExpr?: string } {
  const short = shortLabels(labels);
  if (short.size === 0) return { labelLimit: LABEL_LIMIT };
  const cases = [...short].map(([full, s]) => `datum.label === ${exprString(full)} ? ${exprString(s)} : `);
  return { labelLimit: LABEL_LIMIT, labelExpr: `${cases.join('')}datum.label` };
}
