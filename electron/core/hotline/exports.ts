/**
 * The hotline's list screens as spreadsheets (issue 6 item 3): the call list and search, the
 * referrals, the follow-ups and the handovers. Each export takes exactly the filter its
 * screen sends to its list channel, is open to the same roles, and builds its rows with the
 * screen's own query, unpaged. Phones stay masked as on the screen.
 */
import { hotlineChannels, searchCallsSchema } from '../../../shared/api/channels/hotline';
import type { Lang } from '../../../shared/api/common';
import { formatDuration, maskPhone, type CallSummary, type FollowUp, type Handover, type Referral } from '../../../shared/domain/hotline';
import { refName } from '../../../shared/domain/reference';
import { countCell, key, raw, textCell, type Cell } from '../../../shared/domain/reportTable';
import { translatorFor, type TFunction } from '../../../shared/i18n';
import { formatDateForLang } from '../../../shared/lib/rocDate';
import { formatDateTime, taipeiDateKey } from '../../../shared/lib/time';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { findAccountById } from '../accounts/repository';
import { listAllRefItems } from '../reference/repository';
import { describeFilter, listTable, type ListColumn } from '../export/listTable';
import { defineExport, type ExportBook, type ExportSpec } from '../export/spec';
import { handovers } from './handoverService';
import { allCalls, type CallQuery } from './searchService';
import { followUps, referrals } from './workflowService';

const callQuerySchema = searchCallsSchema.omit({ page: true, pageSize: true });

const text = (s: string): Cell => textCell(raw(s));
const instant = (at: string | null): Cell => ({ t: 'instant', at });
/** Record numbers as numbers (sortable in Excel) without a thousands separator. */
const number = (n: number): Cell => ({ t: 'decimal', value: n, digits: 0 });

interface Words {
  t: TFunction;
  lang: Lang;
  /** a reference item's name in the chosen language, '' for none */
  ref(id: number | null): string;
  list(items: string[]): string;
}

function words(ctx: HandlerContext, lang: Lang): Words {
  const byId = new Map(listAllRefItems(ctx.db).map((i) => [i.id, i]));
  return {
    t: translatorFor(lang),
    lang,
    ref: (id) => {
      const item = id === null ? undefined : byId.get(id);
      return item ? refName(item, lang) : '';
    },
    list: (items) => items.filter(Boolean).join(lang === 'zh-TW' ? '、' : ', '),
  };
}

/** The line above the table: what the screen was filtered by, or that it was not. */
const filterLine = (w: Words, parts: readonly (readonly [string, string])[]) =>
  w.t('hotline:exports.filter', { filter: describeFilter(w.lang, parts) || w.t('hotline:exports.noFilter') });

function book<R>(ctx: HandlerContext, w: Words, id: string, titleKey: string, columns: ListColumn<R>[], rows: readonly R[], headerLines: string[]): ExportBook {
  return { fileName: `${w.t(titleKey)} ${taipeiDateKey(ctx.now())}`, headerLines, tables: [listTable(id, key(titleKey), columns, rows)] };
}

function callColumns(w: Words): ListColumn<CallSummary>[] {
  return [
    { key: 'id', label: key('hotline:calls.columns.id'), kind: 'decimal', cell: (c) => number(c.id) },
    { key: 'startedAt', label: key('hotline:fields.startedAt'), kind: 'instant', cell: (c) => instant(c.startedAt) },
    { key: 'duration', label: key('hotline:fields.duration'), kind: 'text', cell: (c) => text(formatDuration(c.durationSec)) },
    { key: 'direction', label: key('hotline:fields.direction'), kind: 'text', cell: (c) => textCell(key(`hotline:direction.${c.direction}`)) },
    { key: 'shift', label: key('hotline:fields.shift'), kind: 'text', cell: (c) => text(w.ref(c.shiftId)) },
    { key: 'kind', label: key('hotline:fields.kind'), kind: 'text', cell: (c) => textCell(key(`hotline:exports.calls.kindOf.${c.kind}`)) },
    {
      key: 'items',
      label: key('hotline:exports.calls.items'),
      kind: 'text',
      cell: (c) => text(c.kind === 'nonService' ? w.ref(c.nonServiceTypeId) : w.list(c.serviceItemIds.map(w.ref))),
    },
    { key: 'callerType', label: key('hotline:fields.callerType'), kind: 'text', cell: (c) => text(w.ref(c.callerTypeId)) },
    { key: 'phone', label: key('hotline:fields.phone'), kind: 'text', cell: (c) => text(c.phoneMasked) },
    { key: 'operator', label: key('hotline:fields.operator'), kind: 'text', cell: (c) => text(c.operatorName) },
    { key: 'flags', label: key('hotline:fields.flags'), kind: 'text', cell: (c) => text(w.list(c.flagIds.map(w.ref))) },
    {
      key: 'referrals',
      label: key('hotline:calls.referralStatus'),
      kind: 'text',
      cell: (c) => text(w.list(c.referralStatuses.map((s) => w.t(`hotline:referrals.status.${s}`)))),
    },
    { key: 'openFollowUps', label: key('hotline:exports.calls.openFollowUps'), kind: 'count', cell: (c) => countCell(c.openFollowUps) },
    { key: 'notes', label: key('hotline:exports.calls.notesExcerpt'), kind: 'text', cell: (c) => text(c.notesExcerpt) },
  ];
}

