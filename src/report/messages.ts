// Every message the report code shows a user, as small functions: one place to read and reword.

export const KNOWN_FORMATS = ['orchlab.compare/1', 'orchlab.sweep/1', 'orchlab.run/1'] as const;

const expected = `expected one of ${KNOWN_FORMATS.join(', ')}`;

/** orchlab's JSON that is not a result, by the kind in its format (`orchlab.trace/1`): what it is. */
export const OTHER_FORMATS: ReadonlyMap<string, string> = new Map([
  ['trace', 'a trace inspect result (orchlab trace inspect --format json)'],
  ['conformance', 'a conformance result (orchlab conformance --format json)'],
  ['cache', "an entry of orchlab's run cache (--cache)"],
]);

export const messages = {
  cannotRead: (file: string, reason: string) => `${file}: cannot read result file (${reason})`,
  empty: (file: string) => `${file}: the file is empty; expected an orchlab result (JSON)`,
  truncated: (file: string, bytes: number) =>
    `${file}: truncated JSON: the text stops after ${bytes} bytes before the result is complete ` +
    '(was the run interrupted while writing it?)',
  notJson: (file: string, reason: string) => `${file}: not JSON (${reason}); expected an orchlab result`,
  csv: (file: string) =>
    `${file}: CSV (orchlab's --format csv); a report reads the JSON result: write it with --format json`,
  utf16: (file: string) =>
    `${file}: UTF-16 text (the file starts with a UTF-16 byte-order mark); expected an orchlab result in UTF-8, as orchlab writes it`,
  notObject: (file: string) => `${file}: not an orchlab result (the JSON is not an object); ${expected}`,
  noFormat: (file: string) => `${file}: not an orchlab result (no "format" field); ${expected}`,
  notAResult: (file: string, format: string, what: string) =>
    `${file}: format '${format}' is ${what}; expected a result of run, compare or sweep (written with --format json)`,
  wrongFormat: (file: string, format: string) =>
    `${file}: format '${format}' is not an orchlab result; ${expected}`,
  unknownVersion: (file: string, format: string, known: string, orchlab: string) =>
    `${file}: format '${format}' is a version this orchlab (${orchlab}) does not know; it reads ${known}. ` +
    'Use the orchlab version that wrote the file, or re-run the experiment.',
  invalid: (file: string, format: string, problems: readonly string[]) =>
    `${file}: not a valid ${format} result:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  badObjective: (file: string, problem: string) => `${file}: scenario objective: ${problem}`,
  unknownMetric: (metric: string, known: readonly string[]) =>
    `unknown metric '${metric}'; expected one of ${known.join(', ')}`,
  noRuns: (file: string) => `${file}: the result holds no runs (every policy failed?); nothing to report`,
} as const;
