/**
 * The lecture list screens as spreadsheets (issue 6 item 3): the sessions of the month (or of
 * the upcoming weeks), the attendee search and a session's roster with its status group. Each
 * takes the filter its screen sends, is open to the roles of the screen's channel, and reads
 * the rows with the screen's own query, unpaged. National IDs are masked as on the screen,
 * and a minor's name is masked as on the printed sign-in sheet (講習辦法 Art. 10).
 */
import { z } from 'zod';
import { lecturesChannels } from '../../../shared/api/channels/lectures';
import type { AttendeeSummary, PersonFlags, RosterRow, SessionSummary } from '../../../shared/api/channels/lecturesTypes';
import type { Lang } from '../../../shared/api/common';
import { idSchema } from '../../../shared/api/common';
import { ATTENDED, inRosterFilter, maskName, ROSTER_FILTER_KEYS } from '../../../shared/domain/lectures';
import { weekdayOf } from '../../../shared/domain/lectureSeries';
import { refName } from '../../../shared/domain/reference';
import { countCell, key, raw, textCell, type Cell } from '../../../shared/domain/reportTable';
import { translatorFor, type TFunction } from '../../../shared/i18n';
import { formatDateForLang } from '../../../shared/lib/rocDate';
import { maskId } from '../../../shared/lib/taiwanId';
import type { HandlerContext } from '../context';
import { notFound } from '../errors';
import { findRefItem } from '../reference/repository';
import { describeFilter, listTable, type ListColumn } from '../export/listTable';
import { defineExport, type ExportBook, type ExportSpec } from '../export/spec';
import { search } from './attendees';
import { today } from './common';
import { rosterOf } from './enrolmentsRepo';
import { classifyQuery } from './search';
import { list } from './sessions';
import { sessionSummary } from './sessionsRepo';

const text = (s: string): Cell => textCell(raw(s));
const date = (d: string | null): Cell => ({ t: 'date', date: d });
const instant = (at: string | null): Cell => ({ t: 'instant', at });

interface Words {
  t: TFunction;
  lang: Lang;
  venue(id: number | null): string;
  list(items: string[]): string;
}

function words(ctx: HandlerContext, lang: Lang): Words {
  return {
    t: translatorFor(lang),
    lang,
    venue: (id) => {
      const item = id === null ? null : findRefItem(ctx.db, id);
      return item ? refName(item, lang) : '';
    },
    list: (items) => items.filter(Boolean).join(lang === 'zh-TW' ? '、' : ', '),
  };
}

const day = (w: Words, d: string) => formatDateForLang(d, w.lang, 'short');
const filterLine = (w: Words, parts: readonly (readonly [string, string])[]) =>
  w.t('lectures:exports.filter', { filter: describeFilter(w.lang, parts) || w.t('lectures:exports.noFilter') });

/** The name as it may leave the app: a minor's is masked. */
const shownName = (p: { name: string; minor: boolean }) => (p.minor ? maskName(p.name) : p.name);

function flagsText(w: Words, p: PersonFlags): string {
  return w.list([
    p.minor ? w.t('lectures:flags.minor') : '',
    p.repeatOffender ? w.t('lectures:flags.repeatOffender') : '',
    p.needsInterpreter ? (p.interpreterLanguage ? w.t('lectures:flags.interpreterIn', { language: p.interpreterLanguage }) : w.t('lectures:flags.needsInterpreter')) : '',
  ]);
}

function book<R>(w: Words, fileName: string, id: string, title: string, columns: ListColumn<R>[], rows: readonly R[], lines: string[]): ExportBook {
  return { fileName, headerLines: lines, tables: [listTable(id, key(title), columns, rows)] };
}

/** Says so above the table when a minor's name was masked, so nobody takes it for a typo. */
const minorsLine = (w: Words, people: readonly { minor: boolean }[]) => (people.some((p) => p.minor) ? [w.t('lectures:exports.minorsMasked')] : []);

