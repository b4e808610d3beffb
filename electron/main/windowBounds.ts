/** Window size and position as remembered between runs; pure, so it is tested without Electron. */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 700;
const MAX_SIDE = 20_000;
const MAX_OFFSET = 100_000;

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Whatever the store holds, or null when it is not a plausible window rectangle. */
export function readWindowBounds(raw: unknown): WindowBounds | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.x, -MAX_OFFSET, MAX_OFFSET) || !isInt(r.y, -MAX_OFFSET, MAX_OFFSET)) return null;
  if (!isInt(r.width, MIN_WIDTH, MAX_SIDE) || !isInt(r.height, MIN_HEIGHT, MAX_SIDE)) return null;
  return { x: r.x, y: r.y, width: r.width, height: r.height, maximized: r.maximized === true };
}

/**
 * True when enough of the window's top edge (where the title bar is) lies on some display's
 * work area for a person to grab it. A monitor unplugged since the last run would otherwise
 * leave the window somewhere nobody can see.
 */
export function isOnSomeDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  return workAreas.some((area) => {
    const w = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const h = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return w >= 100 && h >= 20;
  });
}
