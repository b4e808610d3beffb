import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { newDesk, type Desk } from './support';

async function codes(d: Desk, query: string): Promise<string[]> {
  const hits = okValue(await d.call('desk', 'counter:searchTopics', { query }));
  const byId = new Map((d.core.db.prepare('SELECT id, code FROM counter_topics').all() as { id: number; code: string }[]).map((r) => [r.id, r.code]));
  return hits.map((h) => byId.get(h.id) ?? String(h.id));
}

describe('topic search', () => {
  it('finds Chinese substrings of three or more characters through the trigram index', async () => {
    const d = await newDesk();
    expect((await codes(d, '關懷站'))[0]).toBe('care-stations');
    expect((await codes(d, '螢火蟲'))[0]).toBe('volunteers');
    // In the middle of a word, not only at its start.
    expect(await codes(d, '火蟲家')).toContain('volunteers');
  });

  it('finds one- and two-character Chinese queries too (LIKE fallback), title matches first', async () => {
    const d = await newDesk();
    expect((await codes(d, '請假'))[0]).toBe('lecture-leave');
    const single = await codes(d, '孕');
    expect(single[0]).toBe('women-team');
    expect(await codes(d, '罰')).toContain('lecture-attend');
  });

  it('finds English, ignoring case and full-width letters, and requires every word', async () => {
    const d = await newDesk();
    expect((await codes(d, 'leave'))[0]).toBe('lecture-leave');
    expect((await codes(d, 'LEAVE'))[0]).toBe('lecture-leave');
    expect((await codes(d, 'ｌｅａｖｅ'))[0]).toBe('lecture-leave');
    expect((await codes(d, 'firefly'))[0]).toBe('volunteers');
    const both = await codes(d, 'lecture transfer');
    expect(both[0]).toBe('lecture-transfer-city');
    expect(both).not.toContain('hotline');
    // Mixed: a two-letter word forces the LIKE path for the whole query; still every word counts.
    expect((await codes(d, 'LINE 請假'))[0]).toBe('lecture-leave');
  });

  it('finds topics by the words visitors use (keywords), in either language', async () => {
    const d = await newDesk();
    expect((await codes(d, '找工作'))[0]).toBe('employment');
    expect((await codes(d, 'rent'))[0]).toBe('subsidies-living');
  });

  it('returns nothing for no match, and survives quotes, % and _ in the query', async () => {
    const d = await newDesk();
    expect(await codes(d, '天文望遠鏡')).toEqual([]);
    expect(await codes(d, '"天文')).toEqual([]);
    // A quote alone is a real character: it matches the topics whose texts quote a programme name.
    expect(await codes(d, '"')).toContain('support-group');
    expect(await codes(d, '100%')).toEqual([]);
    expect(await codes(d, '_')).toEqual([]);
    expect(await codes(d, '"講習" OR *')).toEqual([]);
  });

  it('ranks what visitors ask most first among equally relevant topics', async () => {
    const d = await newDesk();
    // '講習' is in the title of attend, leave, transfer and the progress inquiry; nobody asked yet.
    const before = await codes(d, '講習');
    expect(before.slice(0, 4).sort()).toEqual(['lecture-attend', 'lecture-leave', 'lecture-transfer-city', 'progress-inquiry']);
    expect(before[0]).not.toBe('lecture-transfer-city');
    const transfer = d.topicId('lecture-transfer-city');
    const leave = d.topicId('lecture-leave');
    await d.visit([transfer]);
    await d.visit([transfer, leave]);
    await d.visit([transfer]);
    await d.visit([leave]);
    const after = await codes(d, '講習');
    expect(after.slice(0, 2)).toEqual(['lecture-transfer-city', 'lecture-leave']);
    const hits = okValue(await d.call('desk', 'counter:searchTopics', { query: '講習' }));
    expect(hits[0]?.asks).toBe(3);
  });

  it('does not let popularity beat relevance: a topic asked often but matching only in its body stays below title matches', async () => {
    const d = await newDesk();
    const counselling = d.topicId('lecture-counselling'); // '講習' only in its text, not its title
    for (let i = 0; i < 5; i++) await d.visit([counselling]);
    const ranked = await codes(d, '講習');
    expect(ranked.indexOf('lecture-counselling')).toBeGreaterThan(ranked.indexOf('lecture-transfer-city'));
  });

  it('counts only the last 90 days of visits as "asked often"', async () => {
    const d = await newDesk(new Date('2025-01-01T02:00:00.000Z'));
    const transfer = d.topicId('lecture-transfer-city');
    for (let i = 0; i < 3; i++) await d.visit([transfer]);
    expect((await codes(d, '講習'))[0]).toBe('lecture-transfer-city');
    d.clock.advance(90 * 24 * 3600 * 1000); // 2025-04-01: 2025-01-01 is outside 03-03…04-01
    expect((await codes(d, '講習'))[0]).not.toBe('lecture-transfer-city');
  });

  it('browsing (empty query) lists every published topic, most asked first', async () => {
    const d = await newDesk();
    const forms = d.topicId('forms');
    await d.visit([forms]);
    const all = await codes(d, '');
    expect(all[0]).toBe('forms');
    expect(all.length).toBeGreaterThanOrEqual(12);
  });
});