function describeCalls(ctx: HandlerContext, w: Words, q: CallQuery): string {
  const { t, lang } = w;
  const day = (d?: string) => (d ? formatDateForLang(d, lang, 'short') : '');
  const at = (i?: string) => (i ? formatDateTime(i, lang) : '');
  const maybe = (id?: number) => (id === undefined ? '' : w.ref(id));
  return filterLine(w, [
    [t('hotline:calls.dateFrom'), day(q.dateFrom)],
    [t('hotline:calls.dateTo'), day(q.dateTo)],
    [t('hotline:exports.calls.startedFrom'), at(q.startedFrom)],
    [t('hotline:exports.calls.startedBefore'), at(q.startedBefore)],
    [t('hotline:calls.text'), q.text ?? ''],
    [t('hotline:calls.phone'), q.phone ? maskPhone(q.phone) : ''],
    [t('hotline:fields.kind'), q.kind ? t(`hotline:kind.${q.kind}`) : ''],
    [t('hotline:exports.calls.nonServiceType'), maybe(q.nonServiceTypeId)],
    [t('hotline:fields.shift'), maybe(q.shiftId)],
    [t('hotline:fields.operator'), q.operatorId === undefined ? '' : (findAccountById(ctx.db, q.operatorId)?.displayName ?? `#${q.operatorId}`)],
    [t('hotline:fields.callerType'), maybe(q.callerTypeId)],
    [t('hotline:fields.serviceItems'), maybe(q.serviceItemId)],
    [t('hotline:fields.flags'), q.flagged ? t('hotline:calls.anyFlag') : maybe(q.flagId)],
    [t('hotline:calls.referralStatus'), q.referralStatus ? t(`hotline:referrals.status.${q.referralStatus}`) : ''],
  ]);
}

type ListedReferral = Referral & { phoneMasked: string };

const referralColumns = (w: Words): ListColumn<ListedReferral>[] => [
  { key: 'referredOn', label: key('hotline:referrals.referredOn'), kind: 'date', cell: (r) => ({ t: 'date', date: r.referredOn }) },
  { key: 'unit', label: key('hotline:referrals.unit'), kind: 'text', cell: (r) => text(w.ref(r.unitId)) },
  { key: 'status', label: key('hotline:referrals.statusLabel'), kind: 'text', cell: (r) => textCell(key(`hotline:referrals.status.${r.status}`)) },
  { key: 'contactPerson', label: key('hotline:referrals.contactPerson'), kind: 'text', cell: (r) => text(r.contactPerson) },
  { key: 'callId', label: key('hotline:exports.callNo'), kind: 'decimal', cell: (r) => number(r.callId) },
  { key: 'phone', label: key('hotline:fields.phone'), kind: 'text', cell: (r) => text(r.phoneMasked) },
  { key: 'note', label: key('hotline:referrals.note'), kind: 'text', cell: (r) => text(r.note) },
  { key: 'changedAt', label: key('hotline:exports.referrals.changedAt'), kind: 'instant', cell: (r) => instant(r.history.at(-1)?.at ?? null) },
  { key: 'changedBy', label: key('hotline:exports.referrals.changedBy'), kind: 'text', cell: (r) => text(r.history.at(-1)?.byName ?? '') },
];

function followUpColumns(now: number): ListColumn<FollowUp>[] {
  const state = (f: FollowUp) => (f.doneAt ? 'done' : Date.parse(f.dueAt) < now ? 'overdue' : 'open');
  return [
    { key: 'dueAt', label: key('hotline:followUps.dueAt'), kind: 'instant', cell: (f) => instant(f.dueAt) },
    { key: 'state', label: key('hotline:exports.followUps.state'), kind: 'text', cell: (f) => textCell(key(`hotline:followUps.${state(f)}`)) },
    { key: 'owner', label: key('hotline:followUps.owner'), kind: 'text', cell: (f) => text(f.ownerName) },
    { key: 'callId', label: key('hotline:exports.callNo'), kind: 'decimal', cell: (f) => number(f.callId) },
    { key: 'phone', label: key('hotline:fields.phone'), kind: 'text', cell: (f) => text(f.phoneMasked) },
    { key: 'note', label: key('hotline:followUps.note'), kind: 'text', cell: (f) => text(f.note) },
    { key: 'doneAt', label: key('hotline:exports.followUps.doneAt'), kind: 'instant', cell: (f) => instant(f.doneAt) },
    { key: 'doneBy', label: key('hotline:exports.followUps.doneBy'), kind: 'text', cell: (f) => text(f.doneByName ?? '') },
    { key: 'outcome', label: key('hotline:followUps.outcome'), kind: 'text', cell: (f) => text(f.outcome ?? '') },
  ];
}

