import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { fieldError } from '../errors';
import { appendAudit } from '../audit/repository';
import { findRefItem } from '../reference/repository';
import type { Lang } from '../../../shared/api/common';
import type { DayVisits, FaqResult, VisitSummary } from '../../../shared/api/channels/counter';
import { VISIT_OUTCOMES, type Visit, type VisitOutcome } from '../../../shared/domain/counter';
import { parseDateInput } from '../../../shared/lib/rocDate';
import { taipeiDateKey } from '../../../shared/lib/time';
import { topicLinks } from './topicsRepository';
import { countVisits, faqRanking, findVisit, insertVisit, visitsOn } from './visitsRepository';

export interface VisitInput {
  topicIds: number[];
  lang: Lang;
  unitId: number | null;
  outcome: VisitOutcome;
  satisfaction: number | null;
  note: string;
}

/** Units a visitor can be sent to: the bureau's own desks, or a network agency. */
const REFERRAL_KINDS = new Set(['guidanceUnit', 'referralUnit']);

export function logVisit(ctx: HandlerContext, input: VisitInput): Visit {
  const actor = requireActor(ctx);
  return ctx.db.transaction(() => {
    if (input.topicIds.length === 0 && input.note === '') throw fieldError('topicIds', 'counter:errors.purposeRequired');
    if (topicLinks(ctx.db, input.topicIds).length !== input.topicIds.length) throw fieldError('topicIds', 'counter:errors.relatedInvalid');
    if (input.unitId !== null) {
      const unit = findRefItem(ctx.db, input.unitId);
      if (!unit || !REFERRAL_KINDS.has(unit.kind)) throw fieldError('unitId', 'counter:errors.unknownUnit');
    } else if (input.outcome === 'referred') {
      throw fieldError('unitId', 'counter:errors.unitRequired');
    }
    const visitedAt = ctx.now();
    const id = insertVisit(ctx.db, { ...input, visitedAt, visitDate: taipeiDateKey(visitedAt) }, actor.id);
    appendAudit(ctx.db, {
      at: visitedAt,
      accountId: actor.id,
      action: 'create',
      entity: 'counterVisit',
      entityId: id,
      details: { topics: input.topicIds, outcome: input.outcome },
    });
    return findVisit(ctx.db, id) as Visit;
  }).immediate();
}

export function summarise(visits: readonly Visit[]): VisitSummary {
  const byOutcome = Object.fromEntries(VISIT_OUTCOMES.map((o) => [o, 0])) as Record<VisitOutcome, number>;
  const ratings: number[] = [];
  for (const v of visits) {
    byOutcome[v.outcome]++;
    if (v.satisfaction !== null) ratings.push(v.satisfaction);
  }
  const mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null;
  return { total: visits.length, byOutcome, rated: ratings.length, meanSatisfaction: mean };
}

function checkDate(field: string, value: string): void {
  const parsed = parseDateInput(value);
  if (!parsed.ok || parsed.date !== value) throw fieldError(field, 'counter:errors.date');
}

export function dayVisits(ctx: HandlerContext, date: string | undefined): DayVisits {
  const day = date ?? taipeiDateKey(ctx.clock());
  checkDate('date', day);
  const visits = visitsOn(ctx.db, day);
  return { date: day, visits, summary: summarise(visits) };
}

export function faq(ctx: HandlerContext, from: string, to: string, limit: number): FaqResult {
  checkDate('from', from);
  checkDate('to', to);
  if (from > to) throw fieldError('to', 'counter:errors.periodOrder');
  const totalVisits = countVisits(ctx.db, from, to);
  const ranked = faqRanking(ctx.db, from, to, limit);
  // Equal counts share a rank (1, 2, 2, 4): neither topic is asked "more" than the other.
  const items = ranked.map((item) => ({
    ...item,
    rank: ranked.findIndex((other) => other.count === item.count) + 1,
    share: totalVisits ? item.count / totalVisits : 0,
  }));
  return { from, to, totalVisits, items };
}
