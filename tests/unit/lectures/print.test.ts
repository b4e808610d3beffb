import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { lectureCore, person, sessionWithPeople, validId } from './helpers';

const masked = (id: string) => `${id.slice(0, 3)}****${id.slice(7)}`;

describe('lecture documents', () => {
  it('notice letters: one page each with a QR code and the code in text, the session, what to bring, how to ask for leave', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 2, { venueId: t.ref('venue')[0]!.id });
    const code = (t.core.db.prepare('SELECT code FROM lecture_enrolments WHERE id = ?').get(enrolmentIds[0]!) as { code: string }).code;
    const doc = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.notice', params: { sessionId }, lang: 'zh-TW' }));
    expect(doc.html.match(/class="sheet notice"/g)).toHaveLength(2);
    expect(doc.html.match(/<svg[^>]*class="qr"/g)).toHaveLength(2);
    expect(doc.html).toContain(code);
    expect(doc.html).toContain('民國114年3月5日（星期三）');
    expect(doc.html).toContain('毒品防制局大禮堂');
    expect(doc.html).toContain('如何請假或改期');
    expect(doc.html).toContain(masked(validId(1)));
    expect(doc.html).not.toContain(validId(1));
    // printing alone changes nothing: the renderer records the notice after a real print
    const statuses = t.core.db.prepare('SELECT DISTINCT status FROM lecture_enrolments').all();
    expect(statuses).toEqual([{ status: 'scheduled' }]);
    const en = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.notice', params: { sessionId, enrolmentIds: [enrolmentIds[1]!] }, lang: 'en' }));
    expect(en.html.match(/class="sheet notice"/g)).toHaveLength(1);
    expect(en.html).toContain('5 March 2025 (Wednesday)');
  });

  it('the sign-in sheet masks every ID and a minor’s name too', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 1);
    const minor = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(5, { name: '王小明', birthDate: '2010-06-01' })));
    okValue(await t.call(t.coord, 'lectures:enrol', { sessionId, attendeeIds: [minor.id] }));
    const doc = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.signInSheet', params: { sessionId }, lang: 'zh-TW' }));
    expect(doc.html).toContain('王○明');
    expect(doc.html).not.toContain('王小明');
    expect(doc.html).toContain(masked(validId(5)));
    expect(doc.html).not.toContain(validId(5));
    expect(doc.html).toContain('受講人1號');
    const audit = t.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'lecture_attendee' AND action = 'read'").get();
    expect(audit).toEqual({ n: 0 });
  });

  it('certificates are bilingual with serial numbers, only for people who completed', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds: e } = await sessionWithPeople(t, 2);
    const empty = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.certificate', params: { sessionId }, lang: 'zh-TW' }));
    expect(empty.html).toContain('這個場次尚無完成講習的人');
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }));
    okValue(await t.call(t.coord, 'lectures:complete', { sessionId, enrolmentIds: [e[0]!] }));
    const doc = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.certificate', params: { sessionId }, lang: 'en' }));
    expect(doc.html.match(/class="sheet certificate"/g)).toHaveLength(1);
    expect(doc.html).toContain('講習證明');
    expect(doc.html).toContain('Certificate of Attendance');
    expect(doc.html).toContain('11400001');
    expect(doc.html).toContain('受講人1號');
    expect(doc.html).not.toContain('受講人2號');
  });
});