function handoverColumns(w: Words): ListColumn<Handover>[] {
  const count = (n: number): Cell => countCell(n);
  return [
    { key: 'shift', label: key('hotline:fields.shift'), kind: 'text', cell: (h) => text(h.shiftId === null ? w.t('hotline:handover.wholeDay') : w.ref(h.shiftId)) },
    { key: 'windowStart', label: key('hotline:exports.handovers.windowStart'), kind: 'instant', cell: (h) => instant(h.windowStart) },
    { key: 'windowEnd', label: key('hotline:exports.handovers.windowEnd'), kind: 'instant', cell: (h) => instant(h.windowEnd) },
    { key: 'writtenBy', label: key('hotline:handover.writtenBy'), kind: 'text', cell: (h) => text(h.createdByName) },
    { key: 'writtenAt', label: key('hotline:exports.handovers.writtenAt'), kind: 'instant', cell: (h) => instant(h.createdAt) },
    { key: 'totalCalls', label: key('hotline:handover.totalCalls'), kind: 'count', cell: (h) => count(h.summary.totalCalls) },
    { key: 'serviceCalls', label: key('hotline:kind.service'), kind: 'count', cell: (h) => count(h.summary.serviceCalls) },
    { key: 'nonServiceCalls', label: key('hotline:kind.nonService'), kind: 'count', cell: (h) => count(h.summary.nonServiceCalls) },
    { key: 'openFollowUps', label: key('hotline:handover.openFollowUps'), kind: 'count', cell: (h) => count(h.summary.openFollowUps.length) },
    { key: 'pendingReferrals', label: key('hotline:handover.pendingReferrals'), kind: 'count', cell: (h) => count(h.summary.pendingReferrals.length) },
    { key: 'flaggedCalls', label: key('hotline:handover.flaggedCalls'), kind: 'count', cell: (h) => count(h.summary.flaggedCalls.length) },
    { key: 'notes', label: key('hotline:handover.notes'), kind: 'text', cell: (h) => text(h.notes) },
    {
      key: 'acknowledgedBy',
      label: key('hotline:handover.acknowledgedBy'),
      kind: 'text',
      cell: (h) => (h.acknowledgedAt ? text(h.acknowledgedByName ?? '') : textCell(key('hotline:handover.notAcknowledged'))),
    },
    { key: 'acknowledgedAt', label: key('hotline:exports.handovers.acknowledgedAt'), kind: 'instant', cell: (h) => instant(h.acknowledgedAt) },
  ];
}

export const hotlineExports: Record<string, ExportSpec<never>> = {
  'hotline.calls': defineExport({
    access: hotlineChannels['hotline:searchCalls'].access,
    params: callQuerySchema,
    personalData: true,
    build: (ctx, q, lang) => {
      const w = words(ctx, lang);
      return book(ctx, w, 'hotline.calls', 'hotline:calls.title', callColumns(w), allCalls(ctx, q), [describeCalls(ctx, w, q)]);
    },
    // As the search's own audit entry: the phone searched for is kept masked.
    auditParams: (q) => ({ ...q, phone: q.phone ? maskPhone(q.phone) : undefined }),
  }),
  'hotline.referrals': defineExport({
    access: hotlineChannels['hotline:referrals'].access,
    params: hotlineChannels['hotline:referrals'].input,
    personalData: true,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      const status = p.status ? w.t(`hotline:referrals.status.${p.status}`) : '';
      const line = filterLine(w, [[w.t('hotline:referrals.statusLabel'), status]]);
      return book(ctx, w, 'hotline.referrals', 'hotline:referrals.title', referralColumns(w), referrals(ctx, p, null), [line]);
    },
  }),
  'hotline.followUps': defineExport({
    access: hotlineChannels['hotline:followUps'].access,
    params: hotlineChannels['hotline:followUps'].input,
    personalData: true,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      const line = filterLine(w, [
        [w.t('hotline:exports.followUps.state'), w.t(p.open ? 'hotline:followUps.open' : 'hotline:followUps.done')],
        [w.t('hotline:followUps.owner'), p.mine ? requireActor(ctx).displayName : ''],
      ]);
      return book(ctx, w, 'hotline.followUps', 'hotline:followUps.title', followUpColumns(Date.parse(ctx.now())), followUps(ctx, p, null), [line]);
    },
  }),
  'hotline.handovers': defineExport({
    access: hotlineChannels['hotline:handovers'].access,
    params: hotlineChannels['hotline:handovers'].input,
    // Handover notes are free text about callers and cases.
    personalData: true,
    build: (ctx, _p, lang) => {
      const w = words(ctx, lang);
      return book(ctx, w, 'hotline.handovers', 'hotline:handover.past', handoverColumns(w), handovers(ctx, null), []);
    },
  }),
};
