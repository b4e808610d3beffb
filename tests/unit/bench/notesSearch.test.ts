/**
 * The call notes search reshaped for ten years of calls (electron/core/hotline/textSearch.ts,
 * searchRepository.ts) finds exactly what the LIKE scan found, through the index: short words
 * anywhere in a note (its very end included), in risk-flag actions, any letter case; the three
 * ways of reaching the newest page agree; texts indexed before 0006 are found too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { countCalls, findCallSummaries, planSearch, type CallFilter } from '../../../electron/core/hotline/searchRepository';
import { makeCore, okValue } from '../../support/core';
import { hotlineFixture, type HotlineFixture } from '../hotline/helpers';
import { recordSql } from './support';

const fixtures: HotlineFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.t.cleanup();
});

async function withCalls(notes: string[]): Promise<{ f: HotlineFixture; ids: number[] }> {
  const f = await hotlineFixture();
  fixtures.push(f);
  const ids: number[] = [];
  for (const n of notes) ids.push(okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: n }) })).call.id);
  return { f, ids };
}

const search = async (f: HotlineFixture, text: string) => {
  const r = okValue(await f.t.call('op1', 'hotline:searchCalls', { text }));
  return { ids: r.rows.map((x) => x.id).sort((a, b) => a - b), total: r.total };
};

describe('notes search for short words through the index', () => {
  it('finds 1–2 character words wherever they stand, in any letter case, and in flag actions', async () => {
    const { f, ids } = await withCalls(['詢問美沙冬門診時間', '想去門診', '門診', '暴', '請用LINE傳證明', '家屬詢問講習']);
    const flag = f.ref('riskFlag', 'domestic-violence').id;
    const flagged = okValue(
      await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: '案妻來電', flags: [{ flagId: flag, actionTaken: '已通報家暴中心' }] }) }),
    ).call.id;
    expect(await search(f, '門診')).toEqual({ ids: [ids[0], ids[1], ids[2]], total: 3 });
    expect(await search(f, '暴')).toEqual({ ids: [ids[3], flagged], total: 2 });
    expect(await search(f, '家暴')).toEqual({ ids: [flagged], total: 1 });
    expect(await search(f, 'line')).toEqual({ ids: [ids[4]], total: 1 });
    expect(await search(f, 'Li')).toEqual({ ids: [ids[4]], total: 1 });
    expect(await search(f, '講習 家屬')).toEqual({ ids: [ids[5]], total: 1 });
    expect(await search(f, '診所')).toEqual({ ids: [], total: 0 });
    expect(await search(f, '%')).toEqual({ ids: [], total: 0 });
  });

  it('reads no note with LIKE for a short word (the index vocabulary is used instead)', async () => {
    const { f } = await withCalls(['想去門診', '詢問講習']);
    const ran = await recordSql(f.t.core.db, () => f.t.call('op1', 'hotline:searchCalls', { text: '門診' }));
    expect(ran.some((q) => /hotline_call_text_vocab/.test(q.sql))).toBe(true);
    expect(ran.filter((q) => /body LIKE/.test(q.sql))).toEqual([]);
  });

  it('by id, walking by start time and probing the index give the same page and the same count', async () => {
    const notes = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `第${i}通 個案詢問美沙冬` : `第${i}通 家屬來電`));
    const { f } = await withCalls(notes);
    const db = f.t.core.db;
    for (const terms of [['美沙冬'], ['來電'], ['通']]) {
      const filter: CallFilter = { terms };
      const plan = planSearch(db, filter);
      const pages = (['byId', 'walk', 'probe'] as const).map((reach) => findCallSummaries(db, filter, 7, 3, { ...plan, reach }).map((r) => r.id));
      expect(pages[1], terms.join()).toEqual(pages[0]);
      expect(pages[2], terms.join()).toEqual(pages[0]);
      expect(countCalls(db, filter, plan)).toBe(countCalls(db, { ...filter, kind: 'service' }));
    }
  });
});

describe('texts indexed before 0006', () => {
  it('get the ending that short words need when the database is upgraded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-0006-'));
    try {
      // A file at version 5, with a note indexed the old way (no trailing newlines).
      const old = path.join(dir, 'migrations-0005');
      fs.mkdirSync(old);
      const all = path.resolve(__dirname, '../../../electron/core/db/migrations');
      for (const f of fs.readdirSync(all).filter((n) => n < '0006')) fs.copyFileSync(path.join(all, f), path.join(old, f));
      const file = path.join(dir, 'app.sqlite');
      const v5 = openDatabase(file, { migrationsDir: old }).db;
      v5.prepare('INSERT INTO hotline_call_text (rowid, body) VALUES (1, ?)').run('想去門診');
      v5.close();
      const t = makeCore({ dbFile: file });
      try {
        const rows = t.core.db.prepare("SELECT rowid FROM hotline_call_text WHERE hotline_call_text MATCH '\"門診\n\"'").all();
        expect(rows).toEqual([{ rowid: 1 }]);
        const automerge = t.core.db.prepare("SELECT v FROM hotline_call_text_config WHERE k = 'automerge'").pluck().get();
        expect(automerge).toBe(0);
      } finally {
        t.cleanup();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
