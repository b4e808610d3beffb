/**
 * The hotline's list exports (issue 6 item 3) through the real dispatcher: calls entered with
 * the hotline's own channels, a filter chosen as on the screen, and the file opened — exactly
 * the filtered rows, every page of them, phones masked, headers in the chosen language, ROC
 * dates in zh-TW; refused to accounts that cannot see the list; every export audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/api/channels/hotline';
import { okValue } from '../../support/core';
import { hotlineFixture, type HotlineFixture } from '../hotline/helpers';
import { exportAudits, exportFile, readCsv, readXlsx, refusedExport } from './support';

let f: HotlineFixture;
/** call ids by name */
const ids: Record<string, number> = {};

/** A call of `day` (Taipei) at `hour`:00, lasting 4 minutes. */
const at = (day: string, hour: number): Pick<CallInput, 'startedAt' | 'endedAt'> => {
  const start = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  return { startedAt: start.toISOString(), endedAt: new Date(start.getTime() + 4 * 60_000).toISOString() };
};

beforeAll(async () => {
  // Clock: 2025-03-05 09:00 in Taipei.
  f = await hotlineFixture();
  const family = f.ref('callerType', 'family').id;
  const save = async (name: string, sender: 'op1' | 'op2', call: Partial<CallInput>, extra: Record<string, unknown> = {}) => {
    const d = okValue(await f.t.call(sender, 'hotline:saveCall', { draftId: null, call: f.call({ operatorId: sender === 'op1' ? f.op1 : f.op2, ...call }), ...extra }));
    ids[name] = d.call.id;
  };
  await save('feb', 'op1', { ...at('2025-02-20', 10), phone: '0955-000-111' });
  await save('mar3', 'op1', { ...at('2025-03-03', 10), notes: '母親詢問兒子戒治資源' }, {
    referrals: [{ unitId: f.ref('referralUnit', 'health-medical-treatment').id, contactPerson: '李護理師', referredOn: '2025-03-03', note: '安排門診' }],
    followUps: [{ dueAt: '2025-03-06T02:00:00.000Z', ownerId: f.op2, note: '明早回電' }],
  });
  await save('mar4', 'op2', {
    ...at('2025-03-04', 15),
    phone: '07-123-4567',
    notes: '父親表示孩子有輕生念頭',
    flags: [{ flagId: f.ref('riskFlag', 'suicide-risk').id, actionTaken: '提供 1925 並通知督導' }],
  });
  await save('client', 'op1', { ...at('2025-03-04', 16), callerTypeId: f.ref('callerType', 'client').id, phone: '0933-222-333' }, {
    referrals: [{ unitId: f.ref('referralUnit', 'labor-employment-support').id, contactPerson: '', referredOn: '2025-03-04', note: '' }],
    followUps: [{ dueAt: '2025-03-04T10:00:00.000Z', ownerId: f.op1, note: '已逾時的回電' }],
  });
  expect(family).toBe(f.call().callerTypeId);
  okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: f.ref('nonServiceCallType', 'silent').id }));
}, 60_000);
afterAll(() => f.t.cleanup());

