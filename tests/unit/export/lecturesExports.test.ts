/**
 * The lecture list exports (issue 6 item 3) through the real dispatcher: sessions, attendees
 * and rosters entered with the lectures channels, the screen's filter applied, the file
 * opened — exactly the filtered rows, every one of them, national IDs masked, a minor's name
 * masked as on the printed sheet; refused to accounts that cannot list them; audited.
 */
import { describe, expect, it } from 'vitest';
import { maskId } from '../../../shared/lib/taiwanId';
import { okValue } from '../../support/core';
import { TODAY, lectureCore, person, session, sessionWithPeople, validId } from '../lectures/helpers';
import { exportAudits, exportFile, readCsv, readXlsx, refusedExport } from './support';

const MASKED_ID = /^[A-Z]\d{2}\*{4}\d{3}$/;

describe('sessions export', () => {
  it('writes the month the calendar shows, in date order, cancelled sessions marked, ROC dates', async () => {
    const t = await lectureCore();
    const venue = t.ref('venue')[0];
    const make = async (date: string, over = {}) => okValue(await t.call(t.coord, 'lectures:createSession', session({ date, ...over }))).id;
    const a = await make('2025-03-20', { kind: 'repeatGroup', startTime: '14:00', endTime: '17:00', venueId: venue?.id ?? null });
    const b = await make('2025-03-08', { kind: 'holiday', hours: 3.5 });
    const c = await make('2025-03-12');
    await make('2025-04-02');
    await make('2025-02-26');
    okValue(await t.call(t.coord, 'lectures:cancelSession', { id: c, reason: '颱風停班' }));

    const screen = okValue(await t.call(t.coord, 'lectures:listSessions', { from: '2025-03-01', to: '2025-03-31' }));
    expect(screen.map((s) => s.id)).toEqual([b, c, a]);
    const out = await exportFile(t, t.coord, 'lectures.sessions', { from: '2025-03-01', to: '2025-03-31' }, 'xlsx');
    expect(out.path).toMatch(/講習場次 2025-03-01–2025-03-31\.xlsx$/);
    const sheet = await readXlsx(out.path);
    expect(sheet.above.slice(0, 2)).toEqual(['講習場次', '場次日期：114/03/01–114/03/31']);
    expect(sheet.header).toEqual(['日期', '星期', '時間', '類別', '場地', '名額', '已排人數', '出席人數', '時數', '講師', '課程主題', '狀態', '備註']);
    expect(sheet.rows.map((r) => r.slice(0, 5))).toEqual([
      ['114/03/08', '六', '09:00–12:00', '假日講習', ''],
      ['114/03/12', '三', '09:00–12:00', '平日', ''],
      ['114/03/20', '四', '14:00–17:00', '再犯成長團體', venue?.nameZh],
    ]);
    expect(sheet.rows[0]?.slice(5, 9)).toEqual([40, 0, 0, 3.5]);
    expect(sheet.rows.map((r) => r[11])).toEqual(['', '已取消：颱風停班', '']);

    const active = readCsv((await exportFile(t, t.coord, 'lectures.sessions', { from: '2025-03-01', to: '2025-03-31', includeCancelled: false }, 'csv')).path);
    expect(active.slice(1).map((r) => r[0])).toEqual(['114/03/08', '114/03/20']);
  });
});

