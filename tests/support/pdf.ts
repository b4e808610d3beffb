/**
 * Renders print HTML to PDF in real Chromium and reads it back with poppler,
 * so tests check what a printer would actually receive: embedded fonts,
 * page size and extractable text (no tofu).
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browserPromise: Promise<Browser> | null = null;

// One browser per test process: launching Chromium costs far more than a render.
function browser(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return browserPromise;
}

export async function htmlToPdf(html: string, outFile: string): Promise<void> {
  const context = await (await browser()).newContext();
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // Data-URL fonts load asynchronously; printing before they settle would
    // silently fall back to a system font.
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

export async function closeBrowser(): Promise<void> {
  const pending = browserPromise;
  browserPromise = null;
  if (pending) await (await pending).close();
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Raw `pdffonts` table: name, type, encoding, emb, sub, uni, object id. */
export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

export interface PdfFontRow {
  name: string;
  embedded: boolean;
  unicode: boolean;
}

/** Parses `pdffonts` output; the yes/no columns are the last four-but-one fields. */
export function pdfFontRows(file: string): PdfFontRow[] {
  return pdfFonts(file)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      // ... emb sub uni objectNum generation
      const n = fields.length;
      return { name: fields[0] ?? '', embedded: fields[n - 5] === 'yes', unicode: fields[n - 3] === 'yes' };
    });
}

export function pdfPageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return m ? Number(m[1]) : 0;
}

/** Size of the first page in PostScript points (1 pt = 1/72 in; A4 ≈ 595×842). */
export function pdfPageSizePt(file: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  if (!m) throw new Error(`pdfinfo reported no page size for ${file}:\n${info}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}
