import { afterEach, describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { errorOf, hotlineFixture, type HotlineFixture } from './helpers';

let f: HotlineFixture;
afterEach(() => f?.t.cleanup());

const fieldsOf = (e: { fields?: { field: string; messageKey: string }[] }) => Object.fromEntries((e.fields ?? []).map((x) => [x.field, x.messageKey]));

describe('saving a call', () => {
  it('stores every field, the duration and the shift it fell in, in Taipei time', async () => {
    f = await hotlineFixture();
    const flag = f.ref('riskFlag', 'suicide-risk').id;
    const d = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ flags: [{ flagId: flag, actionTaken: '提供 1925 並通知督導' }] }) }));
    expect(d.call).toMatchObject({
      kind: 'service',
      direction: 'inbound',
      durationSec: 300,
      shiftId: f.ref('shift', 'morning').id, // 08:50 Taipei
      operatorId: f.op1,
      createdBy: f.op1,
      phone: '0912-345-678',
      flags: [{ flagId: flag, actionTaken: '提供 1925 並通知督導' }],
    });
    expect(d.call.serviceItemIds).toHaveLength(2);
    expect(d.editable).toBe(true);
  });

  it('accepts as many service items as the reference list has (no artificial maximum)', async () => {
    f = await hotlineFixture();
    const all = okValue(await f.t.call('admin', 'reference:all', {})).serviceItem.map((i) => i.id);
    const d = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ serviceItemIds: all }) }));
    expect(d.call.serviceItemIds).toHaveLength(10);
  });

  it('logged after the fact for another operator: keeps whose call it was and who typed it', async () => {
    f = await hotlineFixture();
    const yesterday = f.t.clock.now.getTime() - 16 * 3_600_000;
    const d = okValue(
      await f.t.call('op2', 'hotline:saveCall', {
        draftId: null,
        call: f.call({ operatorId: f.op1, startedAt: new Date(yesterday).toISOString(), endedAt: new Date(yesterday + 12 * 60_000).toISOString() }),
      }),
    );
    expect(d.call).toMatchObject({ operatorId: f.op1, operatorName: '陳小華', createdBy: f.op2, createdByName: '林大明', durationSec: 720 });
    expect(d.call.shiftId).toBe(f.ref('shift', 'evening').id); // 2025-03-04 09:00Z = 17:00 Taipei
  });

  it('refuses bad input with a translated message at each field and writes nothing', async () => {
    f = await hotlineFixture();
    const before = f.t.rowCounts();
    const now = f.t.clock.now.getTime();
    const e = errorOf(
      await f.t.call('op1', 'hotline:saveCall', {
        draftId: null,
        call: f.call({
          startedAt: new Date(now + 3_600_000).toISOString(),
          endedAt: new Date(now + 1_800_000).toISOString(),
          serviceItemIds: [999_999],
          callerTypeId: f.ref('district', 'gushan').id, // wrong kind
          phone: '12',
          flags: [{ flagId: f.ref('riskFlag', 'child-protection').id, actionTaken: '' }],
        }),
      }),
    );
    expect(fieldsOf(e)).toEqual({
      'call.startedAt': 'hotline:errors.startInFuture',
      'call.endedAt': 'hotline:errors.endInFuture',
      'call.serviceItemIds': 'hotline:errors.unknownRef',
      'call.callerTypeId': 'hotline:errors.unknownRef',
      'call.phone': 'hotline:errors.phone',
      'call.flags.0.actionTaken': 'hotline:errors.actionRequired',
    });
    expect(f.t.rowCounts()).toEqual(before);
  });

  it('a call ending before it started is refused at the end time', async () => {
    f = await hotlineFixture();
    const now = f.t.clock.now.getTime();
    const e = errorOf(
      await f.t.call('op1', 'hotline:saveCall', {
        draftId: null,
        call: f.call({ startedAt: new Date(now - 60_000).toISOString(), endedAt: new Date(now - 120_000).toISOString() }),
      }),
    );
    expect(e).toMatchObject({ field: 'call.endedAt', messageKey: 'hotline:errors.endBeforeStart' });
  });

  it('a 10 MB note gets "too long" at the notes field; a service call needs a caller type and a service item', async () => {
    f = await hotlineFixture();
    const before = f.t.rowCounts();
    const big = errorOf(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: 'x'.repeat(10 * 1024 * 1024) }) }));
    expect(big).toMatchObject({ code: 'validation', field: 'call.notes', messageKey: 'validation.tooLong', params: { max: 20_000 } });
    const empty = errorOf(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ callerTypeId: null, serviceItemIds: [] }) }));
    expect(fieldsOf(empty)).toEqual({ 'call.callerTypeId': 'validation.required', 'call.serviceItemIds': 'hotline:errors.serviceItemRequired' });
    expect(f.t.rowCounts()).toEqual(before);
  });

  it('refuses a retired service item for a new call, and an account that is not an operator as the call’s owner', async () => {
    f = await hotlineFixture();
    const legal = f.ref('serviceItem', 'legal-consultation').id;
    okValue(await f.t.call('admin', 'reference:setRetired', { id: legal, retired: true }));
    const e = errorOf(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ serviceItemIds: [legal], operatorId: f.supervisor }) }));
    expect(fieldsOf(e)).toEqual({ 'call.serviceItemIds': 'hotline:errors.unknownRef', 'call.operatorId': 'hotline:errors.notOperator' });
  });

  it('saves referrals and follow-ups typed during the call together with it', async () => {
    f = await hotlineFixture();
    const unit = f.ref('referralUnit', 'health-medical-treatment').id;
    const d = okValue(
      await f.t.call('op1', 'hotline:saveCall', {
        draftId: null,
        call: f.call(),
        referrals: [{ unitId: unit, contactPerson: '李護理師', referredOn: '2025-03-05', note: '' }],
        followUps: [{ dueAt: '2025-03-06T02:00:00.000Z', ownerId: f.op2, note: '明早回電' }],
      }),
    );
    expect(d.referrals).toMatchObject([{ unitId: unit, status: 'pending', contactPerson: '李護理師' }]);
    expect(d.followUps).toMatchObject([{ ownerId: f.op2, ownerName: '林大明', doneAt: null }]);
    // What a save answers (built without reading back empty lists) is what opening the call shows.
    const plain = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() }));
    for (const saved of [d, plain]) expect(okValue(await f.t.call('op1', 'hotline:getCall', { id: saved.call.id }))).toEqual(saved);
    // A bad referral unit refuses the whole call: no half-saved record.
    const before = f.t.rowCounts();
    const e = errorOf(
      await f.t.call('op1', 'hotline:saveCall', {
        draftId: null,
        call: f.call(),
        referrals: [{ unitId: f.ref('district', 'gushan').id, contactPerson: '', referredOn: '2025-03-09', note: '' }],
      }),
    );
    expect(fieldsOf(e)).toEqual({ 'referrals.0.unitId': 'hotline:errors.unknownRef', 'referrals.0.referredOn': 'hotline:errors.dateInFuture' });
    expect(f.t.rowCounts()).toEqual(before);
  });
});

