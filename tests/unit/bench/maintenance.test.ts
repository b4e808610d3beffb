/**
 * Index upkeep in idle time (electron/core/db/maintenance.ts): saves do not merge the notes
 * index, the app does it (and checkpoints the WAL) once nothing has happened for IDLE_MS.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS } from '../../../electron/core/db/maintenance';
import { okValue } from '../../support/core';
import { hotlineFixture, type HotlineFixture } from '../hotline/helpers';

const fixtures: HotlineFixture[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const f of fixtures.splice(0)) f.t.cleanup();
});

/** Segments of the notes index: one per save while merging waits (its structure record lists them). */
const segments = (f: HotlineFixture) => f.t.core.db.prepare('SELECT count(*) FROM hotline_call_text_data WHERE id > 10').pluck().get() as number;

describe('idle-time upkeep', () => {
  it('saves leave merging to idle time; after IDLE_MS the segments are merged and the WAL checkpointed', async () => {
    const f = await hotlineFixture();
    fixtures.push(f);
    vi.useFakeTimers();
    for (let i = 0; i < 8; i++) okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: `第${i}通 詢問美沙冬門診` }) }));
    const before = segments(f);
    const wal = `${f.t.dbFile}-wal`;
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(segments(f)).toBe(before);
    vi.advanceTimersByTime(1);
    expect(segments(f)).toBeLessThan(before);
    // PASSIVE checkpoint: every frame copied into the database file, so the next write starts the WAL over.
    const [row] = f.t.core.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(row?.checkpointed).toBe(row?.log);
    // And searching still finds every call.
    expect(okValue(await f.t.call('op1', 'hotline:searchCalls', { text: '門診' })).total).toBe(8);
  });

  it('every call restarts the idle clock; closing the core cancels what is pending', async () => {
    const f = await hotlineFixture();
    fixtures.push(f);
    vi.useFakeTimers();
    for (let i = 0; i < 6; i++) okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: `第${i}通` }) }));
    const before = segments(f);
    vi.advanceTimersByTime(IDLE_MS / 2);
    okValue(await f.t.call('op1', 'hotline:staff', {}));
    vi.advanceTimersByTime(IDLE_MS / 2);
    expect(segments(f)).toBe(before);
    vi.advanceTimersByTime(IDLE_MS / 2);
    expect(segments(f)).toBeLessThan(before);
    okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: '最後一通' }) }));
    f.t.core.close();
    expect(() => vi.advanceTimersByTime(IDLE_MS * 2)).not.toThrow();
    expect(f.t.logs).toEqual([]);
  });
});
