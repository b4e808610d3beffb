/**
 * CJK font embedding for printed documents.
 *
 * The desk PCs' installed fonts vary (some lack a Traditional Chinese sans
 * entirely, some substitute a Simplified-Chinese face with wrong glyph
 * shapes), so every printed page carries its own font as data: URLs. The
 * full Noto Sans TC is ~70 MB of woff2, far too much to inline, so we reuse
 * the unicode-range slices @fontsource ships and embed only the slices whose
 * ranges cover characters the document actually contains.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type FontWeight = 400 | 700;

export interface FontSlice {
  weight: FontWeight;
  /** absolute path to the woff2 file */
  file: string;
  /** inclusive code point ranges */
  ranges: Array<[number, number]>;
}

/** Our own family name, so a same-named system font can never stand in. */
export const DOC_FONT_FAMILY = 'DocSans';

const WEIGHTS: readonly FontWeight[] = [400, 700];

interface RangeLookup {
  /** ranges of one weight sorted by start, for binary search per code point */
  entries: Array<{ start: number; end: number; slice: number }>;
  /** running maximum of `end` over entries[0..i] */
  maxEnd: number[];
}

interface FontIndex {
  slices: FontSlice[];
  lookup: Map<FontWeight, RangeLookup>;
  latin: number[];
}

const indexCache = new Map<string, FontIndex>();
const base64Cache = new Map<string, string>();

/** Parses one `unicode-range` token: `U+4E00-9FFF`, `U+3000` or `U+1F??`. */
export function parseUnicodeRange(token: string): [number, number] {
  const m = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(token.trim());
  if (!m || m[1] === undefined) throw new Error(`Bad unicode-range token: ${token}`);
  const first = m[1];
  if (first.includes('?')) {
    if (m[2] !== undefined) throw new Error(`Bad unicode-range token: ${token}`);
    return [parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'F'), 16)];
  }
  const start = parseInt(first, 16);
  const end = m[2] === undefined ? start : parseInt(m[2], 16);
  return [start, end];
}

function parseCss(css: string, cssDir: string, weight: FontWeight): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? '';
    // The woff fallback in the same src list is for old browsers; Chromium reads woff2.
    const url = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(body)?.[1];
    const range = /unicode-range\s*:\s*([^;]+)/.exec(body)?.[1];
    const declaredWeight = Number(/font-weight\s*:\s*(\d+)/.exec(body)?.[1] ?? weight);
    if (!url || !range || declaredWeight !== weight) continue;
    slices.push({
      weight,
      file: resolve(cssDir, url),
      ranges: range.split(',').map(parseUnicodeRange),
    });
  }
  return slices;
}

function buildIndex(fontDir: string): FontIndex {
  const slices: FontSlice[] = [];
  for (const weight of WEIGHTS) {
    const cssFile = join(fontDir, `${weight}.css`);
    const found = parseCss(readFileSync(cssFile, 'utf8'), fontDir, weight);
    if (found.length === 0) throw new Error(`No woff2 @font-face rules in ${cssFile}`);
    slices.push(...found);
  }
  const lookup = new Map<FontWeight, RangeLookup>();
  for (const weight of WEIGHTS) {
    const entries: Array<{ start: number; end: number; slice: number }> = [];
    slices.forEach((s, slice) => {
      if (s.weight !== weight) return;
      for (const [start, end] of s.ranges) entries.push({ start, end, slice });
    });
    entries.sort((a, b) => a.start - b.start);
    let reach = -1;
    const maxEnd = entries.map((e) => (reach = Math.max(reach, e.end)));
    lookup.set(weight, { entries, maxEnd });
  }
  // Digits, punctuation and Latin letters appear in every document (dates,
  // login names), and an empty body still needs a font for the page footer.
  // Some CJK slices also list ASCII code points; for overlapping ranges CSS
  // uses the face declared last, which in @fontsource's order (kept below)
  // is the Latin slice, so that is the one ASCII text needs.
  const latin = WEIGHTS.flatMap((weight) => {
    let last = -1;
    slices.forEach((s, i) => {
      if (s.weight === weight && s.ranges.some(([a, b]) => a <= 0x41 && 0x41 <= b)) last = i;
    });
    return last >= 0 ? [last] : [];
  });
  return { slices, lookup, latin };
}

function fontIndex(fontDir: string): FontIndex {
  const key = resolve(fontDir);
  let index = indexCache.get(key);
  if (!index) {
    index = buildIndex(key);
    indexCache.set(key, index);
  }
  return index;
}

/** All 400/700 slices described by `400.css` / `700.css` in an @fontsource package dir. */
export function loadFontSlices(fontDir: string): FontSlice[] {
  return fontIndex(fontDir).slices;
}

/** Indices of slices covering `cp`; ranges may overlap (e.g. U+0304 is in two slices). */
function slicesFor(lookup: RangeLookup, cp: number, out: Set<number>): void {
  const { entries, maxEnd } = lookup;
  // Last entry whose start <= cp; everything after it starts too late.
  let lo = 0;
  let hi = entries.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid]?.start ?? Infinity) <= cp) {
      last = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // maxEnd[i] is the furthest any entry 0..i reaches, so once it falls below
  // cp no earlier entry can cover cp either.
  for (let i = last; i >= 0 && (maxEnd[i] ?? -1) >= cp; i--) {
    const entry = entries[i];
    if (entry !== undefined && entry.end >= cp) out.add(entry.slice);
  }
}

function base64Of(file: string): string {
  let data = base64Cache.get(file);
  if (data === undefined) {
    data = readFileSync(file).toString('base64');
    base64Cache.set(file, data);
  }
  return data;
}

function formatRange([start, end]: [number, number]): string {
  const hex = (n: number): string => n.toString(16).toUpperCase();
  return start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`;
}

/**
 * @font-face rules (family `DocSans`, both weights) for just the slices
 * needed to draw `text`. Pass every string the page can show, including
 * CSS-generated content such as page-number footers.
 */
export function fontFaceCss(text: string, fontDir: string): string {
  const index = fontIndex(fontDir);
  const wanted = new Set<number>(index.latin);
  const codePoints = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    // ASCII is always drawn from the Latin slice (see buildIndex).
    if (cp !== undefined && cp > 0x7f) codePoints.add(cp);
  }
  for (const weight of WEIGHTS) {
    const lookup = index.lookup.get(weight);
    if (lookup) for (const cp of codePoints) slicesFor(lookup, cp, wanted);
  }
  // Source order matters: with overlapping ranges the last-declared face wins.
  return [...wanted]
    .sort((a, b) => a - b)
    .map((i) => {
      const slice = index.slices[i];
      if (!slice) return '';
      return `@font-face{font-family:'${DOC_FONT_FAMILY}';font-style:normal;font-weight:${slice.weight};` +
        // block: a print must never be captured with a fallback face mid-swap.
        `font-display:block;src:url(data:font/woff2;base64,${base64Of(slice.file)}) format('woff2');` +
        `unicode-range:${slice.ranges.map(formatRange).join(',')};}`;
    })
    .join('\n');
}
