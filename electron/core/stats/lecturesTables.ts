/**
 * The lectures' tables (issue 6 §1, seed 004 §(三)): sessions, due, attended, leave,
 * transfer, no-show, the attendance rate against the central 70% target (with the raw rate
 * beside it), holiday and repeat-offender group sessions, and 表三 (新心小棧 categories) with
 * the counselling rate against 11%.
 */
import type { Db } from '../db/open';
import { ATTENDANCE_TARGET, COUNSELLING_TARGET, computeFigures, sumCounts, type FigureCounts } from '../../../shared/domain/lectureFigures';
import { SESSION_KINDS } from '../../../shared/domain/lectures';
import type { Cell, ReportTable, Text } from '../../../shared/domain/reportTable';
import { countCell, key, names, percentCell, rateCell, shareTable, textCell } from '../../../shared/domain/reportTable';
import { formatCount, formatPercent, formatPercentUnits, percentUnits } from '../../../shared/lib/percent';
import { refItems, refRows } from './common';
import type { LectureCounts, SessionCounts } from './lecturesStats';

const k = (s: string, params?: Record<string, string | number | Text>) => key(`stats:lectures.${s}`, params);

const ATTENDANCE_TARGET_UNITS = Math.round(ATTENDANCE_TARGET * 1000);
const COUNSELLING_TARGET_UNITS = Math.round(COUNSELLING_TARGET * 1000);

/** "目標 70.0%：達成" — compared in the same rounded units that are printed. */
function against(units: number | null, targetUnits: number): Cell {
  const target = formatPercentUnits(targetUnits, 1);
  if (units === null) return textCell(k('target.none', { target }));
  return textCell(k(units >= targetUnits ? 'target.met' : 'target.notMet', { target }));
}

const blank = (): Cell => textCell({ raw: '' });

function summaryTable(c: LectureCounts): ReportTable {
  const f = computeFigures(sumCounts(c.sessions));
  const of = (kind: string) => c.sessions.filter((s) => s.kind === kind);
  const attendance = percentUnits(f.attended, f.adjustedDue, 1);
  const counselling = percentUnits(f.consultations, f.attended, 1);
  const row = (label: string, value: Cell, note: Cell = blank()): Cell[] => [textCell(k(`summary.${label}`)), value, note];
  const repeat = sumCounts(of('repeatGroup'));
  return {
    id: 'lectures.summary',
    title: k('tables.summary'),
    columns: [
      { key: 'item', label: key('stats:col.item'), kind: 'text' },
      { key: 'value', label: key('stats:col.value'), kind: 'count' },
      { key: 'target', label: key('stats:col.target'), kind: 'text' },
    ],
    rows: [
      row('sessions', countCell(c.sessions.length)),
      row('holidaySessions', countCell(of('holiday').length)),
      row('repeatSessions', countCell(of('repeatGroup').length)),
      row('repeatAttended', countCell(repeat.attended)),
      row('due', countCell(f.due)),
      row('approvedLeave', countCell(f.approvedLeave)),
      row('leavePending', countCell(f.leavePending)),
      row('transferredOut', countCell(f.transferredOut)),
      row('adjustedDue', countCell(f.adjustedDue)),
      row('attended', countCell(f.attended)),
      row('noShow', countCell(f.noShow)),
      row('attendanceRate', percentCell(attendance, 1), against(attendance, ATTENDANCE_TARGET_UNITS)),
      row('rawRate', rateCell(f.attended, f.due, 1)),
      row('consultations', countCell(f.consultations)),
      row('counsellingRate', percentCell(counselling, 1), against(counselling, COUNSELLING_TARGET_UNITS)),
    ],
    total: null,
    formulas: [k('formula.adjustedDue'), k('formula.attendanceRate'), k('formula.rawRate'), k('formula.counsellingRate')],
    notes: [k('note.held')],
    chart: null,
    layout: 'long',
  };
}

function figureCells(counts: FigureCounts): Cell[] {
  const f = computeFigures(counts);
  return [
    countCell(f.due),
    countCell(f.attended),
    countCell(f.approvedLeave),
    countCell(f.transferredOut),
    countCell(f.noShow),
    rateCell(f.attended, f.adjustedDue, 1),
    rateCell(f.attended, f.due, 1),
    countCell(f.consultations),
  ];
}

