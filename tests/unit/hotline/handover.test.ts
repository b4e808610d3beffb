import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { okValue } from '../../support/core';
import { closeBrowser, htmlToPdf, pdfText } from '../../support/pdf';
import { errorOf, HOUR, hotlineFixture, type HotlineFixture } from './helpers';

let f: HotlineFixture;
afterEach(() => f?.t.cleanup());
afterAll(() => closeBrowser());

/** A morning shift (07–15 Taipei) with 3 service calls, 2 silent, 1 wrong number, a flagged call, a referral and follow-ups. */
async function busyMorning(f: HotlineFixture) {
  const silent = f.ref('nonServiceCallType', 'silent').id;
  const wrong = f.ref('nonServiceCallType', 'wrong-number').id;
  const flag = f.ref('riskFlag', 'child-protection').id;
  const first = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() })).call;
  okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ flags: [{ flagId: flag, actionTaken: '已向113通報' }] }) }));
  okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ phone: '' }) }));
  okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: silent }));
  okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: silent }));
  okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: wrong }));
  const unit = f.ref('referralUnit', 'social-protection-assistance').id;
  okValue(await f.t.call('op1', 'hotline:addReferral', { callId: first.id, referral: { unitId: unit, contactPerson: '吳社工', referredOn: '2025-03-05', note: '' } }));
  okValue(await f.t.call('op1', 'hotline:addFollowUp', { callId: first.id, followUp: { dueAt: '2025-03-05T09:00:00.000Z', ownerId: f.op2, note: '晚上回電確認' } }));
  // A call of the night before is not part of this shift's counts.
  okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ startedAt: '2025-03-04T14:00:00.000Z', endedAt: '2025-03-04T14:05:00.000Z' }) }));
  return { silent, wrong, flag, unit, first };
}

describe('shift handover (交班)', () => {
  it('summarises the shift: calls by kind (each non-service type apart), open follow-ups, pending referrals, flagged calls', async () => {
    f = await hotlineFixture(new Date('2025-03-05T06:30:00.000Z')); // 14:30 Taipei, end of the morning shift
    const m = await busyMorning(f);
    const s = okValue(await f.t.call('op1', 'hotline:handoverPreview', { which: 'current' }));
    expect(s).toMatchObject({
      shiftId: f.ref('shift', 'morning').id,
      windowStart: '2025-03-04T23:00:00.000Z',
      windowEnd: '2025-03-05T07:00:00.000Z',
      totalCalls: 6,
      serviceCalls: 3,
      nonServiceCalls: 3,
    });
    expect(s.nonServiceByType).toEqual([
      { typeId: m.silent, count: 2 },
      { typeId: f.ref('nonServiceCallType', 'prank-harassing').id, count: 0 },
      { typeId: m.wrong, count: 1 },
      { typeId: f.ref('nonServiceCallType', 'test').id, count: 0 },
    ]);
    expect(s.openFollowUps).toMatchObject([{ ownerName: '林大明', note: '晚上回電確認', phoneMasked: '0912-***-678' }]);
    expect(s.pendingReferrals).toMatchObject([{ unitId: m.unit, contactPerson: '吳社工' }]);
    expect(s.flaggedCalls).toMatchObject([{ flagIds: [m.flag], actions: ['已向113通報'], operatorName: '陳小華' }]);
    const previous = okValue(await f.t.call('op1', 'hotline:handoverPreview', { which: 'previous' }));
    expect(previous).toMatchObject({ shiftId: f.ref('shift', 'overnight').id, windowStart: '2025-03-04T15:00:00.000Z', totalCalls: 0 });
  });

  it('is saved as handed over; the next shift sees the last unacknowledged one and acknowledges it once', async () => {
    f = await hotlineFixture(new Date('2025-03-05T06:30:00.000Z'));
    await busyMorning(f);
    const h = okValue(await f.t.call('op1', 'hotline:saveHandover', { which: 'current', notes: '吳社工會在明天回覆' }));
    expect(h).toMatchObject({ notes: '吳社工會在明天回覆', createdByName: '陳小華', acknowledgedAt: null, summary: { totalCalls: 6 } });
    // The writer does not get their own handover to acknowledge.
    expect(okValue(await f.t.call('op1', 'hotline:pendingHandover', {}))).toBeNull();
    expect(errorOf(await f.t.call('op1', 'hotline:acknowledgeHandover', { id: h.id }))).toMatchObject({ messageKey: 'hotline:errors.ownHandover' });

    // Later calls do not change what was handed over.
    okValue(await f.t.call('op2', 'hotline:saveCall', { draftId: null, call: f.call({ operatorId: f.op2 }) }));
    f.t.clock.advance(HOUR);
    const pending = okValue(await f.t.call('op2', 'hotline:pendingHandover', {}));
    expect(pending).toMatchObject({ id: h.id, summary: { totalCalls: 6 } });
    const ack = okValue(await f.t.call('op2', 'hotline:acknowledgeHandover', { id: h.id }));
    expect(ack).toMatchObject({ acknowledgedByName: '林大明', acknowledgedAt: '2025-03-05T07:30:00.000Z' });
    expect(okValue(await f.t.call('op2', 'hotline:pendingHandover', {}))).toBeNull();
    expect(errorOf(await f.t.call('op2', 'hotline:acknowledgeHandover', { id: h.id }))).toMatchObject({ messageKey: 'hotline:errors.alreadyAcknowledged' });
    expect(okValue(await f.t.call('admin', 'hotline:handovers', {})).map((x) => x.id)).toEqual([h.id]);
  });

  it('prints with the right counts and masked phone numbers (read back from a real PDF)', async () => {
    f = await hotlineFixture(new Date('2025-03-05T06:30:00.000Z'));
    await busyMorning(f);
    const h = okValue(await f.t.call('op1', 'hotline:saveHandover', { which: 'current', notes: '注意 #1 個案' }));
    const preview = okValue(await f.t.call('op1', 'print:preview', { kind: 'hotline.handover', params: { id: h.id }, lang: 'zh-TW' }));
    const file = join(f.t.dir, 'handover.pdf');
    await htmlToPdf(preview.html, file);
    const text = pdfText(file);
    expect(text).toMatch(/交班紀錄/);
    expect(text).toMatch(/總來電\s*6\s*通/);
    expect(text).toMatch(/服務來電\s*3\s*通/);
    expect(text).toMatch(/無聲電話\s*2\s*通/);
    expect(text).toMatch(/打錯電話\s*1\s*通/);
    expect(text).toMatch(/未完成追蹤（\s*1\s*件）/);
    expect(text).toMatch(/轉介中（\s*1\s*件）/);
    expect(text).toMatch(/0912-\*\*\*-678/);
    expect(text).not.toMatch(/0912-345-678/);
    expect(text).toContain('注意 #1 個案');
  }, 60_000);
});

