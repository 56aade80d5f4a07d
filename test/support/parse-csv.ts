// Reads RFC 4180 CSV back into records, for tests of --format csv: quoted fields may hold commas,
// doubled quotes, CR and LF. Strict: a quote inside an unquoted field, or text after a closing
// quote, throws, so a writer that quotes wrongly fails its test rather than parsing loosely.

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] !== '"') {
      let end = i;
      while (end < text.length && !',\n\r'.includes(text[end]!)) {
        if (text[end] === '"') throw new Error(`quote inside an unquoted field at ${end}`);
        end++;
      }
      const value = text.slice(i, end);
      i = end;
      return value;
    }
    let value = '';
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) throw new Error('unterminated quoted field');
      value += text.slice(i, q);
      if (text[q + 1] === '"') {
        value += '"';
        i = q + 2;
        continue;
      }
      i = q + 1;
      if (i < text.length && !',\n\r'.includes(text[i]!))
        throw new Error(`text after a closing quote at ${i}`);
      return value;
    }
  };
  while (i < text.length) {
    record.push(field());
    if (text[i] === ',') {
      i++;
      continue;
    }
    // End of record: LF or CRLF (or the end of the text).
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    records.push(record);
    record = [];
  }
  return records;
}
