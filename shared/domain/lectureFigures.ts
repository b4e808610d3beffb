/**
 * Attendance and counselling rates from counted records (issue 4 §9). The counts come from SQL
 * over the enrolments; nothing here is stored. Formulas are shown in the interface with the
 * same names ('lectures:figures.formula.*').
 */
export interface FigureCounts {
  /** enrolments in the session(s) */
  due: number;
  /** checked in or completed */
  attended: number;
  /** enrolments with an approved leave */
  approvedLeave: number;
  /** leave requested, not decided yet */
  leavePending: number;
  /** transferred to another session or city, without an approved leave (not counted twice) */
  transferredOut: number;
  /** no-show, renotified or returned to the issuing agency */
  noShow: number;
  /** 新心小棧 consultations logged */
  consultations: number;
}

export interface Figures extends FigureCounts {
  /** due − approved leave − transferred out */
  adjustedDue: number;
  /** attended ÷ adjustedDue; null when nobody is due */
  attendanceRate: number | null;
  /** attended ÷ due */
  rawAttendanceRate: number | null;
  /** consultations ÷ attended */
  counsellingRate: number | null;
}

export const ATTENDANCE_TARGET = 0.7;
export const COUNSELLING_TARGET = 0.11;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function computeFigures(c: FigureCounts): Figures {
  const adjustedDue = Math.max(0, c.due - c.approvedLeave - c.transferredOut);
  return {
    ...c,
    adjustedDue,
    attendanceRate: ratio(c.attended, adjustedDue),
    rawAttendanceRate: ratio(c.attended, c.due),
    counsellingRate: ratio(c.consultations, c.attended),
  };
}

export const ZERO_COUNTS: FigureCounts = { due: 0, attended: 0, approvedLeave: 0, leavePending: 0, transferredOut: 0, noShow: 0, consultations: 0 };

export function sumCounts(list: readonly FigureCounts[]): FigureCounts {
  const out = { ...ZERO_COUNTS };
  for (const c of list) for (const k of Object.keys(out) as (keyof FigureCounts)[]) out[k] += c[k];
  return out;
}

/** 0.9243 → "92.4%"; null → "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