describe('call list export', () => {
  const filter = () => ({ dateFrom: '2025-03-01', dateTo: '2025-03-05', callerTypeId: f.ref('callerType', 'family').id });

  it('writes exactly the calls the screen lists for the filter, in its order, as CSV with masked phones', async () => {
    const screen = okValue(await f.t.call('op1', 'hotline:searchCalls', { ...filter(), page: 1, pageSize: 25 }));
    expect(screen.rows.map((r) => r.id)).toEqual([ids.mar4, ids.mar3]);

    const out = await exportFile(f.t, 'op1', 'hotline.calls', filter(), 'csv');
    expect(out.rows).toBe(2);
    expect(out.path).toMatch(/來電紀錄 2025-03-05\.csv$/);
    const [head, ...rows] = readCsv(out.path);
    expect(head).toEqual([
      '編號',
      '開始時間',
      '通話時長',
      '來電方向',
      '班別',
      '類型',
      '服務項目／非服務類型',
      '來電者身分',
      '回電電話',
      '接線人員',
      '風險註記',
      '轉介狀態',
      '未完成追蹤',
      '紀錄內容（前 120 字）',
    ]);
    expect(rows.map((r) => r[0])).toEqual([String(ids.mar4), String(ids.mar3)]);
    expect(rows[0]).toEqual([
      String(ids.mar4),
      '114/03/04 15:00',
      '4:00',
      '來電',
      '中班',
      '服務來電',
      '心理支持、醫療戒治',
      '家屬',
      '(07)1**-*567',
      '林大明',
      '自殺風險',
      '',
      '0',
      '父親表示孩子有輕生念頭',
    ]);
    expect(rows[1]?.slice(8, 14)).toEqual(['0912-***-678', '陳小華', '', '轉介中', '1', '母親詢問兒子戒治資源']);
    // No unmasked phone anywhere in the file.
    expect(JSON.stringify(rows)).not.toMatch(/0912-345-678|123-4567/);
  });

  it('writes an English XLSX with the filter above the table and real date-times', async () => {
    const out = await exportFile(f.t, 'admin', 'hotline.calls', { ...filter(), flagged: true }, 'xlsx', 'en');
    const sheet = await readXlsx(out.path);
    expect(sheet.name).toBe('Call log');
    expect(sheet.above[0]).toBe('Call log');
    expect(sheet.above[1]).toBe('Filter — From: 2025-03-01; To: 2025-03-05; Caller: Family member; Risk flags: Any risk flag');
    expect(sheet.above[2]).toMatch(/^Exported .*王督導/);
    expect(sheet.header.slice(0, 4)).toEqual(['No.', 'Start', 'Duration', 'Direction']);
    expect(sheet.rows).toHaveLength(1);
    const [row] = sheet.rows;
    expect(row?.[0]).toBe(ids.mar4);
    // Excel has no time zones: the Taipei wall clock is stored.
    expect((row?.[1] as Date).toISOString()).toBe('2025-03-04T15:00:00.000Z');
    expect(row?.slice(5, 11)).toEqual(['Service call', 'Psychological support, Medical addiction treatment', 'Family member', '(07)1**-*567', '林大明', 'Suicide risk']);
  });

  it('writes every page: the screen pages 25 at a time, the file holds all of them', async () => {
    for (let i = 0; i < 27; i++) okValue(await f.t.call('op2', 'hotline:saveCall', { draftId: null, call: f.call({ operatorId: f.op2, ...at('2025-03-02', 8), notes: `第${i + 1}通 夜間諮詢紀錄` }) }));
    const q = { text: '夜間諮詢' };
    const page = okValue(await f.t.call('op1', 'hotline:searchCalls', q));
    expect(page).toMatchObject({ total: 27, pageSize: 25 });
    expect(page.rows).toHaveLength(25);
    const out = await exportFile(f.t, 'op1', 'hotline.calls', q, 'csv');
    expect(out.rows).toBe(27);
    expect(readCsv(out.path)).toHaveLength(28);
  });

  it('refuses a range that ends before it starts, at the field, as the screen does', async () => {
    const e = await refusedExport(f.t, 'op1', 'hotline.calls', { dateFrom: '2025-03-05', dateTo: '2025-03-01' });
    expect(e).toMatchObject({ code: 'validation', messageKey: 'hotline:errors.dateRange', field: 'dateTo' });
    expect(await refusedExport(f.t, 'op1', 'hotline.calls', { page: 2 })).toMatchObject({ code: 'validation' });
  });
});

