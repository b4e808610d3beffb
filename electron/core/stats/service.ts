import type { StatsSection, StatsSectionResult } from '../../../shared/api/channels/stats';
import { STATS_SECTIONS } from '../../../shared/api/channels/stats';
import type { ReportTable } from '../../../shared/domain/reportTable';
import { monthsRange, periodProblem, periodRange, trendMonths, type Period } from '../../../shared/domain/statsPeriod';
import { taipeiDateKey } from '../../../shared/lib/time';
import type { HandlerContext } from '../context';
import { fieldError } from '../errors';
import { counterCounts } from './counterStats';
import { counterSummary, counterTables } from './counterTables';
import { hotlineCounts } from './hotlineStats';
import { hotlineSummary, hotlineTables } from './hotlineTables';
import { lectureCounts } from './lecturesStats';
import { lecturesSummary, lecturesTables } from './lecturesTables';
import { trendTables } from './trendTables';

/** Refuses a custom range that ends before it starts or spans too long, at the field that is wrong. */
export function checkPeriod(period: Period, fieldPrefix = 'period'): void {
  const problem = periodProblem(period);
  if (problem) throw fieldError(`${fieldPrefix}.${problem.field}`, problem.messageKey);
}

/**
 * One part of the statistics for a period, computed from the records in one read
 * transaction so every table of the part sees the same snapshot.
 */
export function computeSection(ctx: HandlerContext, period: Period, section: StatsSection): StatsSectionResult {
  checkPeriod(period);
  const range = periodRange(period);
  const today = taipeiDateKey(ctx.now());
  const base = { section, period, from: range.from, to: range.to };
  return ctx.db.transaction((): StatsSectionResult => {
    switch (section) {
      case 'hotline': {
        const c = hotlineCounts(ctx.db, range, ctx.now());
        return { ...base, summary: hotlineSummary(ctx.db, c), tables: hotlineTables(ctx.db, c) };
      }
      case 'lectures': {
        const c = lectureCounts(ctx.db, range, today);
        return { ...base, summary: lecturesSummary(c), tables: lecturesTables(ctx.db, c) };
      }
      case 'counter': {
        const c = counterCounts(ctx.db, range);
        return { ...base, summary: counterSummary(c), tables: counterTables(ctx.db, c) };
      }
      case 'trends': {
        const months = trendMonths(period);
        return { ...base, summary: [], tables: trendTables(ctx.db, months, monthsRange(months), today) };
      }
    }
  })();
}

export function computeAll(ctx: HandlerContext, period: Period): StatsSectionResult[] {
  return STATS_SECTIONS.map((s) => computeSection(ctx, period, s));
}

/** The table with this id, e.g. 'hotline.callerType'; its section is the part before the dot. */
export function findTable(ctx: HandlerContext, period: Period, tableId: string): ReportTable | null {
  const section = STATS_SECTIONS.find((s) => tableId.startsWith(`${s}.`));
  if (!section) return null;
  return computeSection(ctx, period, section).tables.find((t) => t.id === tableId) ?? null;
}