describe('what a save answers', () => {
  it('is what opening the call reads back: items and flags in any order, a call typed for someone else, a non-service call', async () => {
    f = await hotlineFixture();
    const items = [f.ref('serviceItem', 'medical-treatment').id, f.ref('serviceItem', 'psychological-support').id].sort((a, b) => b - a);
    const flags = [f.ref('riskFlag', 'suicide-risk').id, f.ref('riskFlag', 'domestic-violence').id].sort((a, b) => b - a);
    const answers = [
      okValue(
        await f.t.call('op1', 'hotline:saveCall', {
          draftId: null,
          call: f.call({ serviceItemIds: items, flags: flags.map((flagId, i) => ({ flagId, actionTaken: `處置 ${i}` })), phone: '+886 912 345 678' }),
        }),
      ),
      // op2 logs op1's call: the operator's name is looked up, the typist is the actor.
      okValue(await f.t.call('op2', 'hotline:saveCall', { draftId: null, call: f.call({ operatorId: f.op1, phone: '' }) })),
      okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: f.ref('nonServiceCallType', 'silent').id })),
    ];
    expect(answers[0]?.call.serviceItemIds).toEqual([...items].sort((a, b) => a - b));
    expect(answers[1]?.call).toMatchObject({ operatorName: '陳小華', createdByName: '林大明' });
    for (const saved of answers) expect(okValue(await f.t.call('admin', 'hotline:getCall', { id: saved.call.id })).call).toEqual(saved.call);
    expect(okValue(await f.t.call('op2', 'hotline:getCall', { id: answers[1]?.call.id ?? 0 }))).toEqual(answers[1]);
  });
});

