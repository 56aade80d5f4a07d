// The report's style sheet: readable on screen, and when printed (A4, charts kept whole, the
// interactive controls hidden, table headers repeated on each page).

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --accent: #2b5797; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink);
  max-width: 1000px; margin: 0 auto; padding: 24px 28px 64px; background: #fff; }
h1 { font-size: 26px; line-height: 1.25; margin: 4px 0 10px; }
h2 { font-size: 19px; margin: 36px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
.kicker { color: var(--muted); font-size: 13px; letter-spacing: .02em; margin: 0; }
.lede p { margin: 4px 0; }
.lede .verdict { font-size: 16px; }
.scenario li { margin: 2px 0; }
.failures, .warnings { color: #9a3412; }
.warnings, .failures ul { padding-left: 20px; margin: 6px 0; }
.failures p { margin: 6px 0 0; }
nav ol { columns: 2; font-size: 14px; padding-left: 20px; }
.chart { margin: 28px 0; }
.vis { min-height: 120px; }
.note { color: var(--muted); font-size: 14px; }
.hint { color: var(--muted); font-size: 12px; margin: 2px 0 0; }
.error { color: #b91c1c; font-weight: 600; }
code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { background: #f7f7f8; border: 1px solid var(--rule); padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.table-wrap { max-height: 560px; overflow: auto; border: 1px solid var(--rule); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { position: sticky; top: 0; background: #fafafa; z-index: 1; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tr.best td { background: #f1f7ee; }
.sig-yes { color: #166534; font-weight: 600; }
.sig-no { color: var(--muted); }
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .hint, .vega-embed .vega-actions, .vega-embed > details, .vega-bindings { display: none !important; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
  .vis svg { max-width: 100%; height: auto; }
  h2 { break-after: avoid; }
  .table-wrap { max-height: none; overflow: visible; border: none; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  tr.best td { background: none; font-weight: 600; }
  pre { white-space: pre-wrap; break-inside: auto; }
}
`;
