import { useEffect, useRef } from 'react';

/** Every hotline shortcut, in the order the help panel lists them; labels are i18n keys. */
export const SHORTCUTS = [
  { keys: 'F2', labelKey: 'shortcuts.newCall' },
  { keys: 'Shift+F2', labelKey: 'shortcuts.newOutbound' },
  { keys: 'Alt+1 … Alt+4', labelKey: 'shortcuts.nonService' },
  { keys: 'F4', labelKey: 'shortcuts.endCall' },
  { keys: 'Ctrl+Enter', labelKey: 'shortcuts.save' },
  { keys: 'F6 / Shift+F6', labelKey: 'shortcuts.switchCall' },
  { keys: 'Ctrl+K', labelKey: 'shortcuts.search' },
  { keys: 'F1', labelKey: 'shortcuts.help' },
  { keys: 'Esc', labelKey: 'shortcuts.close' },
  { keys: 'Tab / Shift+Tab', labelKey: 'shortcuts.fields' },
  { keys: 'Space', labelKey: 'shortcuts.toggle' },
] as const;

export type KeyHandler = (e: KeyboardEvent) => boolean;

/**
 * One window-level keydown listener for a page. The handler returns true when it used the
 * key (the browser's own action is then prevented). It always sees the latest closure.
 */
export function useWindowKeys(handler: KeyHandler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return; // an IME is composing Chinese: the keys are its
      if (ref.current(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The digit of Alt+digit (top row or numeric keypad), independent of keyboard layout. */
export function altDigit(e: KeyboardEvent): string | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  return m?.[1] ?? null;
}

// A start request made on another hotline page, picked up by the desk when it mounts.
let pendingStart = false;

export function requestStartCall(): void {
  pendingStart = true;
}

export function takeStartRequest(): boolean {
  const was = pendingStart;
  pendingStart = false;
  return was;
}
