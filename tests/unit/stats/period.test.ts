import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  formatPeriodDays,
  monthOf,
  periodProblem,
  periodRange,
  periodSchema,
  periodTag,
  shiftPeriod,
  trendMonths,
} from '../../../shared/domain/statsPeriod';

describe('period → Taipei day boundaries', () => {
  it('a month runs from Taipei midnight of the 1st to Taipei midnight after the last day, as UTC instants', () => {
    expect(periodRange({ kind: 'month', year: 2025, month: 3 })).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
      fromInstant: '2025-02-28T16:00:00.000Z',
      toInstant: '2025-03-31T16:00:00.000Z',
    });
  });

  it('February of a leap year, quarters and years end on their real last day', () => {
    expect(periodRange({ kind: 'month', year: 2024, month: 2 }).to).toBe('2024-02-29');
    expect(periodRange({ kind: 'quarter', year: 2025, quarter: 4 })).toMatchObject({ from: '2025-10-01', to: '2025-12-31', toInstant: '2025-12-31T16:00:00.000Z' });
    expect(periodRange({ kind: 'year', year: 2025 })).toMatchObject({ from: '2025-01-01', to: '2025-12-31', fromInstant: '2024-12-31T16:00:00.000Z' });
  });

  it('a call at 23:59 Taipei on the last day is inside; at 00:00 the next day it is not', () => {
    const r = periodRange({ kind: 'custom', from: '2025-03-01', to: '2025-03-15' });
    const lastMinute = new Date('2025-03-15T15:59:00.000Z').toISOString();
    const nextDay = new Date('2025-03-15T16:00:00.000Z').toISOString();
    expect(lastMinute >= r.fromInstant && lastMinute < r.toInstant).toBe(true);
    expect(nextDay >= r.fromInstant && nextDay < r.toInstant).toBe(false);
  });
});

describe('ROC display', () => {
  it('shows the period in 民國 years in zh-TW and Gregorian in English', () => {
    expect(formatPeriod({ kind: 'month', year: 2018, month: 1 }, 'zh-TW')).toBe('民國107年1月');
    expect(formatPeriod({ kind: 'month', year: 2018, month: 1 }, 'en')).toBe('January 2018');
    expect(formatPeriod({ kind: 'quarter', year: 2025, quarter: 2 }, 'zh-TW')).toBe('民國114年第2季');
    expect(formatPeriod({ kind: 'year', year: 2017 }, 'zh-TW')).toBe('民國106年');
    expect(formatPeriod({ kind: 'custom', from: '2025-03-01', to: '2025-03-15' }, 'zh-TW')).toBe('民國114年3月1日至114年3月15日');
    expect(formatPeriod({ kind: 'custom', from: '2025-03-01', to: '2025-03-15' }, 'en')).toBe('1 March 2025 – 15 March 2025');
    expect(formatPeriodDays({ kind: 'month', year: 2025, month: 3 }, 'zh-TW')).toBe('114/03/01–114/03/31');
  });

  it('names files without characters a file system refuses', () => {
    expect(periodTag({ kind: 'quarter', year: 2025, quarter: 1 })).toBe('2025-Q1');
    expect(periodTag({ kind: 'custom', from: '2025-03-01', to: '2025-03-15' })).toBe('2025-03-01_2025-03-15');
  });
});

describe('period checks', () => {
  it('accepts the four kinds and refuses nonsense', () => {
    expect(periodSchema.safeParse({ kind: 'month', year: 2025, month: 3 }).success).toBe(true);
    expect(periodSchema.safeParse({ kind: 'month', year: 2025, month: 13 }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'quarter', year: 2025, quarter: 5 }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'custom', from: '2025-02-30', to: '2025-03-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'week', year: 2025 }).success).toBe(false);
  });

  it('a custom range must not end before it starts nor span more than five years', () => {
    expect(periodProblem({ kind: 'custom', from: '2025-03-10', to: '2025-03-01' })).toEqual({ field: 'to', messageKey: 'stats:errors.toBeforeFrom' });
    expect(periodProblem({ kind: 'custom', from: '2015-01-01', to: '2025-01-01' })).toEqual({ field: 'to', messageKey: 'stats:errors.rangeTooLong' });
    expect(periodProblem({ kind: 'custom', from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});

describe('navigation and trends', () => {
  it('steps to the previous and next period across year ends', () => {
    expect(shiftPeriod({ kind: 'month', year: 2025, month: 1 }, -1)).toEqual({ kind: 'month', year: 2024, month: 12 });
    expect(shiftPeriod({ kind: 'quarter', year: 2025, quarter: 4 }, 1)).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(shiftPeriod({ kind: 'custom', from: '2025-03-01', to: '2025-03-10' }, 1)).toEqual({ kind: 'custom', from: '2025-03-11', to: '2025-03-20' });
  });

  it('the month of an instant is read on the Taipei calendar', () => {
    expect(monthOf('2025-03-31T16:30:00.000Z')).toEqual({ kind: 'month', year: 2025, month: 4 });
  });

  it('a month shows the twelve months up to it; a year its own months', () => {
    expect(trendMonths({ kind: 'month', year: 2025, month: 3 })).toEqual([
      '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03',
    ]);
    expect(trendMonths({ kind: 'month', year: 2025, month: 12 })[0]).toBe('2025-01');
    expect(trendMonths({ kind: 'year', year: 2025 })).toHaveLength(12);
    expect(trendMonths({ kind: 'custom', from: '2025-03-20', to: '2025-05-02' })).toEqual(['2025-03', '2025-04', '2025-05']);
  });
});
