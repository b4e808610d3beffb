/**
 * Exports of the known month: the files are opened and checked — XLSX read back with exceljs
 * (numbers are numbers, percentages are % formatted fractions, headers in the chosen language,
 * ROC dates in zh-TW), CSV parsed (BOM, RFC 4180) — and every saved export is audited.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Period } from '../../../shared/domain/statsPeriod';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { parseCsv } from './csvParse';
import { enterMarch2025, MARCH_CALLER_TYPES } from './scenario';

const MARCH: Period = { kind: 'month', year: 2025, month: 3 };

let t: TestCore;
beforeAll(async () => {
  t = makeCore();
  await enterMarch2025(t);
}, 60_000);
afterAll(() => t.cleanup());

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** The table in a sheet: from the row whose first two cells are the header's, to the first empty row. */
function rowsFrom(sheet: ExcelJS.Worksheet, first: string, second: string): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  let state: 'before' | 'in' | 'after' = 'before';
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (state === 'before' && values[0] === first && values[1] === second) state = 'in';
    else if (state === 'in' && values.every((v) => v === null || v === undefined || v === '')) state = 'after';
    if (state === 'in') out.push(values);
  });
  return out;
}

/** Lines under the table (formulas, notes), in order. */
function linesAfter(sheet: ExcelJS.Worksheet, table: ExcelJS.CellValue[][]): string[] {
  const all: string[] = [];
  sheet.eachRow((row) => all.push(String((row.values as ExcelJS.CellValue[])[1] ?? '')));
  const last = String(table.at(-1)?.[0] ?? '');
  return all.slice(all.lastIndexOf(last) + 1);
}

describe('XLSX export of one table', () => {
  it('writes a real spreadsheet: headers in Chinese, counts as numbers, percentages as % fractions with two decimals', async () => {
    const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'hotline.serviceItems' }, lang: 'zh-TW', format: 'xlsx' }));
    expect(out).toMatchObject({ saved: true, rows: 10 });
    expect(out.path).toMatch(/服務項目 2025-03\.xlsx$/);
    const sheet = (await readBook(out.path ?? '')).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('服務項目');
    expect(sheet.getCell('A1').value).toBe('服務項目');
    expect(sheet.getCell('A2').value).toBe('統計期間：民國114年3月（114/03/01–114/03/31）');
    expect(String(sheet.getCell('A3').value)).toMatch(/^匯出時間：114\/03\/31 16:00　匯出人：王督導$/);

    const rows = rowsFrom(sheet, '服務項目', '項次');
    expect(rows[0]).toEqual(['服務項目', '項次', '占服務項次比率', '占服務來電比率']);
    expect(rows[1]?.[0]).toBe('心理支持');
    expect(rows[1]?.[1]).toBe(4);
    expect(rows[1]?.[2]).toBeCloseTo(0.3334, 10);
    expect(rows[1]?.[3]).toBeCloseTo(0.5714, 10);
    expect(rows[11]).toEqual(['總計', 12, 1, '—']);
    // title, period, exported-at, blank, header: the first data row is row 6
    expect(sheet.getRow(5).getCell(1).value).toBe('服務項目');
    const psych = sheet.getRow(6);
    expect(psych.getCell(3).numFmt).toBe('0.00%');
    expect(psych.getCell(2).numFmt).toBe('#,##0');
    expect(linesAfter(sheet, rows)).toEqual([
      '占服務項次比率 = 該項項次 ÷ 服務項次總計 × 100%（小數 2 位，合計 100%）',
      '占服務來電比率 = 提供該項服務之來電通數 ÷ 服務來電通數 × 100%（小數 2 位）',
      '一通來電可提供多項服務，故「占服務來電比率」合計可超過 100%。',
    ]);
  });

  it('writes English headers and Gregorian dates as real dates in English', async () => {
    const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'lectures.sessions' }, lang: 'en', format: 'xlsx' }));
    const sheet = (await readBook(out.path ?? '')).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A2').value).toBe('Period: March 2025 (2025-03-01 – 2025-03-31)');
    const rows = rowsFrom(sheet, 'Date', 'Time');
    expect(rows[0]?.slice(0, 4)).toEqual(['Date', 'Time', 'Kind', 'Venue']);
    const date = rows[1]?.[0];
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2025-03-08');
    expect(rows[1]?.[9]).toBeCloseTo(2 / 3, 3);
  });

  it('zh-TW dates are ROC text', async () => {
    const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'lectures.sessions' }, lang: 'zh-TW', format: 'xlsx' }));
    const rows = rowsFrom((await readBook(out.path ?? '')).worksheets[0] as ExcelJS.Worksheet, '日期', '時間');
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(['114/03/08', '114/03/12', '114/03/20']);
  });
});

