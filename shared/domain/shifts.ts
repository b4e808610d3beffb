import { taipeiParts } from '../lib/time';

export interface ShiftHours {
  start: string;
  end: string;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Whether a Taipei wall-clock minute falls in a shift; a shift whose end is earlier than its start crosses midnight. */
export function inShift(shift: ShiftHours, minuteOfDay: number): boolean {
  const s = minutes(shift.start);
  const e = minutes(shift.end);
  if (s === e) return true;
  return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
}

/** The first shift (in the supervisor's order) that covers `instant` in Taipei time. */
export function currentShift<T extends { extra: Record<string, unknown> }>(shifts: readonly T[], instant: Date): T | null {
  const p = taipeiParts(instant);
  const minute = p.hour * 60 + p.minute;
  return (
    shifts.find((s) => typeof s.extra.start === 'string' && typeof s.extra.end === 'string' && inShift({ start: s.extra.start, end: s.extra.end }, minute)) ??
    null
  );
}
