import type { BrowserWindow, GlobalShortcut } from 'electron';
import type { EventName } from '../../shared/api/events';
import { sendEvent } from './events';

/**
 * System-wide shortcuts: an operator in another program (e-mail, a web form) starts a call
 * record with one keystroke (issue #3 §1). Kept few, so they don't steal keys from other apps.
 */
export const GLOBAL_SHORTCUTS: ReadonlyArray<{ accelerator: string; event: EventName }> = [
  { accelerator: 'CommandOrControl+Alt+N', event: 'hotline:startCall' },
];

export function registerGlobalShortcuts(shortcuts: Pick<GlobalShortcut, 'register'>, window: () => BrowserWindow | null): string[] {
  const failed: string[] = [];
  for (const { accelerator, event } of GLOBAL_SHORTCUTS) {
    const ok = shortcuts.register(accelerator, () => {
      const win = window();
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      sendEvent(win.webContents, event);
    });
    // Another program may own the combination; the in-window shortcut still works.
    if (!ok) failed.push(accelerator);
  }
  return failed;
}
