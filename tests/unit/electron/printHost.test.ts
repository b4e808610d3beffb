import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';

type PrintCallback = (success: boolean, reason: string) => void;

const fake = vi.hoisted(() => {
  class FakeContents {
    executeJavaScript = vi.fn((_code: string) => Promise.resolve(true));
    print = vi.fn((options: unknown, callback: PrintCallback) => fake.onPrint(options, callback));
    printToPDF = vi.fn((_options: unknown) => Promise.resolve(Buffer.from('%PDF-1.7 test')));
    getPrintersAsync = vi.fn(() =>
      Promise.resolve([
        { name: 'Brother_QL', displayName: 'Brother QL-820', description: '', options: {} },
        { name: 'HP_A4', displayName: '', description: '', options: {}, isDefault: true },
      ]),
    );
  }
  class FakeWindow {
    static all: FakeWindow[] = [];
    destroyed = false;
    webContents = new FakeContents();
    loadURL = vi.fn((_url: string) => Promise.resolve());
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.all.push(this);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    FakeWindow,
    onPrint: (_options: unknown, callback: PrintCallback): void => callback(true, ''),
    dialog: { showSaveDialog: vi.fn() },
    app: { getPath: (_name: string) => '/home/desk/Documents' },
  };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, dialog: fake.dialog, app: fake.app }));

import type { BrowserWindow } from 'electron';
import type { PrintDocument } from '../../../electron/core/print/page';
import {
  createElectronPrintHost,
  PDF_OPTIONS,
  PRINT_TIMEOUT_MS,
  PRINT_WINDOW_PREFERENCES,
  printOptionsFor,
  safePdfName,
} from '../../../electron/main/printHost';
import { createPrintStore } from '../../../electron/main/printStore';

const slip: PrintDocument = { kind: 'counter.slip', title: '指引單', format: 'receipt80', html: '<!doctype html><p>slip</p>' };
const a4: PrintDocument = { kind: 'accounts.list', title: 'Accounts', format: 'a4', html: '<!doctype html><p>a4</p>' };

function host(mainWindow: InstanceType<typeof fake.FakeWindow> | null = null) {
  const store = createPrintStore();
  const printHost = createElectronPrintHost({
    store,
    mainWindow: () => mainWindow as unknown as BrowserWindow | null,
    log: () => undefined,
  });
  return { store, printHost };
}

afterEach(() => {
  fake.FakeWindow.all = [];
  fake.onPrint = (_o, callback) => callback(true, '');
  fake.dialog.showSaveDialog.mockReset();
  vi.useRealTimers();
});

describe('print options', () => {
  test('an 80 mm slip is printed on 80 mm paper, A4 on A4, margins from the document', () => {
    expect(printOptionsFor('receipt80', { deviceName: 'Brother_QL', copies: 2 })).toEqual({
      silent: true,
      deviceName: 'Brother_QL',
      copies: 2,
      printBackground: true,
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 297_000 },
    });
    expect(printOptionsFor('a4', { deviceName: '', copies: 1 })).toEqual({
      silent: true,
      copies: 1,
      printBackground: true,
      margins: { marginType: 'none' },
      pageSize: 'A4',
    });
  });

  test('the print window has no preload and full isolation', () => {
    expect(PRINT_WINDOW_PREFERENCES).not.toHaveProperty('preload');
    expect(PRINT_WINDOW_PREFERENCES).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true });
    expect(PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, printBackground: true });
  });

  test.each([
    ['Accounts.pdf', 'Accounts.pdf'],
    ['帳號清單', '帳號清單.pdf'],
    ['a/b:c*?"<>|.pdf', 'a_b_c______.pdf'],
    ['trailing. ', 'trailing.pdf'],
    ['', 'document.pdf'],
  ])('file name %j → %j', (given, expected) => {
    expect(safePdfName(given)).toBe(expected);
  });
});

