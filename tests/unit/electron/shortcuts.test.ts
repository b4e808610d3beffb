import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { GLOBAL_SHORTCUTS, registerGlobalShortcuts } from '../../../electron/main/shortcuts';

vi.mock('electron', () => ({}));

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const win = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
    webContents: { isDestroyed: () => false, send: (channel: string) => calls.push(`send:${channel}`) },
  };
  return { win: win as unknown as BrowserWindow, calls };
}

describe('global shortcuts', () => {
  it('start a call: the window comes forward and the renderer gets the signal', () => {
    const handlers = new Map<string, () => void>();
    const { win, calls } = fakeWindow(true);
    const failed = registerGlobalShortcuts({ register: (acc: string, cb: () => void) => (handlers.set(acc, cb), true) } as never, () => win);
    expect(failed).toEqual([]);
    expect([...handlers.keys()]).toEqual(GLOBAL_SHORTCUTS.map((s) => s.accelerator));
    handlers.get('CommandOrControl+Alt+N')?.();
    expect(calls).toEqual(['restore', 'show', 'focus', 'send:event:hotline:startCall']);
  });

  it('reports a combination another program already owns, and does nothing without a window', () => {
    const handlers = new Map<string, () => void>();
    const failed = registerGlobalShortcuts({ register: (acc: string, cb: () => void) => (handlers.set(acc, cb), false) } as never, () => null);
    expect(failed).toEqual(['CommandOrControl+Alt+N']);
    expect(() => handlers.get('CommandOrControl+Alt+N')?.()).not.toThrow();
  });
});
