import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatPercentUnits, largestRemainderUnits, percentUnits, unitsToFraction } from '../../../shared/lib/percent';

const shares = (counts: number[], decimals: 1 | 2 = 1) => largestRemainderUnits(counts, decimals).map((u) => formatPercentUnits(u, decimals));
const total = (units: (number | null)[]) => units.reduce<number>((a, u) => a + (u ?? 0), 0);

describe('percentages as the bureau prints them (seed 004)', () => {
  it('表三 (19/45/41/40/26/20/5 of 196) adds up to 100.0% exactly as the seed prints it', () => {
    // Plain rounding gives 9.7 23.0 20.9 20.4 13.3 10.2 2.6 = 100.1%; the seed prints 2.5% for 其他,
    // which is what largest remainder gives (2.551… has the smallest remainder of those rounded up).
    expect(shares([19, 45, 41, 40, 26, 20, 5])).toEqual(['9.7%', '23.0%', '20.9%', '20.4%', '13.3%', '10.2%', '2.5%']);
    expect(total(largestRemainderUnits([19, 45, 41, 40, 26, 20, 5], 1))).toBe(1000);
  });

  it('表一 (27,749/5,048/846/1,365 of 35,008) matches the seed cell for cell', () => {
    expect(shares([27749, 5048, 846, 1365])).toEqual(['79.3%', '14.4%', '2.4%', '3.9%']);
  });

  it('表二 (55/21/190/2/15/11 of 294) adds up to 100.0%; it differs from the seed in two cells, as explained', () => {
    // Exact: 18.707 7.143 64.626 0.680 5.102 3.741. Plain rounding sums to 99.9%, so one share must be
    // rounded up against the usual rule. Largest remainder picks 社會局 (7.143 → 7.2, remainder .43)
    // over 中途之家 (3.741 → 3.8, remainder .41); the seed printed 7.1% and 3.8%. Both rows total 100.0%.
    expect(shares([55, 21, 190, 2, 15, 11])).toEqual(['18.7%', '7.2%', '64.6%', '0.7%', '5.1%', '3.7%']);
    expect(total(largestRemainderUnits([55, 21, 190, 2, 15, 11], 1))).toBe(1000);
  });

  it('the hotline paragraph: service items carry two decimals (497 and 181 of 1,055)', () => {
    expect(formatPercent(497, 1055, 2)).toBe('47.11%');
    expect(formatPercent(181, 1055, 2)).toBe('17.16%');
  });

  it('clients and families 509 of 1,014 round to 50.2%; the seed prints 50.1% (truncated, not rounded)', () => {
    // 509 / 1014 = 0.501972…; the seed's own 47.11% and 17.16% are rounded, so 50.2% is the consistent figure.
    expect(formatPercent(509, 1014, 1)).toBe('50.2%');
  });

  it('lecture rates of 107 年 1 月: counselling 12 ÷ 94 = 12.8% as printed; attendance 94 ÷ 118 is 79.7%, not the printed 79.4%', () => {
    expect(formatPercent(12, 94, 1)).toBe('12.8%');
    expect(formatPercent(94, 118, 1)).toBe('79.7%');
  });
});

describe('percentUnits', () => {
  it('rounds half up in exact integer arithmetic (no floating-point 0.5 surprises)', () => {
    expect(percentUnits(1, 8, 1)).toBe(125); // 12.5% exactly
    expect(percentUnits(1, 16, 1)).toBe(63); // 6.25 → 6.3
    expect(percentUnits(1, 16, 2)).toBe(625);
    expect(percentUnits(2, 3, 2)).toBe(6667);
    expect(percentUnits(0, 5, 1)).toBe(0);
  });

  it('has no rate when the denominator is 0', () => {
    expect(percentUnits(0, 0, 1)).toBeNull();
    expect(formatPercent(3, 0, 1)).toBe('—');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => percentUnits(-1, 5, 1)).toThrow(RangeError);
    expect(() => percentUnits(1.5, 5, 1)).toThrow(RangeError);
  });
});

describe('largestRemainderUnits', () => {
  it('always sums to 100% for any non-empty partition', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 500;
    for (let i = 0; i < 300; i += 1) {
      const counts = Array.from({ length: 1 + (i % 12) }, rand);
      if (counts.every((c) => c === 0)) continue;
      for (const d of [1, 2] as const) expect(total(largestRemainderUnits(counts, d))).toBe(100 * 10 ** d);
    }
  });

  it('never moves a share more than one unit from its exact value', () => {
    const counts = [1, 1, 1];
    const units = largestRemainderUnits(counts, 1);
    expect(units).toEqual([334, 333, 333]);
  });

  it('leaves exact shares alone and gives zero counts 0%', () => {
    expect(shares([1, 1, 2, 0])).toEqual(['25.0%', '25.0%', '50.0%', '0.0%']);
  });

  it('gives no shares for an all-zero row', () => {
    expect(largestRemainderUnits([0, 0], 1)).toEqual([null, null]);
  });

  it('breaks ties by the larger count, then by position', () => {
    // 1/3 each: one of them must take the extra unit; with equal counts, the first does.
    expect(largestRemainderUnits([2, 2, 2], 1)).toEqual([334, 333, 333]);
    // 1/16 = 6.25% and 3/16 = 18.75%: the same remainder, one unit to give; the larger count takes it
    expect(largestRemainderUnits([1, 3, 12], 1)).toEqual([62, 188, 750]);
    // exact shares need no rounding at all
    expect(largestRemainderUnits([5, 3], 1)).toEqual([625, 375]);
  });
});

describe('formatting', () => {
  it('writes units with the stated decimals and groups thousands', () => {
    expect(formatPercentUnits(4711, 2)).toBe('47.11%');
    expect(formatPercentUnits(230, 1)).toBe('23.0%');
    expect(formatPercentUnits(5, 2)).toBe('0.05%');
    expect(formatPercentUnits(10000, 2)).toBe('100.00%');
    expect(formatPercentUnits(null, 1)).toBe('—');
    expect(formatCount(35008)).toBe('35,008');
    expect(unitsToFraction(4711, 2)).toBeCloseTo(0.4711, 10);
  });
});
