import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { errorOf, lectureCore, person, validId } from './helpers';

const HEADER = '姓名,身分證統一編號,出生日期,聯絡電話,戶籍地址,裁處書字號,裁處機關,毒品級別,初犯/再犯';
const row = (n: number, over: Partial<Record<'name' | 'id' | 'birth' | 'phone' | 'cls' | 'count', string>> = {}) =>
  [over.name ?? `匯入${n}`, over.id ?? validId(n), over.birth ?? '79/5/1', over.phone ?? '0912-345-678', '高雄市前鎮區', `字號${n}`, '高雄市政府警察局', over.cls ?? '三級', over.count ?? '初犯'].join(',');

const csv = (lines: string[], encoding: 'utf8' | 'bom' = 'bom') =>
  `data:text/csv;base64,${Buffer.from(`${encoding === 'bom' ? '\uFEFF' : ''}${lines.join('\r\n')}`, 'utf8').toString('base64')}`;
const file = (dataUrl: string, format: 'csv' | 'xlsx' = 'csv') => ({ fileName: `roster.${format}`, format, dataUrl });

describe('roster import', () => {
  it('previews bad rows with an error per cell and imports nothing, even when confirmed', async () => {
    const t = await lectureCore();
    const bad = csv([
      HEADER,
      row(1),
      row(2, { id: 'A123456788' }),
      row(3, { name: '' }),
      row(4, { birth: '114/13/40' }),
      row(5, { cls: '二級', count: '很多次' }),
      row(6, { id: 'AB12' }),
    ]);
    const p = okValue(await t.call(t.coord, 'lectures:previewImport', file(bad)));
    expect(p.errorCount).toBe(5);
    expect(p.createCount).toBe(1);
    expect(p.rows.map((r) => [r.rowNo, r.errors.map((e) => `${e.column}:${e.messageKey}`)])).toEqual([
      [2, []],
      [3, ['nationalId:lectures:errors.idChecksum']],
      [4, ['name:validation.required']],
      [5, ['birthDate:lectures:errors.badDate']],
      [6, ['drugClass:lectures:errors.drugClass', 'penaltyCount:lectures:errors.penaltyCount']],
      [7, ['nationalId:lectures:errors.idFormat']],
    ]);
    const before = t.rowCounts();
    const e = errorOf(await t.call(t.coord, 'lectures:confirmImport', file(bad)));
    expect(e).toMatchObject({ code: 'validation', messageKey: 'lectures:errors.importHasErrors', params: { count: 5 } });
    expect(t.rowCounts()).toEqual(before);
  });

  it('merges the same ID within the file and into the person on record, never doubling', async () => {
    const t = await lectureCore();
    const existing = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(7, { phone: '', penaltyCount: 3 })));
    const good = csv([HEADER, row(1), row(2), row(1, { phone: '0988111222', count: '再犯' }), row(7, { count: '初犯', phone: '07-2345678' })]);
    const p = okValue(await t.call(t.coord, 'lectures:previewImport', file(good)));
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'create', 'merged', 'update']);
    expect(okValue(await t.call(t.coord, 'lectures:confirmImport', file(good)))).toEqual({ created: 2, updated: 1 });
    expect(t.rowCounts().lecture_attendees).toBe(3);
    const all = okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: validId(1) }));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ phone: '0988-111-222', penaltyCount: 2, repeatOffender: true });
    const updated = okValue(await t.call(t.coord, 'lectures:getAttendee', { id: existing.id }));
    // a first-offence row never lowers the count on record; a new phone fills the empty one
    expect(updated).toMatchObject({ penaltyCount: 3, phone: '(07)234-5678', name: '匯入7' });
    // importing the same file again updates, it does not add
    expect(okValue(await t.call(t.coord, 'lectures:confirmImport', file(good)))).toEqual({ created: 0, updated: 3 });
    expect(t.rowCounts().lecture_attendees).toBe(3);
  });

  it('reads Excel files, with dates as dates and mobile numbers that lost their 0', async () => {
    const t = await lectureCore();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名冊');
    ws.addRow(['受處分人姓名', '身分證字號', '出生年月日', '手機', '毒品分級', '裁處次數']);
    ws.addRow(['林小芳', validId(11), new Date(Date.UTC(2009, 4, 1)), 912345678, '第四級', 2]);
    ws.addRow([{ richText: [{ text: '陳' }, { text: '大同' }] }, validId(12), '75/01/02', '0911222333', 4, '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const dataUrl = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${bytes.toString('base64')}`;
    const p = okValue(await t.call(t.coord, 'lectures:previewImport', file(dataUrl, 'xlsx')));
    expect(p.errorCount).toBe(0);
    expect(p.rows.map((r) => [r.name, r.birthDate, r.phone, r.drugClass, r.penaltyCount])).toEqual([
      ['林小芳', '2009-05-01', '0912-345-678', 4, 2],
      ['陳大同', '1986-01-02', '0911-222-333', 4, null],
    ]);
    okValue(await t.call(t.coord, 'lectures:confirmImport', file(dataUrl, 'xlsx')));
    const minor = okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: '林小芳' }))[0];
    expect(minor).toMatchObject({ minor: true, repeatOffender: true, drugClass: 4 });
  });

  it('reads a CSV saved by Excel in Big5', async () => {
    const t = await lectureCore();
    // "姓名,身分證字號" and one row in Big5, written byte by byte (Node has no Big5 encoder).
    const text = `\xa9m\xa6W,\xa8\xad\xa4\xc0\xc3\xd2\xa6r\xb8\xb9\r\n\xa4\xfd\xa4j\xa9\xfa,${validId(21)}\r\n`;
    const dataUrl = `data:text/csv;base64,${Buffer.from(text, 'latin1').toString('base64')}`;
    const p = okValue(await t.call(t.coord, 'lectures:previewImport', file(dataUrl)));
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ name: '王大明', errors: [] });
  });

  it('refuses files without the needed columns, empty files, unreadable and too large ones, with a translated key', async () => {
    const t = await lectureCore();
    const err = async (dataUrl: string, format: 'csv' | 'xlsx' = 'csv') => errorOf(await t.call(t.coord, 'lectures:previewImport', file(dataUrl, format))).messageKey;
    expect(await err(csv(['名字,電話', '王大明,0912345678']))).toBe('lectures:errors.importMissingColumns');
    expect(await err(csv([HEADER]))).toBe('lectures:errors.importEmpty');
    expect(await err(`data:application/octet-stream;base64,${Buffer.from('not a zip').toString('base64')}`, 'xlsx')).toBe('lectures:errors.fileUnreadable');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41).toString('base64');
    expect(await err(`data:text/csv;base64,${big}`)).toBe('lectures:errors.fileTooLarge');
    expect(errorOf(await t.call(t.coord, 'lectures:previewImport', file('not a data url')))).toMatchObject({ code: 'validation', field: 'dataUrl' });
  });
});
