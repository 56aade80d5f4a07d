// CSV records (RFC 4180, simply): fields split at commas; a field that starts with '"' runs to
// the closing '"', may hold commas and line breaks, and writes a quote as '""'.

/**
 * The fields of one CSV record, or undefined when a quoted field is still open at the end of
 * `text`: the record goes on in the next line (join them with '\n' and call again).
 */
export function splitCsvRecord(text: string): string[] | undefined {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (atFieldStart && c === '"') {
      // Quoted field: up to the closing quote; '""' is a literal quote.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return undefined;
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      atFieldStart = false;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else {
      field += c;
      atFieldStart = false;
      i++;
    }
  }
  fields.push(field);
  return fields;
}