describe('XLSX workbook of the whole period', () => {
  it('has one sheet per table, with unique names Excel accepts', async () => {
    const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.workbook', params: { period: MARCH }, lang: 'zh-TW', format: 'xlsx' }));
    const book = await readBook(out.path ?? '');
    const names = book.worksheets.map((w) => w.name);
    expect(names).toHaveLength(25);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    const caller = book.getWorksheet('來電者身分') as ExcelJS.Worksheet;
    expect(rowsFrom(caller, '來電者身分', '通數').at(-1)).toEqual(['總計', 9, 1]);
  });

  it('is XLSX only: a whole workbook cannot be a CSV', async () => {
    const r = await t.call('admin', 'export:run', { kind: 'stats.workbook', params: { period: MARCH }, lang: 'zh-TW', format: 'csv' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'format' } });
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM and parses back to exactly the table on screen', async () => {
    const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'hotline.callerType' }, lang: 'zh-TW', format: 'csv' }));
    const bytes = fs.readFileSync(out.path ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(bytes.subarray(3).toString('utf8'))).toEqual(MARCH_CALLER_TYPES);
  });

  it('quotes English labels with commas', async () => {
    const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'hotline.summary' }, lang: 'en', format: 'csv' }));
    const text = fs.readFileSync(out.path ?? '', 'utf8');
    expect(text).toContain('"Outbound (call-back, follow-up)",1,11.1%\r\n');
    expect(parseCsv(text.slice(1))[0]).toEqual(['Item', 'Value', 'Share of all calls']);
  });
});

describe('exports are attributable and refusals write nothing', () => {
  const auditRows = () => t.core.db.prepare("SELECT action, entity, entity_id AS entityId, details FROM audit_log WHERE action = 'export' ORDER BY id").all() as { entityId: string; details: string }[];

  it('audits every saved export with what was exported', async () => {
    const before = auditRows().length;
    okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'counter.topTopics' }, lang: 'zh-TW', format: 'csv' }));
    const rows = auditRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.entityId).toBe('stats.table');
    expect(JSON.parse(rows.at(-1)?.details ?? '{}')).toMatchObject({ format: 'csv', rows: 3, params: { table: 'counter.topTopics' } });
  });

  it('a cancelled save dialog writes no file and no audit entry', async () => {
    const before = auditRows().length;
    t.fileSaver.cancel = true;
    try {
      const out = okValue(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'hotline.summary' }, lang: 'zh-TW', format: 'xlsx' }));
      expect(out).toEqual({ saved: false, path: null, rows: 8 });
    } finally {
      t.fileSaver.cancel = false;
    }
    expect(auditRows()).toHaveLength(before);
  });

  it('refuses an unknown table, an unknown export and other roles', async () => {
    expect(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: MARCH, table: 'hotline.nope' }, lang: 'zh-TW', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'notFound', field: 'params.table' },
    });
    expect(await t.call('admin', 'export:run', { kind: 'nothing.here', params: {}, lang: 'zh-TW', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'notFound', messageKey: 'stats:export.unknownKind' },
    });
    expect(await t.call('op1', 'export:run', { kind: 'stats.workbook', params: { period: MARCH }, lang: 'zh-TW', format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await t.call('admin', 'export:run', { kind: 'stats.table', params: { period: { kind: 'custom', from: '2025-03-09', to: '2025-03-01' }, table: 'hotline.summary' }, lang: 'zh-TW', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'params.period.to', messageKey: 'stats:errors.toBeforeFrom' },
    });
  });
});

describe('a list export (the staff account list, the worked example for list screens)', () => {
  it('exports what the list shows, guards formula-like names, and is audited as personal data', async () => {
    okValue(
      await t.call('admin', 'accounts:create', { displayName: '=HYPERLINK("http://evil","x")', loginName: 'evil', roles: ['counter'], password: 'Temp#4567', passwordConfirm: 'Temp#4567' }),
    );
    const out = okValue(await t.call('admin', 'export:run', { kind: 'accounts.list', params: {}, lang: 'zh-TW', format: 'csv' }));
    const text = fs.readFileSync(out.path ?? '', 'utf8').slice(1);
    expect(text).toContain('"\'=HYPERLINK(""http://evil"",""x"")",evil,櫃台人員');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['姓名', '登入帳號', '角色', '狀態', '最後登入']);
    // signed in (changing the temporary password) when the scenario began, 20 Feb 09:00
    expect(rows.find((r) => r[1] === 'op1')).toEqual(['陳小明', 'op1', '接線人員', '啟用', '114/02/20 09:00']);
    expect(rows).toHaveLength(1 + okValue(await t.call('admin', 'accounts:list', {})).length);
    const audit = t.core.db.prepare("SELECT details FROM audit_log WHERE action = 'export' AND entity_id = 'accounts.list'").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ personalData: true, format: 'csv' });
  });
});
