/**
 * The bench's pairing of a measure with its baseline: what runs untimed between them (the app's
 * idle upkeep before each save and each bare INSERT, tests/bench/coreMeasures.ts) is never
 * counted in either. A virtual clock makes the durations exact.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timePair } from '../../bench/measure';

afterEach(() => vi.restoreAllMocks());

describe('timePair', () => {
  it('runs the settle step untimed before the measure and again before its baseline, after the pair’s own step', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const log: string[] = [];
    const t = await timePair(
      { n: 3, warmup: 1 },
      (i) => {
        log.push(`measure ${i}`);
        clock += 1;
      },
      (i) => {
        log.push(`baseline ${i}`);
        clock += 2;
      },
      (i) => {
        log.push(`before ${i}`);
        clock += 50;
      },
      () => {
        log.push('settle');
        clock += 100;
      },
    );
    expect(t).toEqual({ measure: [1, 1, 1], baseline: [2, 2, 2] });
    expect(log.slice(0, 5)).toEqual(['before 0', 'settle', 'measure 0', 'settle', 'baseline 0']);
    expect(log).toHaveLength(4 * 5);
  });

  it('without a settle step, times the pair back to back', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const t = await timePair(
      { n: 2, warmup: 0 },
      () => void (clock += 3),
      () => void (clock += 4),
    );
    expect(t).toEqual({ measure: [3, 3], baseline: [4, 4] });
  });
});
