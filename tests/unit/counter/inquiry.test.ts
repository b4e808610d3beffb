import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { closeBrowser, htmlToPdf, pdfPageCount, pdfPageSizePt, pdfText } from '../../support/pdf';
import { checkDigitFor } from '../../../shared/lib/taiwanId';
import { newDesk, type Desk } from './support';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-inquiry-'));
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(outDir, { recursive: true, force: true });
});

const WANG = 'A123456789';
const LEE = `B22345678${checkDigitFor('B22345678')}`;

/** Two people on the lecture rosters, entered the way a coordinator does (lectures' own channels). */
async function withLectures(d: Desk) {
  await d.signInAs('coord', ['coordinator']);
  const venue = d.unitId('venue', 'bureau-auditorium');
  const s1 = okValue(await d.call('coord', 'lectures:createSession', { date: '2025-03-20', startTime: '09:00', endTime: '13:00', venueId: venue, capacity: 100, kind: 'weekday', hours: 4 }));
  const s2 = okValue(await d.call('coord', 'lectures:createSession', { date: '2025-04-12', startTime: '13:30', endTime: '17:30', venueId: venue, capacity: 100, kind: 'holiday', hours: 4 }));
  const wang = okValue(await d.call('coord', 'lectures:saveAttendee', { name: '王小明', nationalId: WANG, birthDate: '', drugClass: 3, penaltyCount: 1 }));
  const lee = okValue(await d.call('coord', 'lectures:saveAttendee', { name: '李大華', nationalId: LEE, birthDate: '', drugClass: 4, penaltyCount: 2 }));
  const roster = okValue(await d.call('coord', 'lectures:enrol', { sessionId: s1.id, attendeeIds: [wang.id] })).roster;
  okValue(await d.call('coord', 'lectures:enrol', { sessionId: s2.id, attendeeIds: [lee.id] }));
  const wangEnrolment = roster.find((r) => r.attendeeId === wang.id)?.enrolmentId ?? 0;
  okValue(await d.call('coord', 'lectures:markNotified', { enrolmentIds: [wangEnrolment] }));
  return { wang, lee };
}

const errorOf = (r: { ok: boolean }) => {
  expect(r.ok).toBe(false);
  return (r as unknown as { error: { code: string; field?: string; messageKey: string } }).error;
};