function sessionColumns(w: Words): ListColumn<SessionSummary>[] {
  const attended = (s: SessionSummary) => ATTENDED.reduce((n, st) => n + (s.statusCounts[st] ?? 0), 0);
  return [
    { key: 'date', label: key('lectures:session.date'), kind: 'date', cell: (s) => date(s.date) },
    { key: 'weekday', label: key('lectures:exports.weekday'), kind: 'text', cell: (s) => textCell(key(`lectures:weekdayShort.${weekdayOf(s.date)}`)) },
    { key: 'time', label: key('lectures:exports.time'), kind: 'text', cell: (s) => text(`${s.startTime}–${s.endTime}`) },
    { key: 'kind', label: key('lectures:session.kind'), kind: 'text', cell: (s) => textCell(key(`lectures:kind.${s.kind}`)) },
    { key: 'venue', label: key('lectures:session.venue'), kind: 'text', cell: (s) => text(w.venue(s.venueId)) },
    { key: 'capacity', label: key('lectures:session.capacity'), kind: 'count', cell: (s) => countCell(s.capacity) },
    { key: 'booked', label: key('lectures:exports.booked'), kind: 'count', cell: (s) => countCell(s.booked) },
    { key: 'attended', label: key('lectures:exports.attended'), kind: 'count', cell: (s) => countCell(attended(s)) },
    { key: 'hours', label: key('lectures:session.hours'), kind: 'decimal', cell: (s) => ({ t: 'decimal', value: s.hours, digits: Number.isInteger(s.hours) ? 0 : 1 }) },
    { key: 'instructors', label: key('lectures:session.instructors'), kind: 'text', cell: (s) => text(s.instructors) },
    { key: 'topics', label: key('lectures:session.topics'), kind: 'text', cell: (s) => text(s.topics) },
    {
      key: 'cancelled',
      label: key('lectures:exports.status'),
      kind: 'text',
      cell: (s) => text(s.cancelled ? w.t('lectures:exports.cancelledBecause', { reason: s.cancelReason }) : ''),
    },
    { key: 'note', label: key('lectures:session.note'), kind: 'text', cell: (s) => text(s.note) },
  ];
}

function attendeeColumns(w: Words): ListColumn<AttendeeSummary>[] {
  return [
    { key: 'name', label: key('lectures:attendee.name'), kind: 'text', cell: (p) => text(shownName(p)) },
    { key: 'nationalId', label: key('lectures:attendee.nationalId'), kind: 'text', cell: (p) => text(p.maskedId) },
    { key: 'phone', label: key('lectures:attendee.phone'), kind: 'text', cell: (p) => text(p.phone) },
    { key: 'drugClass', label: key('lectures:attendee.drugClass'), kind: 'text', cell: (p) => text(p.drugClass ? w.t(`lectures:drugClass.${p.drugClass}`) : '') },
    { key: 'penaltyCount', label: key('lectures:attendee.penaltyCount'), kind: 'count', cell: (p) => countCell(p.penaltyCount) },
    { key: 'penaltyDocNo', label: key('lectures:attendee.penaltyDocNo'), kind: 'text', cell: (p) => text(p.penaltyDocNo) },
    { key: 'issuingAgency', label: key('lectures:attendee.issuingAgency'), kind: 'text', cell: (p) => text(p.issuingAgency) },
    { key: 'flags', label: key('lectures:exports.flags'), kind: 'text', cell: (p) => text(flagsText(w, p)) },
    { key: 'latestDate', label: key('lectures:exports.latestDate'), kind: 'date', cell: (p) => date(p.current?.sessionDate ?? null) },
    {
      key: 'latestStatus',
      label: key('lectures:exports.latestStatus'),
      kind: 'text',
      cell: (p) => textCell(p.current ? key(`lectures:status.${p.current.status}`) : key('lectures:attendees.notEnrolled')),
    },
  ];
}

function rosterColumns(w: Words): ListColumn<RosterRow>[] {
  return [
    { key: 'name', label: key('lectures:attendee.name'), kind: 'text', cell: (r) => text(shownName(r)) },
    { key: 'nationalId', label: key('lectures:attendee.nationalId'), kind: 'text', cell: (r) => text(r.maskedId) },
    { key: 'phone', label: key('lectures:attendee.phone'), kind: 'text', cell: (r) => text(r.phone) },
    { key: 'status', label: key('lectures:roster.status'), kind: 'text', cell: (r) => textCell(key(`lectures:status.${r.status}`)) },
    { key: 'checkedInAt', label: key('lectures:exports.checkedInAt'), kind: 'instant', cell: (r) => instant(r.checkedInAt) },
    { key: 'signedOutAt', label: key('lectures:exports.signedOutAt'), kind: 'instant', cell: (r) => instant(r.signedOutAt) },
    {
      key: 'lateEarly',
      label: key('lectures:exports.lateEarly'),
      kind: 'text',
      cell: (r) => text(w.list([r.late ? w.t('lectures:flags.late') : '', r.leftEarly ? w.t('lectures:flags.leftEarly') : ''])),
    },
    { key: 'flags', label: key('lectures:exports.flags'), kind: 'text', cell: (r) => text(flagsText(w, r)) },
    {
      key: 'leaveDocument',
      label: key('lectures:exports.leaveDocument'),
      kind: 'text',
      cell: (r) => text(r.pendingLeave ? w.t(r.pendingLeave.documentReceivedOn ? 'lectures:roster.documentIn' : 'lectures:roster.documentMissing') : ''),
    },
    {
      key: 'movedTo',
      label: key('lectures:exports.movedTo'),
      kind: 'text',
      cell: (r) => text(r.transferredToDate ? day(w, r.transferredToDate) : r.cityTransferTo),
    },
    { key: 'certificate', label: key('lectures:exports.certificate'), kind: 'text', cell: (r) => text(r.certificateSerial ?? '') },
  ];
}

