// The status line of `orchlab report` on a large result: each stage replaces the last, the line is
// cleared at the end, and nothing is written when it is not to be drawn (not a terminal, --quiet).
import { describe, expect, it } from 'vitest';
import { createStageLine, sizeText } from '../../src/cli/stage-line.js';

function sink() {
  const writes: string[] = [];
  return { writes, write: (t: string) => writes.push(t), isTTY: true };
}

describe('createStageLine', () => {
  it('draws each stage over the last and clears the line once', () => {
    const s = sink();
    const line = createStageLine(s, true);
    line.show('reading r.json (571 MB)…');
    line.show('drawing r.html…');
    line.clear();
    line.clear();
    expect(s.writes).toEqual(['\r\x1b[Kreading r.json (571 MB)…', '\r\x1b[Kdrawing r.html…', '\r\x1b[K']);
  });

  it('writes nothing when not drawn, and clears nothing it did not draw', () => {
    const s = sink();
    const line = createStageLine(s, false);
    line.show('reading r.json (571 MB)…');
    line.clear();
    createStageLine(s, true).clear();
    expect(s.writes).toEqual([]);
  });
});

describe('sizeText', () => {
  it.each([
    [0, '1 KB'],
    [1536, '2 KB'],
    [16 * 1024 * 1024, '16.0 MB'],
    [571 * 1024 * 1024 + 5, '571 MB'],
    [1.5 * 1024 ** 3, '1.50 GB'],
  ])('%d bytes: %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
