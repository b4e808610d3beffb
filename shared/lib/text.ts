/**
 * Text normalisation shared by every input the desk staff type in.
 *
 * Taiwanese IMEs happily produce full-width digits and Latin letters
 * (e.g. `０９１２` or `Ａ１２３`), so anything we compare or validate must be
 * folded to plain ASCII first or the same value would look different.
 */

// Full-width ASCII variants sit at a fixed distance from their ASCII originals.
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space (U+3000) → space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}

/** Folds text so that searches ignore width, case and stray spacing. */
export function normalizeSearchText(s: string): string {
  return toHalfWidth(s).trim().replace(/\s+/g, ' ').toLowerCase();
}