const attendeeParams = lecturesChannels['lectures:searchAttendees'].input.omit({ limit: true });

/** An ID or phone typed into the search stays masked in the audit log, as everywhere else. */
function auditedQuery(query: string): string {
  const { by, value } = classifyQuery(query);
  if (by === 'id') return maskId(value);
  if (by === 'phone') return `${'*'.repeat(Math.max(0, value.length - 3))}${value.slice(-3)}`;
  return value;
}

export const lecturesExports: Record<string, ExportSpec<never>> = {
  'lectures.sessions': defineExport({
    access: lecturesChannels['lectures:listSessions'].access,
    params: lecturesChannels['lectures:listSessions'].input,
    personalData: false,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      const lines = [w.t('lectures:exports.period', { from: day(w, p.from), to: day(w, p.to) })];
      if (!p.includeCancelled) lines.push(w.t('lectures:exports.withoutCancelled'));
      return book(w, `${w.t('lectures:sessions.title')} ${p.from}–${p.to}`, 'lectures.sessions', 'lectures:sessions.title', sessionColumns(w), list(ctx, p), lines);
    },
  }),
  'lectures.attendees': defineExport({
    access: lecturesChannels['lectures:searchAttendees'].access,
    params: attendeeParams,
    personalData: true,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      const line = filterLine(w, [
        [w.t('lectures:exports.query'), auditedQuery(p.query)],
        [w.t('lectures:exports.waitingOnly'), p.waitingOnly ? w.t('lectures:exports.yes') : ''],
      ]);
      const rows = search(ctx, { ...p, limit: null });
      return book(w, `${w.t('lectures:attendees.title')} ${today(ctx)}`, 'lectures.attendees', 'lectures:attendees.title', attendeeColumns(w), rows, [line, ...minorsLine(w, rows)]);
    },
    auditParams: (p) => ({ ...p, query: auditedQuery(p.query) }),
  }),
  'lectures.roster': defineExport({
    access: lecturesChannels['lectures:getSession'].access,
    params: z.object({ sessionId: idSchema, filter: z.enum(ROSTER_FILTER_KEYS, { error: 'validation.invalidChoice' }).default('all') }).strict(),
    personalData: true,
    build: (ctx, p, lang) => {
      const s = sessionSummary(ctx.db, p.sessionId);
      if (!s) throw notFound('params.sessionId');
      const w = words(ctx, lang);
      const weekday = w.t(`lectures:weekdayShort.${weekdayOf(s.date)}`);
      const when = lang === 'zh-TW' ? `${day(w, s.date)}（${weekday}）` : `${day(w, s.date)} (${weekday}) `;
      const session = [`${when}${s.startTime}–${s.endTime}`, w.t(`lectures:kind.${s.kind}`), w.venue(s.venueId)];
      const lines = [
        w.t('lectures:exports.session', { session: session.filter(Boolean).join(' · ') }),
        w.t('lectures:exports.group', { group: w.t(`lectures:roster.filter.${p.filter}`) }),
      ];
      const rows = rosterOf(ctx.db, s.id).filter((r) => inRosterFilter(r.status, p.filter));
      const fileName = w.t('lectures:exports.rosterFile', { date: s.date, time: s.startTime.replace(':', '') });
      return book(w, fileName, 'lectures.roster', 'lectures:exports.rosterTitle', rosterColumns(w), rows, [...lines, ...minorsLine(w, rows)]);
    },
  }),
};
