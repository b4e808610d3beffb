import { afterEach, describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { errorOf, HOUR, hotlineFixture, type HotlineFixture } from './helpers';

let f: HotlineFixture;
afterEach(() => f?.t.cleanup());

async function savedCall(f: HotlineFixture) {
  return okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() })).call;
}

describe('referrals (轉介)', () => {
  it('move 轉介中 → 已回覆 → 已結案, each change recorded with who, when and a note', async () => {
    f = await hotlineFixture();
    const call = await savedCall(f);
    const unit = f.ref('referralUnit', 'labor-employment-support').id;
    const r = okValue(await f.t.call('op1', 'hotline:addReferral', { callId: call.id, referral: { unitId: unit, contactPerson: '張專員', referredOn: '2025-03-05', note: '就業媒合' } }));
    expect(r).toMatchObject({ status: 'pending', history: [{ fromStatus: null, toStatus: 'pending' }] });
    f.t.clock.advance(26 * HOUR);
    okValue(await f.t.call('op2', 'hotline:setReferralStatus', { id: r.id, status: 'replied', note: '已安排面談' }));
    f.t.clock.advance(HOUR);
    const closed = okValue(await f.t.call('admin', 'hotline:setReferralStatus', { id: r.id, status: 'closed', note: '' }));
    expect(closed.status).toBe('closed');
    expect(closed.history.map((h) => [h.fromStatus, h.toStatus, h.byName, h.at, h.note])).toEqual([
      [null, 'pending', '陳小華', '2025-03-05T01:00:00.000Z', ''],
      ['pending', 'replied', '林大明', '2025-03-06T03:00:00.000Z', '已安排面談'],
      ['replied', 'closed', '王督導', '2025-03-06T04:00:00.000Z', ''],
    ]);
    expect(() => f.t.core.db.prepare('DELETE FROM hotline_referral_history').run()).toThrow(/append-only/);
  });

  it('refuses a move the workflow does not allow (a closed referral stays closed) and writes nothing', async () => {
    f = await hotlineFixture();
    const call = await savedCall(f);
    const unit = f.ref('referralUnit', 'halfway-house').id;
    const r = okValue(await f.t.call('op1', 'hotline:addReferral', { callId: call.id, referral: { unitId: unit, contactPerson: '', referredOn: '2025-03-05', note: '' } }));
    okValue(await f.t.call('op1', 'hotline:setReferralStatus', { id: r.id, status: 'closed', note: '個案拒絕' }));
    const before = f.t.rowCounts();
    expect(errorOf(await f.t.call('op1', 'hotline:setReferralStatus', { id: r.id, status: 'replied', note: '' }))).toMatchObject({
      code: 'conflict',
      messageKey: 'hotline:errors.referralTransition',
      field: 'status',
    });
    expect(errorOf(await f.t.call('op1', 'hotline:setReferralStatus', { id: r.id, status: 'waiting' as 'closed', note: '' }))).toMatchObject({ field: 'status' });
    expect(f.t.rowCounts()).toEqual(before);
  });

  it('lists referrals by status for the follow-up page and the call list filter', async () => {
    f = await hotlineFixture();
    const call = await savedCall(f);
    const unit = f.ref('referralUnit', 'aftercare-association').id;
    const a = okValue(await f.t.call('op1', 'hotline:addReferral', { callId: call.id, referral: { unitId: unit, contactPerson: '', referredOn: '2025-03-04', note: '' } }));
    const b = okValue(await f.t.call('op1', 'hotline:addReferral', { callId: call.id, referral: { unitId: unit, contactPerson: '', referredOn: '2025-03-05', note: '' } }));
    okValue(await f.t.call('op1', 'hotline:setReferralStatus', { id: b.id, status: 'replied', note: '' }));
    const pending = okValue(await f.t.call('op1', 'hotline:referrals', { status: 'pending' }));
    expect(pending.map((r) => [r.id, r.phoneMasked])).toEqual([[a.id, '0912-***-678']]);
    expect(okValue(await f.t.call('op1', 'hotline:referrals', {}))).toHaveLength(2);
    expect(errorOf(await f.t.call('op1', 'hotline:addReferral', { callId: 999, referral: { unitId: unit, contactPerson: '', referredOn: '2025-03-05', note: '' } }))).toMatchObject({
      code: 'notFound',
      field: 'callId',
    });
  });
});

