import { useEffect, useRef } from 'react';

/** What counts as someone at the keyboard: any key, click, touch, wheel or mouse movement in the window. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Calls onIdle once when nobody touched the window for `minutes`. `active` false pauses it
 * (already locked); turning it on again starts the count afresh.
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  const last = useRef(Date.now());
  const idle = useRef(onIdle);
  idle.current = onIdle;

  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const mark = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, mark, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) idle.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, mark, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, active]);
}
