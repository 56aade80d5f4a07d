// Text widths without a browser, from the advance widths of DejaVu Sans (the first font the charts
// ask for, and wider than Helvetica or Arial, so text measured here fits in those too). Used to
// lay out SVG files drawn in Node (vega's own guess, 0.8 × size per character, made titles twice
// as wide as they are) and to shorten policy labels to a width. Kerning is ignored: a little wide.

// Advance widths in thousandths of the font size, code points 32 (space) to 126 (~), measured
// from DejaVu Sans and DejaVu Sans Bold.
const NORMAL = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** Other characters the report writes: [regular, bold]. */
const OTHER: Readonly<Record<string, readonly [number, number]>> = {
  '…': [1000, 1000],
  '×': [838, 838],
  '–': [500, 500],
  '—': [1000, 1000],
  '’': [318, 380],
  '‘': [318, 380],
  '“': [518, 657],
  '”': [518, 657],
  '±': [838, 838],
  '≤': [838, 838],
  '≥': [838, 838],
  '·': [318, 380],
  '★': [896, 896],
  '−': [838, 838],
  '→': [838, 838],
  '°': [500, 500],
  µ: [636, 736],
};

/** East Asian wide characters take a full em; anything else unknown is taken as a wide letter. */
const unknown = (code: number, bold: boolean): number =>
  code >= 0x2e80 && code <= 0xffdc ? 1000 : bold ? 780 : 700;

/** Width in pixels of `text` in DejaVu Sans at `fontSize` pixels, bold or regular. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) thousandths += (bold ? BOLD : NORMAL)[code - 32]!;
    else thousandths += OTHER[ch]?.[bold ? 1 : 0] ?? unknown(code, bold);
  }
  return (thousandths * fontSize) / 1000;
}

/** Whether a vega font weight is bold (`bold`, `bolder` or 600 and up). */
export function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}
