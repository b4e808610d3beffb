import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { test as base, expect, type Page } from '@playwright/test';
import { CHANNEL_NAMES } from '../../shared/api/contract';
import type { EventName } from '../../shared/api/events';
import { startCore, type Core, type StartOptions } from '../../electron/core/bootstrap';
import { memoryPreferences } from '../../electron/core/prefs/memoryStore';
import type { PrintHost } from '../../electron/core/print/host';
import type { FileSaver } from '../../electron/core/context';
import { htmlToPdf } from '../support/pdf';
import { sourceBackupWorker } from '../support/backupWorker';

const ROOT = path.resolve(__dirname, '../..');
// DESK_RENDERER_DIR lets parallel work build into separate folders.
const RENDERER_DIR = path.resolve(ROOT, process.env.DESK_RENDERER_DIR ?? 'dist/renderer');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the Vite build the way the app:// protocol does (files only, no traversal). */
export function serveRenderer(): Promise<{ url: string; close(): void }> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(RENDERER_DIR, rel);
    if (!file.startsWith(RENDERER_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

/** Stands in for Electron's printing: the same HTML becomes a PDF in Chromium, "printed" pages included. */
function pdfPrintHost(dir: string): PrintHost & { printed: string[] } {
  const printed: string[] = [];
  return {
    printed,
    listPrinters: async () => [
      { name: 'Office_A4', displayName: 'Office A4', isDefault: true },
      { name: 'Receipt_80mm', displayName: 'Receipt 80 mm', isDefault: false },
    ],
    async print(doc, { deviceName, copies }) {
      const file = path.join(dir, `printed-${printed.length + 1}-${deviceName}-x${copies}.pdf`);
      await htmlToPdf(doc.html, file);
      printed.push(file);
    },
    async savePdf(doc, suggestedName) {
      const file = path.join(dir, suggestedName.replace(/[\\/:*?"<>|]/g, '_'));
      await htmlToPdf(doc.html, file);
      return file;
    },
  };
}

/** Stands in for the save dialog: exports land in the test's temp folder, where the test can open them. */
function tempFileSaver(dir: string): FileSaver & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    async saveFile(bytes, suggestedName) {
      const file = path.join(dir, suggestedName.replace(/[\\/:*?"<>|]/g, '_'));
      fs.writeFileSync(file, bytes);
      saved.push(file);
      return file;
    },
  };
}

export interface Desk {
  page: Page;
  core: Core;
  dir: string;
  printHost: ReturnType<typeof pdfPrintHost>;
  /** files written by exports (XLSX, CSV), in order */
  fileSaver: ReturnType<typeof tempFileSaver>;
  /** sends a main-process signal (shared/api/events.ts) to the page, as the app's global shortcut would */
  emit(event: EventName): Promise<void>;
  /** saves a screenshot under tests/artifacts for a person to look at */
  shot(name: string): Promise<void>;
  /** opens another window of the app (a second page, its own session) at `#/<route>`, e.g. the visitor screen */
  openWindow(route: string, sender: string): Promise<Page>;
  /** windows the app opened itself through the `windows` port (the visitor screen) */
  visitorPages: Page[];
}

/**
 * A fresh application per test: temporary database, real dispatch table, the built
 * renderer in Chromium with window.api forwarded through page.exposeBinding.
 */
/** Per-spec start options, e.g. `test.use({ deskStart: { dbKey } })` for an encrypted database. */
export type DeskStart = Pick<StartOptions, 'dbKey' | 'safety'>;

export const test = base.extend<{ desk: Desk; deskStart: DeskStart }>({
  deskStart: [{}, { option: true }],
  desk: async ({ page, deskStart }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const printHost = pdfPrintHost(dir);
    const fileSaver = tempFileSaver(dir);
    // The visitor-facing window the app opens on request ('counter:openVisitorScreen').
    const visitorPages: Page[] = [];
    let openVisitor: () => Promise<boolean> = async () => false;
    const core = startCore({
      windows: { openVisitorScreen: () => openVisitor() },
      dbFile: path.join(dir, 'desk.sqlite3'),
      appRoot: ROOT,
      clock: () => new Date(),
      prefs: memoryPreferences(),
      printHost,
      fileSaver,
      sleep: async () => undefined,
      scryptCost: 2 ** 12,
      dbKey: deskStart.dbKey,
      // Backups, if a test makes any, stay in the test's own folder, and run on a worker as in the app.
      safety: { defaultBackupDir: path.join(dir, 'backups'), backupWorker: sourceBackupWorker, ...deskStart.safety },
    });
    const server = await serveRenderer();
    // Each window is its own sender (its own session), as each BrowserWindow is in the app.
    const bindApi = async (target: Page, sender: string) => {
      await target.exposeBinding('__deskInvoke', (_source, channel: string, payload: unknown) => core.dispatcher.dispatch(sender, channel, payload));
      await target.addInitScript((names: string[]) => {
        const w = window as unknown as { api: Record<string, Record<string, (p: unknown) => Promise<unknown>>>; __deskInvoke(c: string, p: unknown): Promise<unknown> };
        const api: Record<string, Record<string, (p: unknown) => Promise<unknown>>> = {};
        for (const name of names) {
          const [domain, method] = name.split(':') as [string, string];
          (api[domain] ??= {})[method] = (p: unknown) => w.__deskInvoke(name, p ?? {});
        }
        // Main's signals arrive here as DOM events `desk:<name>` (see Desk.emit).
        (api as unknown as { on: unknown }).on = (event: string, listener: () => void) => {
          const h = () => listener();
          window.addEventListener(`desk:${event}`, h);
          return () => window.removeEventListener(`desk:${event}`, h);
        };
        w.api = api;
      }, CHANNEL_NAMES);
    };
    await bindApi(page, 'e2e-window');
    await page.goto(server.url);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const slug = testInfo.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const emit = (event: EventName) => page.evaluate((name) => void window.dispatchEvent(new Event(`desk:${name}`)), event);
    const openWindow = async (route: string, sender: string) => {
      const second = await page.context().newPage();
      await bindApi(second, sender);
      await second.goto(`${server.url}#/${route}`);
      return second;
    };
    openVisitor = async () => {
      if (visitorPages.length === 0) visitorPages.push(await openWindow('visitor', 'visitor-window'));
      // The app shows the visitor window inactive: the clerk's window keeps the keyboard.
      await page.bringToFront();
      return true;
    };
    await use({ page, core, dir, printHost, fileSaver, emit, openWindow, visitorPages, shot: (name) => page.screenshot({ path: path.join(ARTIFACTS, `${slug}-${name}.png`), fullPage: true }).then(() => undefined) });
    server.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/**
 * In the open print preview: "save as PDF", wait for it, close the preview; the saved file's
 * path. With `copyPrefix`, a copy is left in the temp folder (the fixture's is removed after
 * the test) for a person to look at.
 */
export async function savePdfFromPreview(page: Page, copyPrefix?: string): Promise<string> {
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toBeVisible({ timeout: 30_000 });
  const file = ((await page.getByTestId('print-done').textContent()) ?? '').replace(/^已儲存：/, '');
  await page.getByRole('button', { name: '關閉' }).click();
  if (copyPrefix) fs.copyFileSync(file, path.join(os.tmpdir(), `${copyPrefix}${path.basename(file)}`));
  return file;
}