describe('follow-ups (追蹤/回電)', () => {
  it('are counted due and overdue for the shift on duty, and marked done one by one or in bulk with an outcome', async () => {
    f = await hotlineFixture(); // 09:00 Taipei, morning shift 07:00–15:00
    const call = await savedCall(f);
    const add = async (dueAt: string, ownerId = f.op1) =>
      okValue(await f.t.call('op1', 'hotline:addFollowUp', { callId: call.id, followUp: { dueAt, ownerId, note: '回電' } }));
    const overdue = await add('2025-03-05T00:30:00.000Z'); // 08:30 today
    const dueSoon = await add('2025-03-05T05:00:00.000Z', f.op2); // 13:00 today
    const later = await add('2025-03-05T08:00:00.000Z'); // 16:00, next shift
    expect(okValue(await f.t.call('op2', 'hotline:overview', {}))).toMatchObject({
      shiftId: f.ref('shift', 'morning').id,
      windowStart: '2025-03-04T23:00:00.000Z',
      windowEnd: '2025-03-05T07:00:00.000Z',
      followUpsDue: 1,
      followUpsOverdue: 1,
      callsThisShift: 1,
    });
    expect(okValue(await f.t.call('op2', 'hotline:followUps', { open: true, mine: true })).map((x) => x.id)).toEqual([dueSoon.id]);

    const [done] = okValue(await f.t.call('op1', 'hotline:completeFollowUps', { ids: [overdue.id], outcome: '已回電，個案同意就醫' }));
    expect(done).toMatchObject({ doneAt: '2025-03-05T01:00:00.000Z', doneByName: '陳小華', outcome: '已回電，個案同意就醫' });
    okValue(await f.t.call('op2', 'hotline:completeFollowUps', { ids: [dueSoon.id, later.id], outcome: '無人接聽，改由下一班' }));
    expect(okValue(await f.t.call('op1', 'hotline:followUps', { open: true, mine: false }))).toEqual([]);
    expect(okValue(await f.t.call('op1', 'hotline:followUps', { open: false, mine: false })).map((x) => x.outcome)).toContain('無人接聽，改由下一班');
    expect(okValue(await f.t.call('op1', 'hotline:overview', {}))).toMatchObject({ followUpsDue: 0, followUpsOverdue: 0 });
  });

  it('bulk done is all or nothing: one already done refuses the lot; an outcome is required', async () => {
    f = await hotlineFixture();
    const call = await savedCall(f);
    const a = okValue(await f.t.call('op1', 'hotline:addFollowUp', { callId: call.id, followUp: { dueAt: '2025-03-05T02:00:00.000Z', ownerId: f.op1, note: '' } }));
    const b = okValue(await f.t.call('op1', 'hotline:addFollowUp', { callId: call.id, followUp: { dueAt: '2025-03-05T03:00:00.000Z', ownerId: f.op1, note: '' } }));
    okValue(await f.t.call('op1', 'hotline:completeFollowUps', { ids: [a.id], outcome: '完成' }));
    const before = f.t.rowCounts();
    expect(errorOf(await f.t.call('op1', 'hotline:completeFollowUps', { ids: [b.id, a.id], outcome: '再一次' }))).toMatchObject({ messageKey: 'hotline:errors.followUpDone' });
    expect(errorOf(await f.t.call('op1', 'hotline:completeFollowUps', { ids: [b.id], outcome: '  ' }))).toMatchObject({ field: 'outcome', messageKey: 'validation.required' });
    expect(f.t.rowCounts()).toEqual(before);
    expect(okValue(await f.t.call('op1', 'hotline:followUps', { open: true, mine: false })).map((x) => x.id)).toEqual([b.id]);
  });

  it('must be owned by an active operator or supervisor', async () => {
    f = await hotlineFixture();
    const call = await savedCall(f);
    const counter = await f.t.signInAs('desk', ['counter']);
    expect(errorOf(await f.t.call('op1', 'hotline:addFollowUp', { callId: call.id, followUp: { dueAt: '2025-03-05T02:00:00.000Z', ownerId: counter.id, note: '' } }))).toMatchObject({
      field: 'followUp.ownerId',
      messageKey: 'hotline:errors.notStaff',
    });
    // Counter staff have no business in the hotline at all.
    expect(errorOf(await f.t.call('desk', 'hotline:followUps', { open: true, mine: false }))).toMatchObject({ code: 'forbidden' });
    expect(okValue(await f.t.call('op1', 'hotline:staff', {})).map((s) => s.displayName).sort()).toEqual(['林大明', '王督導', '陳小華'].sort());
  });
});
