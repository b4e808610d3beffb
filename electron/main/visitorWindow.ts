import path from 'node:path';
import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { APP_ORIGIN, webPreferencesFor } from './security';

/**
 * The visitor-facing screen (issue #5 §2): a second window, turned toward the visitor,
 * showing the topic the clerk opened in the visitor's language. It never takes the
 * keyboard from the clerk (focusable: false, shown inactive), is never signed in and only
 * calls the public 'counter:presented' channel.
 */
let visitor: BrowserWindow | null = null;

/** The display to use: any display other than the clerk's; the clerk's own when there is one screen. */
export function pickVisitorDisplay<D extends { id: number; bounds: Rectangle }>(displays: readonly D[], clerkDisplayId: number): { display: D | undefined; second: boolean } {
  const other = displays.find((d) => d.id !== clerkDisplayId);
  return other ? { display: other, second: true } : { display: displays.find((d) => d.id === clerkDisplayId), second: false };
}

export function openVisitorWindow(mainWindow: BrowserWindow | null): boolean {
  if (visitor && !visitor.isDestroyed()) {
    visitor.showInactive();
    return true;
  }
  const clerkDisplay = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  const { display, second } = pickVisitorDisplay(screen.getAllDisplays(), clerkDisplay.id);
  const area = display?.bounds ?? { x: 80, y: 80, width: 1024, height: 768 };
  visitor = new BrowserWindow({
    x: area.x + (second ? 0 : 80),
    y: area.y + (second ? 0 : 80),
    width: second ? area.width : 1024,
    height: second ? area.height : 768,
    // Full screen on a second display; a movable window when there is only one screen.
    fullscreen: second,
    focusable: false,
    show: false,
    title: 'Visitor · 民眾畫面',
    backgroundColor: '#ffffff',
    webPreferences: webPreferencesFor(path.join(app.getAppPath(), 'dist/preload/index.cjs')),
  });
  visitor.once('ready-to-show', () => visitor?.showInactive());
  visitor.on('closed', () => {
    visitor = null;
  });
  // The visitor screen goes with the desk: closing the main window closes it too.
  mainWindow?.once('closed', () => {
    if (visitor && !visitor.isDestroyed()) visitor.close();
  });
  void visitor.loadURL(`${APP_ORIGIN}/#/visitor`);
  return true;
}
