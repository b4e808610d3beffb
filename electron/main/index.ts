/**
 * Main-process lifecycle, and nothing else: every rule lives in its own file
 * (security.ts, protocol.ts, ipc.ts, window.ts, printHost.ts, preferences.ts; the database key
 * and the safety jobs in dbKey.ts and safetyGlue.ts).
 */
import path from 'node:path';
import { app, dialog, globalShortcut, ipcMain, Menu, powerMonitor, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { startCore, type Core } from '../core/bootstrap';
import { DatabaseKeyError } from '../core/db/open';
import { createRecoveryDispatcher } from '../core/safety/recovery';
import { fileKeyStore, loadOrCreateDbKey, opensDatabase, storeDbKey } from './dbKey';
import { sendEvent } from './events';
import { backupWorkerSpawner, closeOnQuit, folderPicker, keyringUnavailableText, lockOnSystemEvents, relaunchSoon, safetyPaths, scheduleSafetyJobs } from './safetyGlue';
import { registerIpc } from './ipc';
import { createPreferencesStore, type AppPreferences } from './preferences';
import { createElectronPrintHost } from './printHost';
import { createElectronFileSaver } from './fileSaver';
import { createPrintStore } from './printStore';
import { handleAppProtocol, registerSchemePrivileged } from './protocol';
import { hardenApp } from './security';
import { startupErrorText } from './startupErrors';
import { createMainWindow } from './window';
import { registerGlobalShortcuts } from './shortcuts';
import { openVisitorWindow } from './visitorWindow';

const APP_ID = 'tw.gov.kcg.dsacp.desk';

// Privileges can only be granted before 'ready'.
registerSchemePrivileged();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let stopSafetyJobs: (() => void) | null = null;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindow(prefs: AppPreferences): void {
  mainWindow = createMainWindow(prefs);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/**
 * The key could not be unwrapped: no core, only the recovery screen (issue 7 §2). A right
 * recovery key is wrapped again under this computer's keyring and the app relaunches.
 */
function startRecovery(reason: 'keyMissing' | 'keyUnreadable' | 'keyMismatch', paths: { dbFile: string; keyFile: string }, prefs: AppPreferences): void {
  const dispatcher = createRecoveryDispatcher({
    dbFile: paths.dbFile,
    reason,
    prefs,
    onRecovered: async (key) => {
      // Remembered until the key is changed: the supervisor is asked to change it (the recovery key was seen).
      const now = new Date();
      await storeDbKey(key, paths.keyFile, safeStorage, process.platform, now, { recoveredAt: now.toISOString() });
      relaunchSoon(app)();
    },
  });
  registerIpc(ipcMain, dispatcher);
  openMainWindow(prefs);
}

async function start(): Promise<void> {
  hardenApp(app, session.defaultSession);
  // The default menu offers Reload and Toggle Developer Tools; an installed desk app needs neither.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  const appRoot = app.getAppPath();
  const printStore = createPrintStore();
  handleAppProtocol(protocol, path.join(appRoot, 'dist/renderer'), printStore);

  const prefs = createPreferencesStore();
  const printHost = createElectronPrintHost({ store: printStore, mainWindow: () => mainWindow });
  const fileSaver = createElectronFileSaver({ mainWindow: () => mainWindow });
  const paths = safetyPaths(app.getPath('userData'));
  const { dbFile } = paths;
  const keyed = await loadOrCreateDbKey({ keyFile: paths.keyFile, dbFile, safeStorage, platform: process.platform, now: new Date(), opens: opensDatabase(dbFile) });
  if (keyed.kind === 'unavailable') {
    const { title, body } = keyringUnavailableText(dbFile);
    dialog.showErrorBox(title, body);
    app.exit(1);
    return;
  }
  if (keyed.kind === 'recovery') return startRecovery(keyed.reason, paths, prefs);
  try {
    core = startCore({
      dbFile,
      dbKey: keyed.key,
      safety: {
        keyStorage: keyed.storage,
        keyStore: fileKeyStore({ keyFile: paths.keyFile, safeStorage, platform: process.platform, now: () => new Date() }),
        retiredKeys: keyed.retiredKeys,
        defaultBackupDir: paths.backupDir,
        pickFolder: folderPicker(dialog, () => mainWindow),
        onRestored: relaunchSoon(app),
        backupWorker: backupWorkerSpawner(appRoot),
      },
      appRoot,
      clock: () => new Date(),
      prefs,
      printHost,
      fileSaver,
      windows: { openVisitorScreen: async () => openVisitorWindow(mainWindow) },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  } catch (e) {
    // The key unwrapped but does not open this file (a database copied from another computer).
    if (e instanceof DatabaseKeyError) return startRecovery('keyMismatch', paths, prefs);
    // A database from a newer version is refused before any migration runs; say so and stop.
    console.error(e);
    const { title, body } = startupErrorText(e, dbFile);
    dialog.showErrorBox(title, body);
    app.exit(1);
    return;
  }

  registerIpc(ipcMain, core.dispatcher);
  openMainWindow(prefs);
  stopSafetyJobs = scheduleSafetyJobs(core.jobs);
  lockOnSystemEvents(powerMonitor, core.dispatcher, () => sendEvent(mainWindow?.webContents, 'safety:locked'));
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
    stopSafetyJobs?.();
    if (core) closeOnQuit(core);
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
