/**
 * Main-process lifecycle, and nothing else: every rule lives in its own file
 * (security.ts, protocol.ts, ipc.ts, window.ts, printHost.ts, preferences.ts).
 */
import path from 'node:path';
import { app, dialog, globalShortcut, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import { startCore, type Core } from '../core/bootstrap';
import { registerIpc } from './ipc';
import { createPreferencesStore } from './preferences';
import { createElectronPrintHost } from './printHost';
import { createElectronFileSaver } from './fileSaver';
import { createPrintStore } from './printStore';
import { handleAppProtocol, registerSchemePrivileged } from './protocol';
import { hardenApp } from './security';
import { startupErrorText } from './startupErrors';
import { createMainWindow } from './window';
import { registerGlobalShortcuts } from './shortcuts';

const APP_ID = 'tw.gov.kcg.dsacp.desk';

// Privileges can only be granted before 'ready'.
registerSchemePrivileged();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function start(): void {
  hardenApp(app, session.defaultSession);
  // The default menu offers Reload and Toggle Developer Tools; an installed desk app needs neither.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  const appRoot = app.getAppPath();
  const printStore = createPrintStore();
  handleAppProtocol(protocol, path.join(appRoot, 'dist/renderer'), printStore);

  const prefs = createPreferencesStore();
  const printHost = createElectronPrintHost({ store: printStore, mainWindow: () => mainWindow });
  const fileSaver = createElectronFileSaver({ mainWindow: () => mainWindow });
  const dbFile = path.join(app.getPath('userData'), 'desk.sqlite3');
  try {
    core = startCore({
      dbFile,
      appRoot,
      clock: () => new Date(),
      prefs,
      printHost,
      fileSaver,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  } catch (e) {
    // A database from a newer version is refused before any migration runs; say so and stop.
    console.error(e);
    const { title, body } = startupErrorText(e, dbFile);
    dialog.showErrorBox(title, body);
    app.exit(1);
    return;
  }

  registerIpc(ipcMain, core.dispatcher);
  mainWindow = createMainWindow(prefs);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  const unavailable = registerGlobalShortcuts(globalShortcut, () => mainWindow);
  if (unavailable.length) console.warn(`Global shortcuts taken by another program: ${unavailable.join(', ')}`);
}

// A second copy would open the same SQLite file and fight over the printer queue.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    globalShortcut.unregisterAll();
    try {
      core?.close();
    } catch (e) {
      // Quitting must not hang on a database that is already gone.
      console.error(e);
    }
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error(e);
      const { title, body } = startupErrorText(e, path.join(app.getPath('userData'), 'desk.sqlite3'));
      dialog.showErrorBox(title, body);
      app.exit(1);
    });
}