describe('referrals, follow-ups and handovers exports', () => {
  it('referrals: the chosen status only, with the unit and the last change', async () => {
    const all = okValue(await f.t.call('op1', 'hotline:referrals', {}));
    const employment = all.find((r) => r.callId === ids.client);
    okValue(await f.t.call('op1', 'hotline:setReferralStatus', { id: employment?.id ?? 0, status: 'replied', note: '已安排面談' }));

    const pending = readCsv((await exportFile(f.t, 'op1', 'hotline.referrals', { status: 'pending' }, 'csv')).path);
    expect(pending[0]).toEqual(['轉介日期', '轉介單位', '狀態', '聯絡人', '來電編號', '回電電話', '備註', '最後狀態變更', '變更人']);
    expect(pending.slice(1)).toEqual([['114/03/03', '衛生局醫療戒治', '轉介中', '李護理師', String(ids.mar3), '0912-***-678', '安排門診', '114/03/05 09:00', '陳小華']]);

    const every = readCsv((await exportFile(f.t, 'admin', 'hotline.referrals', {}, 'csv')).path);
    expect(every.slice(1).map((r) => [r[1], r[2], r[8]])).toEqual([
      ['勞工局就業輔導', '已回覆', '陳小華'],
      ['衛生局醫療戒治', '轉介中', '陳小華'],
    ]);
  });

  it('follow-ups: open ones, only mine when the switch is on, overdue marked', async () => {
    const mine = readCsv((await exportFile(f.t, 'op1', 'hotline.followUps', { open: true, mine: true }, 'csv')).path);
    expect(mine.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([['114/03/04 18:00', '已逾時', '陳小華', '已逾時的回電']]);
    const open = readCsv((await exportFile(f.t, 'op1', 'hotline.followUps', { open: true, mine: false }, 'csv')).path);
    expect(open.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['已逾時', '陳小華'],
      ['未完成', '林大明'],
    ]);
    const done = await exportFile(f.t, 'op1', 'hotline.followUps', { open: false, mine: false }, 'xlsx');
    expect((await readXlsx(done.path)).rows).toEqual([]);
  });

  it('handovers: every handover with its counts, notes and acknowledgement', async () => {
    okValue(await f.t.call('op1', 'hotline:saveHandover', { which: 'current', notes: '吳社工會在明天回覆' }));
    const sheet = await readXlsx((await exportFile(f.t, 'op2', 'hotline.handovers', {}, 'xlsx')).path);
    expect(sheet.header).toEqual(['班別', '班別起', '班別迄', '交班人', '交班時間', '總來電', '服務來電', '非服務來電', '未完成追蹤', '轉介中', '風險註記來電', '交班事項', '接班確認', '確認時間']);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]?.slice(0, 5)).toEqual(['早班', '114/03/05 07:00', '114/03/05 15:00', '陳小華', '114/03/05 09:00']);
    expect(sheet.rows[0]?.slice(8, 13)).toEqual([2, 1, 0, '吳社工會在明天回覆', '尚未確認接班']);
    expect(sheet.formats[5]).toBe('#,##0');
  });
});

describe('who may export, and the audit trail', () => {
  it('refuses the hotline lists to accounts that cannot list them (counter, coordinator)', async () => {
    await f.t.signInAs('desk', ['counter']);
    await f.t.signInAs('coord', ['coordinator']);
    for (const sender of ['desk', 'coord']) {
      for (const kind of ['hotline.calls', 'hotline.referrals', 'hotline.followUps', 'hotline.handovers']) {
        expect(await refusedExport(f.t, sender, kind, kind === 'hotline.followUps' ? { open: true } : {})).toMatchObject({ code: 'forbidden' });
      }
    }
  });

  it('audits each export as personal data, with the phone searched for masked', async () => {
    const before = exportAudits(f.t, 'hotline.calls').length;
    const out = await exportFile(f.t, 'op1', 'hotline.calls', { phone: '0955-000-111' }, 'csv');
    expect(out.rows).toBe(1);
    const audits = exportAudits(f.t, 'hotline.calls');
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ accountId: f.op1, details: { format: 'csv', rows: 1, personalData: true, params: { phone: '0955-***-111' } } });
    expect(JSON.stringify(audits)).not.toContain('0955-000-111');
  });

  it('writes no audit entry when the person cancels the save dialog', async () => {
    const before = exportAudits(f.t).length;
    f.t.fileSaver.cancel = true;
    const r = okValue(await f.t.call('op1', 'export:run', { kind: 'hotline.referrals', params: {}, lang: 'zh-TW', format: 'csv' }));
    f.t.fileSaver.cancel = false;
    expect(r).toMatchObject({ saved: false, path: null });
    expect(exportAudits(f.t)).toHaveLength(before);
  });
});