const FIGURE_COLUMNS = [
  { key: 'due', label: k('col.due'), kind: 'count' },
  { key: 'attended', label: k('col.attended'), kind: 'count' },
  { key: 'leave', label: k('col.approvedLeave'), kind: 'count' },
  { key: 'transferred', label: k('col.transferredOut'), kind: 'count' },
  { key: 'noShow', label: k('col.noShow'), kind: 'count' },
  { key: 'rate', label: k('col.attendanceRate'), kind: 'percent' },
  { key: 'rawRate', label: k('col.rawRate'), kind: 'percent' },
  { key: 'consultations', label: k('col.consultations'), kind: 'count' },
] as const satisfies ReportTable['columns'];

function byKindTable(c: LectureCounts): ReportTable {
  return {
    id: 'lectures.byKind',
    title: k('tables.byKind'),
    columns: [{ key: 'kind', label: k('col.kind'), kind: 'text' }, { key: 'sessions', label: k('col.sessions'), kind: 'count' }, ...FIGURE_COLUMNS],
    rows: SESSION_KINDS.map((kind) => {
      const list = c.sessions.filter((s) => s.kind === kind);
      return [textCell(k(`kind.${kind}`)), countCell(list.length), ...figureCells(sumCounts(list))];
    }),
    total: [textCell(key('stats:col.total')), countCell(c.sessions.length), ...figureCells(sumCounts(c.sessions))],
    formulas: [k('formula.attendanceRate'), k('formula.rawRate')],
    notes: [],
    chart: { type: 'bar', category: 0, series: [3, 2] },
    layout: 'long',
  };
}

function sessionsTable(db: Db, c: LectureCounts): ReportTable {
  const venues = new Map(refItems(db, 'venue').map((v) => [v.id, v]));
  const venueText = (s: SessionCounts): Text => {
    const v = s.venueId === null ? undefined : venues.get(s.venueId);
    return v ? names(v) : key('stats:row.notRecorded');
  };
  return {
    id: 'lectures.sessions',
    title: k('tables.sessions'),
    columns: [
      { key: 'date', label: k('col.date'), kind: 'date' },
      { key: 'time', label: k('col.time'), kind: 'text' },
      { key: 'kind', label: k('col.kind'), kind: 'text' },
      { key: 'venue', label: k('col.venue'), kind: 'text' },
      ...FIGURE_COLUMNS,
    ],
    rows: c.sessions.map((s) => [{ t: 'date', date: s.date }, textCell({ raw: s.startTime }), textCell(k(`kind.${s.kind}`)), textCell(venueText(s)), ...figureCells(s)]),
    total: [textCell(key('stats:col.total')), blank(), blank(), blank(), ...figureCells(sumCounts(c.sessions))],
    formulas: [k('formula.attendanceRate'), k('formula.rawRate')],
    notes: [k('note.held')],
    chart: null,
    layout: 'long',
  };
}

export function lecturesTables(db: Db, c: LectureCounts): ReportTable[] {
  const attended = sumCounts(c.sessions).attended;
  return [
    summaryTable(c),
    byKindTable(c),
    sessionsTable(db, c),
    shareTable({
      id: 'lectures.counselling',
      title: k('tables.counselling'),
      categoryLabel: k('col.category'),
      countLabel: key('stats:col.persons'),
      rows: refRows(db, 'counsellingCategory', c.byCategory, { keepZero: true }),
      formulas: [key('stats:formula.share'), k('formula.counsellingRate')],
      notes: [k('note.counsellingRate', { n: formatCount(c.sessions.reduce((a, s) => a + s.consultations, 0)), attended: formatCount(attended) })],
      layout: 'across',
    }),
  ];
}

/** The bureau's sentences (seed 004 §(三)1–3) with the period's figures. */
export function lecturesSummary(c: LectureCounts): Text[] {
  const f = computeFigures(sumCounts(c.sessions));
  const repeat = sumCounts(c.sessions.filter((s) => s.kind === 'repeatGroup'));
  return [
    k('sentence.attendance', {
      sessions: formatCount(c.sessions.length),
      due: formatCount(f.due),
      attended: formatCount(f.attended),
      rate: formatPercent(f.attended, f.adjustedDue, 1),
      raw: formatPercent(f.attended, f.due, 1),
    }),
    k('sentence.groups', {
      holiday: formatCount(c.sessions.filter((s) => s.kind === 'holiday').length),
      repeat: formatCount(c.sessions.filter((s) => s.kind === 'repeatGroup').length),
      repeatAttended: formatCount(repeat.attended),
    }),
    k('sentence.counselling', { n: formatCount(f.consultations), attended: formatCount(f.attended), rate: formatPercent(f.consultations, f.attended, 1) }),
  ];
}
