/**
 * XLSX export with exceljs: a real spreadsheet, not text in cells — counts are numbers,
 * percentages are fractions with a % format (so Excel can sum and chart them), headers are
 * in the chosen language, and dates are ROC text in zh-TW (民國 dates have no portable
 * Excel number format) or real dates in English.
 */
import ExcelJS from 'exceljs';
import { cellText, isNumeric, textOf, type Cell, type Lang, type ReportTable, type Translate } from '../../../shared/domain/reportTable';
import { unitsToFraction } from '../../../shared/lib/percent';
import { parseDateKey } from '../../../shared/lib/calendar';
import { taipeiParts } from '../../../shared/lib/time';

export interface SheetHeader {
  /** lines above the table: title, period, who exported when */
  lines: string[];
}

const PERCENT_FORMAT = { 1: '0.0%', 2: '0.00%' } as const;

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique. */
export function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) name = `${base} ${i}`.slice(0, 31);
  used.add(name.toLowerCase());
  return name;
}

function cellValue(cell: Cell, lang: Lang, t: Translate): ExcelJS.CellValue {
  switch (cell.t) {
    case 'count':
      return cell.n;
    case 'percent':
      return cell.units === null ? '—' : unitsToFraction(cell.units, cell.decimals);
    case 'decimal':
      return cell.value === null ? '—' : Number(cell.value.toFixed(cell.digits));
    case 'date': {
      if (cell.date === null || lang === 'zh-TW') return cellText(cell, lang, t);
      const { year, month, day } = parseDateKey(cell.date);
      return new Date(Date.UTC(year, month - 1, day));
    }
    case 'instant': {
      if (cell.at === null || lang === 'zh-TW') return cellText(cell, lang, t);
      // Excel has no time zones: store the Taipei wall clock.
      const p = taipeiParts(cell.at);
      return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
    }
    case 'text':
      return cellText(cell, lang, t);
  }
}

function numFmt(cell: Cell): string | undefined {
  switch (cell.t) {
    case 'count':
      return '#,##0';
    case 'percent':
      return cell.units === null ? undefined : PERCENT_FORMAT[cell.decimals];
    case 'decimal':
      return cell.digits > 0 ? `0.${'0'.repeat(cell.digits)}` : '0';
    case 'date':
      return 'yyyy-mm-dd';
    case 'instant':
      return 'yyyy-mm-dd hh:mm';
    default:
      return undefined;
  }
}

/** Display width in Excel's character units: CJK characters are two wide. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

function addSheet(book: ExcelJS.Workbook, table: ReportTable, header: SheetHeader, lang: Lang, t: Translate, used: Set<string>): void {
  const title = textOf(table.title, lang, t);
  const ws = book.addWorksheet(sheetName(title, used));
  const ncol = Math.max(1, table.columns.length);
  header.lines.forEach((line, i) => {
    const row = ws.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
    if (ncol > 1) ws.mergeCells(row.number, 1, row.number, ncol);
  });
  ws.addRow([]);
  const head = ws.addRow(table.columns.map((c) => textOf(c.label, lang, t)));
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } };
    c.border = { bottom: { style: 'thin' } };
  });
  table.columns.forEach((c, i) => {
    if (isNumeric(c.kind)) head.getCell(i + 1).alignment = { horizontal: 'right' };
  });
  // Freeze everything above the first data row, so headers stay put while scrolling.
  ws.views = [{ state: 'frozen', ySplit: head.number }];

  const put = (cells: Cell[], bold: boolean) => {
    const row = ws.addRow(cells.map((c) => cellValue(c, lang, t)));
    cells.forEach((c, i) => {
      const xc = row.getCell(i + 1);
      const fmt = numFmt(c);
      if (fmt && typeof xc.value !== 'string') xc.numFmt = fmt;
      if (isNumeric(c.t)) xc.alignment = { horizontal: 'right' };
    });
    if (bold) row.font = { bold: true };
    return row;
  };
  table.rows.forEach((r) => put(r, false));
  if (table.total) put(table.total, true).eachCell((c) => (c.border = { top: { style: 'thin' } }));

  const footer = [...table.formulas, ...table.notes].map((x) => textOf(x, lang, t));
  if (footer.length) ws.addRow([]);
  for (const line of footer) ws.addRow([line]).font = { italic: true, color: { argb: 'FF555555' } };

  const matrix = [table.columns.map((c) => textOf(c.label, lang, t)), ...[...table.rows, ...(table.total ? [table.total] : [])].map((r) => r.map((c) => cellText(c, lang, t)))];
  ws.columns = table.columns.map((_, i) => ({ width: Math.min(60, Math.max(8, ...matrix.map((r) => width(r[i] ?? '') + 2))) }));
}

export async function xlsxBytes(sheets: readonly { table: ReportTable; header: SheetHeader }[], lang: Lang, t: Translate, meta: { creator: string; created: Date }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = meta.creator;
  book.created = meta.created;
  const used = new Set<string>();
  for (const s of sheets) addSheet(book, s.table, s.header, lang, t, used);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
