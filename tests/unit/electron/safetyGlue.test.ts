import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import {
  closeOnQuit,
  FIRST_JOB_DELAY_MS,
  folderPicker,
  JOB_INTERVAL_MS,
  keyringUnavailableText,
  lockOnSystemEvents,
  relaunchSoon,
  safetyPaths,
  scheduleSafetyJobs,
  type Timers,
} from '../../../electron/main/safetyGlue';

function fakeTimers() {
  const pending: { fn: () => void; ms: number; repeat: boolean; id: number; cleared: boolean }[] = [];
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending.push({ fn, ms, repeat: false, id: next, cleared: false }), next++),
    setInterval: (fn, ms) => (pending.push({ fn, ms, repeat: true, id: next, cleared: false }), next++),
    clearTimeout: (id) => pending.filter((p) => p.id === id).forEach((p) => (p.cleared = true)),
    clearInterval: (id) => pending.filter((p) => p.id === id).forEach((p) => (p.cleared = true)),
  };
  return { timers, pending };
}

describe('the safety jobs timer', () => {
  test('first run a minute after start, then every hour; stopping clears both', async () => {
    const { timers, pending } = fakeTimers();
    const runDue = vi.fn(async () => ({ backup: null, retention: null }));
    const stop = scheduleSafetyJobs({ runDue }, () => undefined, timers);
    expect(pending).toMatchObject([{ ms: FIRST_JOB_DELAY_MS, repeat: false }]);
    pending[0]?.fn();
    expect(runDue).toHaveBeenCalledTimes(1);
    expect(pending[1]).toMatchObject({ ms: JOB_INTERVAL_MS, repeat: true });
    pending[1]?.fn();
    expect(runDue).toHaveBeenCalledTimes(2);
    stop();
    expect(pending.every((p) => p.cleared)).toBe(true);
  });

  test('a failing run is logged, and the timer keeps going', async () => {
    const { timers, pending } = fakeTimers();
    const failure = new Error('disk full');
    const log = vi.fn();
    scheduleSafetyJobs({ runDue: () => Promise.reject(failure) }, log, timers);
    pending[0]?.fn();
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toHaveBeenCalledWith(failure);
    expect(pending[1]?.repeat).toBe(true);
  });
});

test('on quit: the backup first, then the database closed; neither failure keeps the app from quitting', () => {
  const order: string[] = [];
  const log = vi.fn();
  const jobs = { runDue: vi.fn(), backupOnQuit: vi.fn(() => (order.push('backup'), null)) };
  closeOnQuit({ jobs, close: () => void order.push('close') }, log);
  expect(order).toEqual(['backup', 'close']);
  const broken = new Error('network drive gone');
  const closed = new Error('database already closed');
  closeOnQuit(
    {
      jobs: { runDue: vi.fn(), backupOnQuit: () => { throw broken; } },
      close: () => { throw closed; },
    },
    log,
  );
  expect(log.mock.calls).toEqual([[broken], [closed]]);
});

test('the screen lock and sleep lock every window, and tell the renderer', () => {
  const handlers = new Map<string, () => void>();
  const monitor = { on: (event: string, fn: () => void) => (handlers.set(event, fn), monitor) };
  const lockAll = vi.fn();
  const notify = vi.fn();
  lockOnSystemEvents(monitor as never, { lockAll }, notify);
  expect([...handlers.keys()].sort()).toEqual(['lock-screen', 'suspend']);
  handlers.get('lock-screen')?.();
  handlers.get('suspend')?.();
  expect(lockAll).toHaveBeenCalledTimes(2);
  expect(notify).toHaveBeenCalledTimes(2);
});

test('after a restore the app relaunches itself, once the answer had time to reach the window', () => {
  const { timers, pending } = fakeTimers();
  const app = { relaunch: vi.fn(), exit: vi.fn() };
  relaunchSoon(app, timers, 1500)();
  expect(app.relaunch).not.toHaveBeenCalled();
  expect(pending[0]?.ms).toBe(1500);
  pending[0]?.fn();
  expect(app.relaunch).toHaveBeenCalledTimes(1);
  expect(app.exit).toHaveBeenCalledWith(0);
});

test('the folder chooser answers a folder, or null when cancelled', async () => {
  const dialog = { showOpenDialog: vi.fn() };
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['\\\\fileserver\\backup'] });
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
  const pick = folderPicker(dialog as never, () => null);
  expect(await pick()).toBe('\\\\fileserver\\backup');
  expect(await pick()).toBeNull();
  expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toEqual({ properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
});

test('where the database, its key and the backups live', () => {
  expect(safetyPaths('/home/desk/.config/app')).toEqual({
    dbFile: path.join('/home/desk/.config/app', 'desk.sqlite3'),
    keyFile: path.join('/home/desk/.config/app', 'desk.key.json'),
    backupDir: path.join('/home/desk/.config/app', 'backups'),
  });
  expect(keyringUnavailableText('/x/desk.sqlite3').body).toContain('/x/desk.sqlite3');
});
