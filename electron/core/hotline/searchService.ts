import type { HotlineSettings, RepeatCallers, SearchCallsInput, SearchCallsResult, StaffMember } from '../../../shared/api/channels/hotline';
import { maskPhone, type CallSummary, type HotlineOverview } from '../../../shared/domain/hotline';
import { shiftWindowAt } from '../../../shared/domain/shiftWindow';
import { phoneSearchKey } from '../../../shared/lib/phone';
import { normalizeSearchText } from '../../../shared/lib/text';
import { addDays, startOfTaipeiDay } from '../../../shared/lib/time';
import type { HandlerContext } from '../context';
import { listAccounts } from '../accounts/repository';
import { appError } from '../errors';
import { activeRefs, audit, editWindowHours, setEditWindowHours } from './common';
import { countOpenFollowUps } from './followUpRepository';
import { countReferrals } from './referralRepository';
import { countCalls, findCallSummaries, planSearch, type CallFilter } from './searchRepository';

/** A number shorter than this matches too many unrelated calls to call anyone a repeat caller. */
const MIN_PHONE_KEY = 6;

const latest = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const earliest = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

/** The call list's filter without its page: what the screen searches and what its export writes. */
export type CallQuery = Omit<SearchCallsInput, 'page' | 'pageSize'>;

/** The filter as people chose it, turned into stored values (Taipei days → instants, phone → key). */
export function callFilterOf(input: CallQuery): CallFilter {
  if (input.dateFrom && input.dateTo && input.dateFrom > input.dateTo) {
    throw appError('validation', 'hotline:errors.dateRange', { field: 'dateTo', fields: [{ field: 'dateTo', messageKey: 'hotline:errors.dateRange' }] });
  }
  const text = input.text ? normalizeSearchText(input.text) : '';
  const dayFrom = input.dateFrom ? startOfTaipeiDay(input.dateFrom).toISOString() : undefined;
  const dayTo = input.dateTo ? startOfTaipeiDay(addDays(input.dateTo, 1)).toISOString() : undefined;
  return {
    from: latest(dayFrom, input.startedFrom && new Date(input.startedFrom).toISOString()),
    to: earliest(dayTo, input.startedBefore && new Date(input.startedBefore).toISOString()),
    shiftId: input.shiftId,
    operatorId: input.operatorId,
    callerTypeId: input.callerTypeId,
    serviceItemId: input.serviceItemId,
    flagId: input.flagId,
    flagged: input.flagged,
    referralStatus: input.referralStatus,
    kind: input.kind,
    nonServiceTypeId: input.nonServiceTypeId,
    phoneKey: input.phone ? phoneSearchKey(input.phone) || '-' : undefined,
    terms: text ? text.split(' ') : undefined,
  };
}

export function searchCalls(ctx: HandlerContext, input: SearchCallsInput): SearchCallsResult {
  const filter = callFilterOf(input);
  const plan = planSearch(ctx.db, filter);
  const total = countCalls(ctx.db, filter, plan);
  const rows = findCallSummaries(ctx.db, filter, input.pageSize, (input.page - 1) * input.pageSize, plan);
  const { page: _p, pageSize: _s, phone, ...rest } = input;
  audit(ctx, 'search', 'hotline_call', null, { ...rest, phone: phone ? maskPhone(phone) : undefined, total });
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/** Every call of the filter, newest first, unpaged: the call list's export. */
export function allCalls(ctx: HandlerContext, input: CallQuery): CallSummary[] {
  return findCallSummaries(ctx.db, callFilterOf(input), null, 0);
}

export function repeatCallers(ctx: HandlerContext, input: { phone: string; excludeCallId?: number }): RepeatCallers {
  const key = phoneSearchKey(input.phone);
  if (key.length < MIN_PHONE_KEY) return { count: 0, calls: [] };
  const filter: CallFilter = { phoneKey: key, excludeId: input.excludeCallId };
  const count = countCalls(ctx.db, filter);
  if (count > 0) audit(ctx, 'repeatLookup', 'hotline_call', null, { phone: maskPhone(input.phone), count });
  return { count, calls: count > 0 ? findCallSummaries(ctx.db, filter, 20, 0) : [] };
}

export function overview(ctx: HandlerContext): HotlineOverview {
  const now = ctx.now();
  const w = shiftWindowAt(activeRefs(ctx.db, 'shift'), new Date(now));
  const windowStart = w.start.toISOString();
  const windowEnd = w.end.toISOString();
  return {
    shiftId: w.shift?.id ?? null,
    windowStart,
    windowEnd,
    followUpsDue: countOpenFollowUps(ctx.db, windowEnd, now),
    followUpsOverdue: countOpenFollowUps(ctx.db, now),
    pendingReferrals: countReferrals(ctx.db, 'pending'),
    callsThisShift: countCalls(ctx.db, { from: windowStart, to: windowEnd }),
  };
}

/** People a call can belong to or a follow-up can be given to. */
export function staff(ctx: HandlerContext): StaffMember[] {
  return listAccounts(ctx.db)
    .filter((a) => !a.disabled && (a.roles.includes('operator') || a.roles.includes('supervisor')))
    .map((a) => ({ id: a.id, displayName: a.displayName, roles: a.roles }));
}

export function settings(ctx: HandlerContext): HotlineSettings {
  return { editWindowHours: editWindowHours(ctx.db) };
}

export function updateSettings(ctx: HandlerContext, input: HotlineSettings): HotlineSettings {
  ctx.db.transaction(() => {
    const before = editWindowHours(ctx.db);
    setEditWindowHours(ctx.db, input.editWindowHours);
    audit(ctx, 'update', 'hotline_settings', null, { editWindowHours: { from: before, to: input.editWindowHours } });
  }).immediate();
  return settings(ctx);
}