describe('createElectronPrintHost', () => {
  test('prints from a hidden window on app://desk/__print/ and always destroys it', async () => {
    const { store, printHost } = host();
    await printHost.print(slip, { deviceName: 'Brother_QL', copies: 1 });
    const [win] = fake.FakeWindow.all;
    expect(win?.options).toMatchObject({ show: false, webPreferences: PRINT_WINDOW_PREFERENCES });
    expect(win?.loadURL.mock.calls[0]?.[0]).toMatch(/^app:\/\/desk\/__print\/[0-9a-f-]{36}$/);
    expect(win?.webContents.executeJavaScript.mock.calls[0]?.[0]).toContain('document.fonts.ready');
    expect(win?.webContents.print.mock.calls[0]?.[0]).toEqual(printOptionsFor('receipt80', { deviceName: 'Brother_QL', copies: 1 }));
    expect(win?.destroyed).toBe(true);
    expect(store.size).toBe(0);
  });

  test('jobs run one at a time', async () => {
    const pending: PrintCallback[] = [];
    fake.onPrint = (_o, callback) => void pending.push(callback);
    const { printHost } = host();
    const first = printHost.print(slip, { deviceName: '', copies: 1 });
    const second = printHost.print(a4, { deviceName: '', copies: 1 });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(fake.FakeWindow.all).toHaveLength(1);
    pending[0]?.(true, '');
    await first;
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    expect(fake.FakeWindow.all).toHaveLength(2);
    pending[1]?.(true, '');
    await second;
  });

  test('a failed job becomes a translatable error and the next job still runs', async () => {
    fake.onPrint = (_o, callback) => callback(false, 'Print job failed');
    const { printHost } = host();
    await expect(printHost.print(a4, { deviceName: 'HP_A4', copies: 1 })).rejects.toMatchObject({
      error: { code: 'internal', messageKey: 'print.failed', params: { reason: 'Print job failed' } },
    });
    expect(fake.FakeWindow.all[0]?.destroyed).toBe(true);
    fake.onPrint = (_o, callback) => callback(true, '');
    await expect(printHost.print(a4, { deviceName: 'HP_A4', copies: 1 })).resolves.toBeUndefined();
  });

  test('a job the driver never answers times out after 60 s', async () => {
    vi.useFakeTimers();
    fake.onPrint = () => undefined;
    const { printHost } = host();
    const job = printHost.print(a4, { deviceName: 'HP_A4', copies: 1 });
    const outcome = expect(job).rejects.toMatchObject({ error: { messageKey: 'print.timedOut' } });
    await vi.advanceTimersByTimeAsync(PRINT_TIMEOUT_MS + 1);
    await outcome;
    expect(fake.FakeWindow.all[0]?.destroyed).toBe(true);
  });

  test('save as PDF: cancel writes nothing, a chosen path gets the PDF', async () => {
    const main = new fake.FakeWindow({});
    const { printHost } = host(main);
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(printHost.savePdf(a4, 'Accounts.pdf')).resolves.toBeNull();
    expect(fake.FakeWindow.all).toHaveLength(1);
    expect(fake.dialog.showSaveDialog.mock.calls[0]?.[1]).toEqual({
      defaultPath: path.join('/home/desk/Documents', 'Accounts.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pdf-'));
    const target = path.join(dir, 'out.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(printHost.savePdf(a4, 'Accounts.pdf')).resolves.toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    expect(fake.FakeWindow.all[1]?.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(fake.FakeWindow.all[1]?.destroyed).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('printers come from the main window, named as the OS names them', async () => {
    expect(await host().printHost.listPrinters()).toEqual([]);
    const main = new fake.FakeWindow({});
    expect(await host(main).printHost.listPrinters()).toEqual([
      { name: 'Brother_QL', displayName: 'Brother QL-820', isDefault: false },
      { name: 'HP_A4', displayName: 'HP_A4', isDefault: true },
    ]);
  });
});