describe('printing a call record', () => {
  it('masks the phone unless the printer chooses to show it; both are audited', async () => {
    f = await hotlineFixture();
    const flag = f.ref('riskFlag', 'acute-danger').id;
    const d = okValue(
      await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: '<b>來電</b> 表示想輕生', flags: [{ flagId: flag, actionTaken: '撥打119' }] }) }),
    );
    const masked = okValue(await f.t.call('op2', 'print:preview', { kind: 'hotline.call', params: { id: d.call.id }, lang: 'zh-TW' }));
    expect(masked.html).toContain('0912-***-678');
    expect(masked.html).not.toContain('0912-345-678');
    expect(masked.html).toContain('&lt;b&gt;來電&lt;/b&gt;');
    expect(masked.html).toContain('撥打119');
    const full = okValue(await f.t.call('op2', 'print:run', { kind: 'hotline.call', params: { id: d.call.id, showFull: true }, lang: 'en', target: { mode: 'pdf' } }));
    expect(full.done).toBe(true);
    expect(f.t.printHost.saved[0]?.doc.html).toContain('0912-345-678');
    const audits = f.t.core.db
      .prepare("SELECT account_id, action, details FROM audit_log WHERE action IN ('printView', 'savePdf') ORDER BY id")
      .all() as { account_id: number; action: string; details: string }[];
    expect(audits.map((a) => [a.account_id, a.action, JSON.parse(a.details)])).toEqual([
      [f.op2, 'printView', { showFull: false }],
      [f.op2, 'printView', { showFull: true }],
      [f.op2, 'savePdf', { params: { id: d.call.id, showFull: true } }],
    ]);
    expect(errorOf(await f.t.call('op2', 'print:preview', { kind: 'hotline.call', params: { id: 'x' }, lang: 'zh-TW' }))).toMatchObject({ field: 'params.id' });
  });
});
