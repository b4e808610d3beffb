/**
 * Thermal paper has no page length, but the print pipeline needs one (see printCss.ts), so a
 * receipt's length is estimated from its text: too short cuts the slip in two, a little too
 * long only feeds blank paper.
 */

/** 74 mm of printable width at 10 pt holds about 21 CJK characters. */
const UNITS_PER_LINE = 21;
/** 10 pt × line-height 1.4 ≈ 5 mm per line. */
const LINE_MM = 5;

/** Width in "CJK character" units: full-width glyphs count 1, Latin letters and digits about half. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.55;
  return w;
}

function lines(text: string): number {
  return text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(width(para) / UNITS_PER_LINE)), 0);
}

export function estimateReceiptMm(texts: readonly string[], fixedMm: number): number {
  const textLines = texts.filter((t) => t !== '').reduce((n, t) => n + lines(t), 0);
  // Word wrapping wastes part of most lines; 25% more keeps the estimate on the safe side.
  return Math.ceil(fixedMm + textLines * LINE_MM * 1.25);
}
