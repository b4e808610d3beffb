import { addDays, fromTaipeiLocal, taipeiDateKey, taipeiParts } from '../lib/time';
import { currentShift } from './shifts';

export interface ShiftLike {
  id: number;
  extra: Record<string, unknown>;
}

export interface ShiftWindow<T extends ShiftLike = ShiftLike> {
  shift: T | null;
  start: Date;
  end: Date;
}

const HOUR_MS = 3_600_000;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function hours(shift: ShiftLike): { start: string; end: string } | null {
  const { start, end } = shift.extra;
  return typeof start === 'string' && typeof end === 'string' ? { start, end } : null;
}

/**
 * The concrete instants of the shift that covers `instant` (Taipei wall clock). A shift
 * whose end is before its start crosses midnight: at 02:00 the 23:00–07:00 shift began
 * the evening before.
 */
function windowOf<T extends ShiftLike>(shift: T, instant: Date): ShiftWindow<T> | null {
  const h = hours(shift);
  if (!h) return null;
  const today = taipeiDateKey(instant);
  const p = taipeiParts(instant);
  const minute = p.hour * 60 + p.minute;
  const s = minutesOf(h.start);
  const e = minutesOf(h.end);
  const startDay = s <= minute ? today : addDays(today, -1);
  if (s === e) {
    const start = fromTaipeiLocal(startDay, h.start);
    return { shift, start, end: new Date(start.getTime() + 24 * HOUR_MS) };
  }
  if (s < e) return { shift, start: fromTaipeiLocal(today, h.start), end: fromTaipeiLocal(today, h.end) };
  const start = fromTaipeiLocal(startDay, h.start);
  return { shift, start, end: fromTaipeiLocal(addDays(startDay, 1), h.end) };
}

/**
 * The shift window around `instant`. Without a configured shift covering it, the Taipei
 * calendar day stands in, so counters and handovers still have a sensible period.
 */
export function shiftWindowAt<T extends ShiftLike>(shifts: readonly T[], instant: Date): ShiftWindow<T> {
  const shift = currentShift(shifts, instant);
  const w = shift ? windowOf(shift, instant) : null;
  if (w) return w;
  const start = fromTaipeiLocal(taipeiDateKey(instant), '00:00');
  return { shift: null, start, end: new Date(start.getTime() + 24 * HOUR_MS) };
}

/** The shift that ended when the one around `instant` began. */
export function previousShiftWindow<T extends ShiftLike>(shifts: readonly T[], instant: Date): ShiftWindow<T> {
  const current = shiftWindowAt(shifts, instant);
  return shiftWindowAt(shifts, new Date(current.start.getTime() - 1));
}
