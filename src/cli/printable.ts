// A message may quote what the user gave (a YAML value, a trace field, a flag): control
// characters in it (NUL, ESC, a carriage return) would reach the terminal raw, where an escape
// sequence can garble or recolour the screen. They are written as \xNN (\uNNNN for the Unicode
// bidirectional controls, which reorder the text around them); tabs and newlines are kept.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(message: string): string {
  return message.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