describe('non-service calls in one key', () => {
  it('are saved at once with the time, counted apart from service calls', async () => {
    f = await hotlineFixture();
    const silent = f.ref('nonServiceCallType', 'silent').id;
    const d = okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: silent }));
    expect(d.call).toMatchObject({ kind: 'nonService', nonServiceTypeId: silent, startedAt: '2025-03-05T01:00:00.000Z', operatorId: f.op1, serviceItemIds: [] });
    okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() }));
    const service = okValue(await f.t.call('op1', 'hotline:searchCalls', { kind: 'service' }));
    const nonService = okValue(await f.t.call('op1', 'hotline:searchCalls', { kind: 'nonService' }));
    expect([service.total, nonService.total]).toEqual([1, 1]);
  });

  it('turn the untouched open call into the non-service record, keeping its start time', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    f.t.clock.advance(40_000);
    const prank = f.ref('nonServiceCallType', 'prank-harassing').id;
    const d = okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: prank, draftId: draft.id }));
    expect(d.call).toMatchObject({ startedAt: draft.startedAt, durationSec: 40, nonServiceTypeId: prank });
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))).toEqual([]);
  });

  it('refuse a type that is not a non-service call type', async () => {
    f = await hotlineFixture();
    const before = f.t.rowCounts();
    expect(errorOf(await f.t.call('op1', 'hotline:quickCall', { typeId: f.ref('serviceItem', 'other').id }))).toMatchObject({
      field: 'typeId',
      messageKey: 'hotline:errors.unknownRef',
    });
    expect(f.t.rowCounts()).toEqual(before);
  });
});