describe('progress inquiry', () => {
  it('shows only the person whose ID was typed, masked, and records the look-up in the audit trail', async () => {
    const d = await newDesk();
    const { wang } = await withLectures(d);
    const r = okValue(await d.call('desk', 'counter:inquiry', { nationalId: ' ａ123456789 ' }));
    expect(r).toMatchObject({ found: true, name: '王小明', maskedId: 'A12****789' });
    expect(r.enrolments).toEqual([
      expect.objectContaining({ sessionDate: '2025-03-20', startTime: '09:00', endTime: '13:00', sessionKind: 'weekday', status: 'notified', venue: { nameZh: '毒品防制局大禮堂', nameEn: 'Bureau auditorium' } }),
    ]);
    const json = JSON.stringify(r);
    expect(json).not.toContain(WANG);
    expect(json).not.toContain('李大華');
    expect(json).not.toContain('2025-04-12');

    const audit = d.core.db.prepare("SELECT account_id, action, entity, entity_id, details FROM audit_log WHERE entity = 'person'").all() as {
      action: string;
      entity_id: string;
      details: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'read', entity: 'person', entity_id: String(wang.id) });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ via: 'counter.inquiry', maskedId: 'A12****789', found: true, inquiryId: r.inquiryId });
    expect(audit[0]?.details).not.toContain(WANG);
  });

  it('a valid ID of someone not on any roster answers "not found" — and that look-up is recorded too', async () => {
    const d = await newDesk();
    await withLectures(d);
    const nobody = `F12345678${checkDigitFor('F12345678')}`;
    const r = okValue(await d.call('desk', 'counter:inquiry', { nationalId: nobody }));
    expect(r).toMatchObject({ found: false, name: null, enrolments: [], maskedId: 'F12****' + nobody.slice(7) });
    const audit = d.core.db.prepare("SELECT entity_id, details FROM audit_log WHERE entity = 'person'").get() as { entity_id: string | null; details: string };
    expect(audit.entity_id).toBeNull();
    expect(JSON.parse(audit.details)).toMatchObject({ found: false });
  });

  it('refuses a bad checksum or a malformed number at the field, looking up and recording nothing', async () => {
    const d = await newDesk();
    await withLectures(d);
    const before = d.rowCounts();
    expect(errorOf(await d.call('desk', 'counter:inquiry', { nationalId: 'A123456788' }))).toMatchObject({ field: 'nationalId', messageKey: 'counter:errors.idChecksum' });
    expect(errorOf(await d.call('desk', 'counter:inquiry', { nationalId: 'A12345' }))).toMatchObject({ field: 'nationalId', messageKey: 'counter:errors.idFormat' });
    expect(errorOf(await d.call('desk', 'counter:inquiry', { nationalId: '王小明' }))).toMatchObject({ field: 'nationalId', messageKey: 'counter:errors.idFormat' });
    expect(errorOf(await d.call('desk', 'counter:inquiry', { nationalId: '  ' }))).toMatchObject({ field: 'nationalId', messageKey: 'validation.required' });
    expect(d.rowCounts()).toEqual(before);
  });

  it('prints a bilingual status slip with the ID and name masked, only for whoever looked the person up, only for 30 minutes', async () => {
    const d = await newDesk();
    await withLectures(d);
    const r = okValue(await d.call('desk', 'counter:inquiry', { nationalId: WANG }));
    const preview = okValue(await d.call('desk', 'print:preview', { kind: 'counter.statusSlip80', params: { inquiryId: r.inquiryId }, lang: 'zh-TW' }));
    expect(preview.html).toContain('A12****789');
    expect(preview.html).toContain('王○明');
    expect(preview.html).not.toContain('王小明');
    expect(preview.html).not.toContain(WANG);
    const file = path.join(outDir, 'status-80.pdf');
    await htmlToPdf(preview.html, file);
    expect(pdfPageCount(file)).toBe(1);
    expect(pdfPageSizePt(file).width).toBeCloseTo(80 * (72 / 25.4), 0);
    const text = pdfText(file).replace(/\s+/g, '');
    for (const s of ['講習進度單', 'Lecturestatusslip', '已通知', 'Notified', '毒品防制局大禮堂', 'Bureauauditorium', '114/03/20', '2025-03-20']) expect(text).toContain(s);

    // Saving it is audited as a print of personal data, by handle only.
    okValue(await d.call('desk', 'print:run', { kind: 'counter.statusSlip', params: { inquiryId: r.inquiryId }, lang: 'en', target: { mode: 'pdf' } }));
    const printed = d.core.db.prepare("SELECT action, entity_id, details FROM audit_log WHERE entity = 'document'").get() as { action: string; entity_id: string; details: string };
    expect(printed).toMatchObject({ action: 'savePdf', entity_id: 'counter.statusSlip' });
    expect(printed.details).toContain(r.inquiryId);
    expect(printed.details).not.toContain(WANG);

    // Another account cannot reuse the handle; nor can anyone after 30 minutes.
    await d.signInAs('desk2', ['counter']);
    expect(errorOf(await d.call('desk2', 'print:preview', { kind: 'counter.statusSlip', params: { inquiryId: r.inquiryId }, lang: 'zh-TW' }))).toMatchObject({
      code: 'notFound',
      messageKey: 'counter:errors.inquiryExpired',
      field: 'params.inquiryId',
    });
    d.clock.advance(31 * 60_000);
    expect(errorOf(await d.call('desk', 'print:preview', { kind: 'counter.statusSlip', params: { inquiryId: r.inquiryId }, lang: 'zh-TW' }))).toMatchObject({
      messageKey: 'counter:errors.inquiryExpired',
    });
  });
});
