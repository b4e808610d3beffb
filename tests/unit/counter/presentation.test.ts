import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { decodeQrSvg } from '../../support/qr';
import { qrSvg } from '../../../electron/core/counter/qr';
import { newDesk } from './support';

describe('visitor-facing screen', () => {
  it('shows the opened topic in the visitor’s language to a window nobody signed into', async () => {
    const d = await newDesk();
    const id = d.topicId('lecture-leave');
    expect(okValue(await d.call('visitor-window', 'counter:presented', {}))).toMatchObject({ topic: null });

    const p = okValue(await d.call('desk', 'counter:present', { topicId: id, lang: 'en' }));
    const screen = okValue(await d.call('visitor-window', 'counter:presented', {}));
    expect(screen.seq).toBe(p.seq);
    expect(screen.lang).toBe('en');
    expect(screen.topic).toMatchObject({
      title: 'Lecture leave and rescheduling',
      unit: { name: 'Counselling and Treatment Section (drug hazard lectures)', floorRoom: '2F' },
      webUrl: 'https://dsacp.kcg.gov.tw/',
    });
    expect(screen.topic?.summary).not.toMatch(/[\u4e00-\u9fff]/);
    expect(screen.topic?.related).toContain('Class 3/4 drug-hazard lecture: notice and check-in');
    // The QR code on screen opens the topic's web address.
    const svg = Buffer.from(screen.topic?.qr.replace('data:image/svg+xml;base64,', '') ?? '', 'base64').toString('utf8');
    expect(decodeQrSvg(svg)).toBe('https://dsacp.kcg.gov.tw/');

    // Switching the visitor's language redraws the same topic in Chinese.
    okValue(await d.call('desk', 'counter:present', { topicId: id, lang: 'zh-TW' }));
    const zh = okValue(await d.call('visitor-window', 'counter:presented', {}));
    expect(zh.topic?.title).toBe('講習請假與改期（轉訓）');
    expect(zh.seq).toBeGreaterThan(screen.seq);
    expect(zh.topic?.unit?.floorRoom).toBe('2樓');
  });

  it('a visitor window cannot do anything else: every other channel refuses it', async () => {
    const d = await newDesk();
    expect(await d.call('visitor-window', 'counter:present', { topicId: 1, lang: 'en' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await d.call('visitor-window', 'counter:searchTopics', { query: '' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('never shows a draft; goes back to the welcome screen when the topic is retired, the visit logged, or after 10 minutes', async () => {
    const d = await newDesk();
    const draft = okValue(await d.call('admin', 'counter:createTopic', { titleZh: '內部草稿' }));
    expect(await d.call('desk', 'counter:present', { topicId: draft.id, lang: 'zh-TW' })).toMatchObject({ ok: false, error: { code: 'notFound' } });

    const id = d.topicId('forms');
    okValue(await d.call('desk', 'counter:present', { topicId: id, lang: 'zh-TW' }));
    okValue(await d.call('admin', 'counter:setTopicStatus', { id, expectedRevision: 1, status: 'retired' }));
    expect(okValue(await d.call('visitor-window', 'counter:presented', {})).topic).toBeNull();

    const hotline = d.topicId('hotline');
    okValue(await d.call('desk', 'counter:present', { topicId: hotline, lang: 'zh-TW' }));
    await d.visit([hotline]);
    expect(okValue(await d.call('visitor-window', 'counter:presented', {})).topic).toBeNull();

    okValue(await d.call('desk', 'counter:present', { topicId: hotline, lang: 'en' }));
    d.clock.advance(9 * 60_000);
    expect(okValue(await d.call('visitor-window', 'counter:presented', {})).topic).not.toBeNull();
    d.clock.advance(2 * 60_000);
    expect(okValue(await d.call('visitor-window', 'counter:presented', {})).topic).toBeNull();

    // Staff can blank it at once, too.
    okValue(await d.call('desk', 'counter:present', { topicId: hotline, lang: 'en' }));
    okValue(await d.call('desk', 'counter:present', { topicId: null, lang: 'en' }));
    expect(okValue(await d.call('visitor-window', 'counter:presented', {})).topic).toBeNull();
  });

  it('QR codes decode to exactly the address, including long ones with query strings', () => {
    for (const url of ['https://dsacp.kcg.gov.tw/', 'https://dsacp.kcg.gov.tw/News_Content.aspx?n=1&sms=2&s=3#part', 'http://example.gov.tw/表單']) {
      expect(decodeQrSvg(qrSvg(url))).toBe(url);
    }
  });
});