describe('repeat callers and search', () => {
  it('matches the call-back number however it was typed and lists the earlier calls', async () => {
    f = await hotlineFixture();
    const a = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ phone: '0912345678' }) }));
    okValue(await f.t.call('op2', 'hotline:saveCall', { draftId: null, call: f.call({ operatorId: f.op2, phone: '+886 912-345-678' }) }));
    okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ phone: '07-123-4567' }) }));
    const r = okValue(await f.t.call('op1', 'hotline:repeatCallers', { phone: '０９１２－３４５－６７８' }));
    expect(r.count).toBe(2);
    expect(r.calls.map((c) => c.phoneMasked)).toEqual(['0912-***-678', '0912-***-678']);
    const excluding = okValue(await f.t.call('op1', 'hotline:repeatCallers', { phone: '0912345678', excludeCallId: a.call.id }));
    expect(excluding.count).toBe(1);
    expect(okValue(await f.t.call('op1', 'hotline:repeatCallers', { phone: '0912' })).count).toBe(0);
  });

  it('uses the index on the normalised phone key', async () => {
    f = await hotlineFixture();
    const plan = f.t.core.db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM hotline_calls c WHERE c.phone_key = '0912345678'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX hotline_calls_phone_key/);
    const explain = (sql: string) => (f.t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    // The call list by date range, and the notes search through the trigram index.
    expect(explain("SELECT id FROM hotline_calls c WHERE c.started_at >= '2025-03-01' AND c.started_at < '2025-04-01' ORDER BY c.started_at DESC")).toMatch(
      /INDEX hotline_calls_started/,
    );
    expect(explain("SELECT id FROM hotline_calls c WHERE c.id IN (SELECT rowid FROM hotline_call_text WHERE hotline_call_text MATCH '\"美沙冬\"')")).toMatch(
      /VIRTUAL TABLE INDEX/,
    );
  });

  it('finds Chinese substrings in notes and flag actions (3+ characters through trigram, 1–2 through LIKE)', async () => {
    f = await hotlineFixture();
    const flag = f.ref('riskFlag', 'domestic-violence').id;
    const a = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: '詢問美沙冬替代療法的門診時間' }) }));
    const b = okValue(
      await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ notes: '案妻表示遭受暴力', flags: [{ flagId: flag, actionTaken: '已通報113保護專線' }] }) }),
    );
    const ids = async (text: string) => okValue(await f.t.call('op1', 'hotline:searchCalls', { text })).rows.map((r) => r.id);
    expect(await ids('美沙冬')).toEqual([a.call.id]);
    expect(await ids('113保護')).toEqual([b.call.id]);
    expect(await ids('門診')).toEqual([a.call.id]); // 2 characters
    expect(await ids('暴')).toEqual([b.call.id]); // 1 character
    expect(await ids('100%')).toEqual([]); // LIKE wildcards are literal
    expect(await ids('詢問 門診')).toEqual([a.call.id]); // every word must occur
  });

  it('filters by date range (Taipei days), shift, operator, caller type, service item, flag and referral status; pages the result', async () => {
    f = await hotlineFixture();
    const flag = f.ref('riskFlag', 'acute-danger').id;
    const unit = f.ref('referralUnit', 'halfway-house').id;
    for (let i = 0; i < 5; i++) okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() }));
    const flagged = okValue(
      await f.t.call('op2', 'hotline:saveCall', {
        draftId: null,
        call: f.call({ operatorId: f.op2, callerTypeId: f.ref('callerType', 'anonymous').id, flags: [{ flagId: flag, actionTaken: '撥打 119' }] }),
        referrals: [{ unitId: unit, contactPerson: '', referredOn: '2025-03-05', note: '' }],
      }),
    );
    const search = async (filter: Record<string, unknown>) => okValue(await f.t.call('op1', 'hotline:searchCalls', filter));
    expect((await search({ dateFrom: '2025-03-05', dateTo: '2025-03-05' })).total).toBe(6);
    expect((await search({ dateFrom: '2025-03-06' })).total).toBe(0);
    expect((await search({ dateTo: '2025-03-04' })).total).toBe(0);
    expect((await search({ shiftId: f.ref('shift', 'morning').id })).total).toBe(6);
    expect((await search({ shiftId: f.ref('shift', 'evening').id })).total).toBe(0);
    expect((await search({ operatorId: f.op2 })).rows.map((r) => r.id)).toEqual([flagged.call.id]);
    expect((await search({ callerTypeId: f.ref('callerType', 'anonymous').id })).total).toBe(1);
    expect((await search({ serviceItemId: f.ref('serviceItem', 'medical-treatment').id })).total).toBe(6);
    expect((await search({ serviceItemId: f.ref('serviceItem', 'other').id })).total).toBe(0);
    expect((await search({ flagId: flag })).rows[0]).toMatchObject({ id: flagged.call.id, flagIds: [flag], referralStatuses: ['pending'] });
    expect((await search({ flagged: true })).total).toBe(1);
    expect((await search({ referralStatus: 'pending' })).total).toBe(1);
    expect((await search({ referralStatus: 'closed' })).total).toBe(0);
    const page1 = await search({ pageSize: 4, page: 1 });
    const page2 = await search({ pageSize: 4, page: 2 });
    expect([page1.total, page1.rows.length, page2.rows.length]).toEqual([6, 4, 2]);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(6);
    expect(errorOf(await f.t.call('op1', 'hotline:searchCalls', { dateFrom: '2025-03-06', dateTo: '2025-03-05' }))).toMatchObject({
      field: 'dateTo',
      messageKey: 'hotline:errors.dateRange',
    });
  });

  it('audits opening a call (a read of a person’s record)', async () => {
    f = await hotlineFixture();
    const d = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() }));
    okValue(await f.t.call('op2', 'hotline:getCall', { id: d.call.id }));
    const rows = f.t.core.db.prepare("SELECT account_id, action FROM audit_log WHERE entity = 'hotline_call' AND entity_id = ? ORDER BY id").all(String(d.call.id));
    expect(rows).toEqual([
      { account_id: f.op1, action: 'create' },
      { account_id: f.op2, action: 'read' },
    ]);
  });
});
