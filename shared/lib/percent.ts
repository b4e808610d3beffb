/**
 * Percentages the way the bureau prints them (seed 004: one decimal in 表一–表三 and most
 * rates, two decimals for the hotline's service items, e.g. 心理支持 497 項次（占 47.11%）).
 *
 * Values are kept as whole "units" of 10^-decimals percent (47.11% at 2 decimals = 4711 units)
 * and computed with integer arithmetic, so 0.5 boundaries never depend on binary floating point.
 *
 * A row of shares of one total (a partition: 表二, 表三…) is rounded with the largest-remainder
 * (Hamilton) method, so it adds up to exactly 100.0%: each share is truncated, then the missing
 * units go to the shares with the largest truncated remainders. Plain rounding would print
 * 100.1% for 表三 (19/45/41/40/26/20/5 of 196), which the seed itself avoided by hand.
 */

export type Decimals = 1 | 2;

const scale = (decimals: Decimals): number => 100 * 10 ** decimals;

/**
 * One rate, rounded half up: `numerator ÷ denominator` in units of 10^-decimals percent;
 * null when the denominator is 0 (no rate, rather than a misleading 0%).
 */
export function percentUnits(numerator: number, denominator: number, decimals: Decimals): number | null {
  assertCount(numerator);
  assertCount(denominator);
  if (denominator === 0) return null;
  const n = numerator * scale(decimals);
  // floor((2n + d) / 2d) = round-half-up of n/d without leaving integers.
  return Math.floor((2 * n + denominator) / (2 * denominator));
}

/**
 * Shares of a partition that add up to exactly 100% (largest remainder). The total is the
 * sum of the counts; all null when it is 0. Ties go to the larger count, then to the earlier
 * position, so the result never depends on sort stability.
 */
export function largestRemainderUnits(counts: readonly number[], decimals: Decimals): (number | null)[] {
  counts.forEach(assertCount);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => null);
  const s = scale(decimals);
  const base = counts.map((c) => Math.floor((c * s) / total));
  const remainders = counts.map((c) => (c * s) % total);
  let missing = s - base.reduce((a, b) => a + b, 0);
  const order = counts
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
  for (const i of order) {
    if (missing <= 0) break;
    // An exact share (remainder 0) never needs rounding up; only truncated ones take units.
    if ((remainders[i] ?? 0) === 0) continue;
    base[i] = (base[i] ?? 0) + 1;
    missing -= 1;
  }
  return base;
}

/** Units → the number a spreadsheet stores as a percentage (4711 at 2 decimals → 0.4711). */
export function unitsToFraction(units: number, decimals: Decimals): number {
  return units / scale(decimals);
}

/** 4711 at 2 decimals → "47.11%"; 230 at 1 → "23.0%"; null → "—". */
export function formatPercentUnits(units: number | null, decimals: Decimals): string {
  if (units === null) return '—';
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const div = 10 ** decimals;
  const whole = Math.floor(abs / div);
  const frac = String(abs % div).padStart(decimals, '0');
  return `${sign}${whole.toLocaleString('en-US')}.${frac}%`;
}

/** A rate as text in one step: formatPercent(12, 94, 1) → "12.8%". */
export function formatPercent(numerator: number, denominator: number, decimals: Decimals): string {
  return formatPercentUnits(percentUnits(numerator, denominator, decimals), decimals);
}

/** Counts as the bureau writes them: 1,014 (the same grouping in both interface languages). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A count must be a non-negative integer, got ${n}`);
}