describe('attendees export', () => {
  it('writes the people the search finds, IDs masked, a minor’s name masked; the full ID is nowhere in the file', async () => {
    const t = await lectureCore();
    const names = ['王大明', '王小明', '陳明華', '林志明', '李四'];
    for (const [i, name] of names.entries()) {
      okValue(await t.call(t.coord, 'lectures:saveAttendee', person(i + 1, { name, ...(name === '王小明' ? { birthDate: '2010-06-01' } : {}) })));
    }
    const screen = okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: '王', limit: 200 }));
    expect(screen.map((p) => p.name)).toEqual(['王小明', '王大明']);

    const out = await exportFile(t, t.coord, 'lectures.attendees', { query: '王' }, 'csv');
    const [head, ...rows] = readCsv(out.path);
    expect(head).toEqual(['姓名', '身分證／居留證號', '電話', '毒品級別', '裁處次數', '裁處書字號', '裁處機關', '註記', '最近場次日期', '最近狀態']);
    expect(rows.map((r) => r[0])).toEqual(['王○明', '王大明']);
    expect(rows.map((r) => r[1])).toEqual([maskId(validId(2)), maskId(validId(1))]);
    expect(rows.every((r) => MASKED_ID.test(r[1] ?? ''))).toBe(true);
    expect(rows[0]?.slice(2, 10)).toEqual(['0912-100-002', '第三級', '1', '高市警刑字第1130002號', '高雄市政府警察局', '未成年', '', '尚未排場']);
    const file = (await import('node:fs')).readFileSync(out.path, 'utf8');
    for (let n = 1; n <= names.length; n++) expect(file).not.toContain(validId(n));

    const sheet = await readXlsx((await exportFile(t, t.coord, 'lectures.attendees', { query: '明' }, 'xlsx')).path);
    expect(sheet.above.slice(1, 3)).toEqual(['篩選條件：搜尋 明', '未成年人姓名已遮蔽（講習辦法第 10 條）']);
    expect(sheet.rows.map((r) => r[0])).toEqual(['林志明', '陳明華', '王○明', '王大明']);
  });

  it('writes every match, not only the 200 the screen lists', async () => {
    const t = await lectureCore();
    for (let i = 1; i <= 203; i++) okValue(await t.call(t.coord, 'lectures:saveAttendee', person(i)));
    expect(okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: '', limit: 200 }))).toHaveLength(200);
    const out = await exportFile(t, t.coord, 'lectures.attendees', { query: '' }, 'csv');
    expect(out.rows).toBe(203);
    expect(readCsv(out.path)).toHaveLength(204);
  }, 30_000);

  it('keeps an ID typed into the search masked in the audit log', async () => {
    const t = await lectureCore();
    okValue(await t.call(t.coord, 'lectures:saveAttendee', person(7)));
    const out = await exportFile(t, 'admin', 'lectures.attendees', { query: validId(7) }, 'csv');
    expect(out.rows).toBe(1);
    const [audit] = exportAudits(t, 'lectures.attendees');
    expect(audit?.details).toMatchObject({ personalData: true, rows: 1, params: { query: maskId(validId(7)), waitingOnly: false } });
    expect(JSON.stringify(exportAudits(t))).not.toContain(validId(7));
  });
});

describe('roster export', () => {
  it('writes the status group chosen on the roster, with check-in times and masked IDs', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 4);
    for (const e of enrolmentIds.slice(0, 2)) okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e }));
    const detail = okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId }));
    const present = detail.roster.filter((r) => r.status === 'checkedIn').map((r) => r.name);
    expect(present).toHaveLength(2);

    const out = await exportFile(t, t.coord, 'lectures.roster', { sessionId, filter: 'present' }, 'xlsx');
    expect(out.path).toMatch(new RegExp(`講習名冊 ${TODAY} 0900\\.xlsx$`));
    const sheet = await readXlsx(out.path);
    expect(sheet.above.slice(0, 3)).toEqual(['講習名冊', '場次：114/03/05（三）09:00–12:00 · 平日', '名冊分類：出席']);
    expect(sheet.header.slice(0, 6)).toEqual(['姓名', '身分證／居留證號', '電話', '狀態', '報到時間', '簽退時間']);
    expect(sheet.rows.map((r) => r[0])).toEqual(present);
    expect(sheet.rows.map((r) => [r[3], r[4]])).toEqual([
      ['報到', '114/03/05 09:00'],
      ['報到', '114/03/05 09:00'],
    ]);
    expect(sheet.rows.every((r) => MASKED_ID.test(String(r[1])))).toBe(true);

    const expected = readCsv((await exportFile(t, t.coord, 'lectures.roster', { sessionId, filter: 'expected' }, 'csv')).path);
    expect(expected.slice(1).map((r) => r[3])).toEqual(['排定', '排定']);
    expect((await exportFile(t, t.coord, 'lectures.roster', { sessionId }, 'csv')).rows).toBe(4);
  });

  it('answers an unknown session or group at the parameter', async () => {
    const t = await lectureCore();
    expect(await refusedExport(t, t.coord, 'lectures.roster', { sessionId: 999 })).toMatchObject({ code: 'notFound', field: 'params.sessionId' });
    expect(await refusedExport(t, t.coord, 'lectures.roster', { sessionId: 1, filter: 'vip' })).toMatchObject({ code: 'validation', field: 'params.filter' });
  });
});

describe('who may export', () => {
  it('refuses the lecture lists to operators and counter staff; supervisors may read them', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 1);
    await t.signInAs('op', ['operator']);
    await t.signInAs('desk', ['counter']);
    const lists = [
      ['lectures.sessions', { from: '2025-03-01', to: '2025-03-31' }],
      ['lectures.attendees', { query: '' }],
      ['lectures.roster', { sessionId }],
    ] as const;
    for (const sender of ['op', 'desk']) {
      for (const [kind, params] of lists) expect(await refusedExport(t, sender, kind, params)).toMatchObject({ code: 'forbidden' });
    }
    for (const [kind, params] of lists) expect((await exportFile(t, 'admin', kind, params, 'csv')).saved).toBe(true);
    expect(exportAudits(t).map((a) => [a.entityId, a.details.personalData])).toEqual([
      ['lectures.sessions', false],
      ['lectures.attendees', true],
      ['lectures.roster', true],
    ]);
  });
});
