/**
 * The Electron side of the hardening (issue 7): where the key and the backups live, the hourly
 * job timer, locking on the operating system's screen lock, the folder chooser and the relaunch
 * after a restore. Each piece takes what it needs as parameters so tests/unit/electron can drive
 * it with stubs; electron/main/index.ts wires them up.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { App, BrowserWindow, Dialog, OpenDialogOptions, PowerMonitor } from 'electron';
import type { Core } from '../core/bootstrap';
import type { CoreDispatcher } from '../core/dispatch';

export const DB_FILE_NAME = 'desk.sqlite3';
export const KEY_FILE_NAME = 'desk.key.json';
export const BACKUP_DIR_NAME = 'backups';

export function safetyPaths(userData: string): { dbFile: string; keyFile: string; backupDir: string } {
  return {
    dbFile: path.join(userData, DB_FILE_NAME),
    keyFile: path.join(userData, KEY_FILE_NAME),
    backupDir: path.join(userData, BACKUP_DIR_NAME),
  };
}

/** The backup worker's bundle (vite.electron.config.mts --mode worker), in the app folder beside main's. */
export const backupWorkerFile = (appPath: string): string => path.join(appPath, 'dist', 'worker', 'index.cjs');

/**
 * Starts a backup worker thread (electron/core/safety/backupRunner.ts). Electron reads worker
 * scripts from inside the asar since v18 (electron#33216), and the worker loads the SQLite driver
 * from app.asar.unpacked as main does.
 */
export function backupWorkerSpawner(appPath: string, create: (file: string) => Worker = (file) => new Worker(file)): () => Worker {
  const file = backupWorkerFile(appPath);
  return () => create(file);
}

/** First run a minute after start (not in the way of the first sign-in), then every hour. */
export const FIRST_JOB_DELAY_MS = 60_000;
export const JOB_INTERVAL_MS = 3_600_000;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  setInterval(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** Runs the daily backup and retention when due; returns the function that stops the timer. */
export function scheduleSafetyJobs(jobs: Pick<Core['jobs'], 'runDue'>, log: (e: unknown) => void = console.error, timers: Timers = realTimers): () => void {
  const run = () => {
    jobs.runDue().catch(log);
  };
  let interval: unknown = null;
  const first = timers.setTimeout(() => {
    run();
    interval = timers.setInterval(run, JOB_INTERVAL_MS);
  }, FIRST_JOB_DELAY_MS);
  return () => {
    timers.clearTimeout(first);
    if (interval !== null) timers.clearInterval(interval);
  };
}

/**
 * The last thing the app does as it quits: the day's work into a backup (if anything was
 * written since the last one), then the database closed. Neither may keep the app from quitting:
 * a failed backup is already in the audit trail, and is tried again by the next start's job.
 */
export function closeOnQuit(core: Pick<Core, 'jobs' | 'close'>, log: (e: unknown) => void = console.error): void {
  try {
    core.jobs.backupOnQuit();
  } catch (e) {
    log(e);
  }
  try {
    core.close();
  } catch (e) {
    // Quitting must not hang on a database that is already gone.
    log(e);
  }
}

/**
 * When the operating system locks the screen or sleeps, every window of ours locks too: the
 * person has walked away, whatever our own idle timer says.
 */
export function lockOnSystemEvents(monitor: Pick<PowerMonitor, 'on'>, dispatcher: Pick<CoreDispatcher, 'lockAll'>, notify: () => void): void {
  const lock = () => {
    dispatcher.lockAll();
    notify();
  };
  monitor.on('lock-screen', lock);
  monitor.on('suspend', lock);
}

export function folderPicker(dialog: Pick<Dialog, 'showOpenDialog'>, mainWindow: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
    const win = mainWindow();
    const { canceled, filePaths } = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  };
}

/** Gives the renderer's answer a moment to arrive ("restarting…"), then starts the app afresh. */
export function relaunchSoon(app: Pick<App, 'relaunch' | 'exit'>, timers: Pick<Timers, 'setTimeout'> = realTimers, delayMs = 1500): () => void {
  return () => {
    timers.setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, delayMs);
  };
}

/** Shown (zh-TW, then English) when the operating system offers no way at all to protect the key. */
export function keyringUnavailableText(dbFile: string): { title: string; body: string } {
  return {
    title: '毒防服務台無法保護資料庫金鑰 / Cannot protect the database key',
    body: [
      '作業系統沒有提供加密金鑰的保管方式，為保護個案資料，程式不會在未受保護的情況下建立或開啟資料庫。請聯絡系統管理員。',
      'The operating system offers no way to protect the encryption key. To protect clients’ data, the application will not create or open the database unprotected. Please contact your administrator.',
      '',
      `資料庫檔案 / Database file: ${dbFile}`,
    ].join('\n'),
  };
}
