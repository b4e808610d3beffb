/**
 * The Electron side of printing (electron/core/print/host.ts): the core hands over a
 * finished, self-contained HTML document; we put it on paper or into a PDF from a hidden,
 * sandboxed window without a preload, one job at a time.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  type PrinterInfo as ElectronPrinterInfo,
  type PrintToPDFOptions,
  type SaveDialogOptions,
  type WebContents,
  type WebContentsPrintOptions,
  type WebPreferences,
} from 'electron';
import type { PrinterInfo } from '../../shared/api/channels/print';
import { appError } from '../core/errors';
import type { PrintHost } from '../core/print/host';
import type { PrintDocument } from '../core/print/page';
import type { PrintStore } from './printStore';
import { APP_ORIGIN, PRINT_PATH_PREFIX } from './security';
import { createSerialQueue, TimeoutError, withTimeout } from './serialQueue';

export const PRINT_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 30_000;
const FONTS_TIMEOUT_MS = 15_000;

/**
 * No preload, so the document has no bridge to main at all. JavaScript stays on only so
 * main can await `document.fonts.ready`; the document's own CSP allows no script of its own.
 */
export const PRINT_WINDOW_PREFERENCES: WebPreferences = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  javascript: true,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
};

export function printUrl(token: string): string {
  return `${APP_ORIGIN}${PRINT_PATH_PREFIX}${encodeURIComponent(token)}`;
}

/**
 * Since Electron 25 print() without pageSize assumes A4, which shrinks an 80 mm slip onto
 * A4 (electron/electron#39670), so the receipt size is given explicitly in microns.
 * Margins come from the document's own `@page` rule, hence marginType 'none'.
 */
export function printOptionsFor(format: PrintDocument['format'], target: { deviceName: string; copies: number }): WebContentsPrintOptions {
  return {
    silent: true,
    // An empty name means the system default printer, which Electron picks when the key is absent.
    ...(target.deviceName ? { deviceName: target.deviceName } : {}),
    copies: target.copies,
    printBackground: true,
    margins: { marginType: 'none' },
    pageSize: format === 'receipt80' ? { width: 80_000, height: 297_000 } : 'A4',
  };
}

/**
 * Zero margins as Playwright's page.pdf() sends them, which is what the print tests read
 * back; the document's `@page` margins then place the content (Electron's own default
 * would add ~1 cm on every side).
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
};

/** Electron dropped `isDefault` from PrinterInfo (Chromium stopped reporting it); older builds still send it. */
export function toPrinterInfo(p: ElectronPrinterInfo): PrinterInfo {
  const legacy: unknown = (p as ElectronPrinterInfo & { isDefault?: unknown }).isDefault;
  return { name: p.name, displayName: p.displayName || p.name, isDefault: legacy === true };
}

/** A name Windows, macOS and Linux all accept, still ending in .pdf. */
export function safePdfName(suggested: string): string {
  const cleaned = suggested
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 150)
    .trim();
  const base = cleaned === '' || cleaned.toLowerCase() === '.pdf' ? 'document.pdf' : cleaned;
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

export interface ElectronPrintHostDeps {
  store: PrintStore;
  /** the window whose printer list we read and over which dialogs open */
  mainWindow: () => BrowserWindow | null;
  log?: (message: string, error?: unknown) => void;
}

export function createElectronPrintHost(deps: ElectronPrintHostDeps): PrintHost {
  const log = deps.log ?? ((message, error) => console.error(message, error ?? ''));
  // Two jobs sharing a printer driver at once is where blank pages and lost jobs come from.
  const enqueue = createSerialQueue();

  const liveMainWindow = (): BrowserWindow | null => {
    const win = deps.mainWindow();
    return win && !win.isDestroyed() ? win : null;
  };

  async function waitForFonts(contents: WebContents): Promise<void> {
    // Printing before the embedded fonts decode prints blank or fallback glyphs (electron/electron#22379).
    const script =
      'document.fonts.ready.then(() => Promise.all(Array.from(document.images, (i) => i.decode().catch(() => null)))).then(() => true)';
    try {
      await withTimeout(contents.executeJavaScript(script) as Promise<unknown>, FONTS_TIMEOUT_MS, 'waiting for fonts');
    } catch (e) {
      // Still print: a page in a fallback face is better than no page at the counter.
      log('print: fonts not confirmed ready', e);
    }
  }

  async function withDocument<T>(doc: PrintDocument, use: (contents: WebContents) => Promise<T>): Promise<T> {
    const token = deps.store.put(doc.html);
    const win = new BrowserWindow({ show: false, title: doc.title, webPreferences: PRINT_WINDOW_PREFERENCES });
    try {
      // loadURL settles on did-finish-load (and rejects on did-fail-load).
      await withTimeout(win.loadURL(printUrl(token)), LOAD_TIMEOUT_MS, 'loading the print document');
      await waitForFonts(win.webContents);
      return await use(win.webContents);
    } finally {
      deps.store.discard(token);
      if (!win.isDestroyed()) win.destroy();
    }
  }

  function failure(e: unknown): Error {
    log('print: job failed', e);
    if (e instanceof TimeoutError) return appError('internal', 'print.timedOut');
    return appError('internal', 'print.failed', { params: { reason: e instanceof Error ? e.message : String(e) } });
  }

  return {
    async listPrinters() {
      const win = liveMainWindow();
      if (!win) return [];
      return (await win.webContents.getPrintersAsync()).map(toPrinterInfo);
    },

    async print(doc, target) {
      try {
        await enqueue(() =>
          withDocument(doc, (contents) =>
            withTimeout(
              new Promise<void>((resolve, reject) => {
                contents.print(printOptionsFor(doc.format, target), (success, reason) =>
                  success ? resolve() : reject(new Error(reason || 'Print job failed')),
                );
              }),
              PRINT_TIMEOUT_MS,
              'printing',
            ),
          ),
        );
      } catch (e) {
        throw failure(e);
      }
    },

    async savePdf(doc, suggestedName) {
      // Ask first, outside the queue: a person choosing a folder must not hold up a slip
      // another window is printing.
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), safePdfName(suggestedName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const parent = liveMainWindow();
      const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return null;
      try {
        const pdf = await enqueue(() =>
          withDocument(doc, (contents) =>
            withTimeout(contents.printToPDF(PDF_OPTIONS), PRINT_TIMEOUT_MS, 'writing the PDF'),
          ),
        );
        await writeFile(filePath, pdf);
      } catch (e) {
        throw failure(e);
      }
      return filePath;
    },
  };
}
