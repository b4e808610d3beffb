import path from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import type { AppPreferences } from './preferencesData';
import { APP_ORIGIN, webPreferencesFor } from './security';
import { isOnSomeDisplay, MIN_HEIGHT, MIN_WIDTH } from './windowBounds';

export const APP_TITLE = '毒防服務台';

export interface MainWindowOptions {
  /** the bundled preload (dist/preload/index.cjs) */
  preloadPath?: string;
  log?: (message: string, e?: unknown) => void;
}

export function createMainWindow(prefs: Pick<AppPreferences, 'getWindowBounds' | 'setWindowBounds'>, options: MainWindowOptions = {}): BrowserWindow {
  const preloadPath = options.preloadPath ?? path.join(app.getAppPath(), 'dist/preload/index.cjs');
  const log = options.log ?? ((message, e) => console.error(message, e ?? ''));

  const saved = prefs.getWindowBounds();
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const restored = saved && isOnSomeDisplay(saved, workAreas) ? saved : null;

  const win = new BrowserWindow({
    ...(restored ? { x: restored.x, y: restored.y, width: restored.width, height: restored.height } : { width: 1280, height: 800, center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show, so nobody sees a white flash before the first paint.
    show: false,
    title: APP_TITLE,
    backgroundColor: '#ffffff',
    // Windows and macOS take the icon from the executable; Linux needs it on the window.
    ...(process.platform === 'linux' ? { icon: path.join(app.getAppPath(), 'resources/icons/icon.png') } : {}),
    webPreferences: webPreferencesFor(preloadPath),
  });
  if (restored?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // getNormalBounds: the size to come back to, even when the window closes maximized.
  win.on('close', () => prefs.setWindowBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() }));

  win.loadURL(`${APP_ORIGIN}/`).catch((e: unknown) => log('main window: the renderer did not load', e));
  return win;
}
