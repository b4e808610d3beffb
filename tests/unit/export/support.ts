/**
 * Opens what a list export wrote, the way a person would: the XLSX read back with exceljs,
 * the CSV checked for its BOM and parsed (RFC 4180); and the audit entries exports leave.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ExportOutcome } from '../../../shared/api/channels/export';
import type { TestCore } from '../../support/core';
import { parseCsv } from '../stats/csvParse';

export interface Sheet {
  name: string;
  /** the lines above the table: title, filter, who exported when */
  above: string[];
  header: string[];
  rows: ExcelJS.CellValue[][];
  /** the number format of each cell of the first data row */
  formats: (string | undefined)[];
}

/** A list export's one sheet: lines, a blank row, the header row, then one row per record. */
export async function readXlsx(file: string): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets).toHaveLength(1);
  const ws = book.worksheets[0] as ExcelJS.Worksheet;
  const all: ExcelJS.Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => all.push(row));
  const values = (row: ExcelJS.Row | undefined) => ((row?.values ?? []) as ExcelJS.CellValue[]).slice(1);
  const blank = all.findIndex((r) => values(r).every((v) => v === null || v === undefined || v === ''));
  const header = values(all[blank + 1]).map(String);
  const body = all.slice(blank + 2);
  return {
    name: ws.name,
    above: all.slice(0, blank).map((r) => String(values(r)[0] ?? '')),
    header,
    rows: body.map((r) => header.map((_, i) => values(r)[i] ?? null)),
    formats: header.map((_, i) => body[0]?.getCell(i + 1).numFmt),
  };
}

/** The CSV as a table of strings, after checking it starts with the UTF-8 BOM Excel needs. */
export function readCsv(file: string): string[][] {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

export interface ExportAudit {
  accountId: number | null;
  entityId: string;
  details: { format: string; params: Record<string, unknown>; rows: number; personalData: boolean };
}

export function exportAudits(t: TestCore, kind?: string): ExportAudit[] {
  const rows = t.core.db
    .prepare("SELECT account_id AS accountId, entity_id AS entityId, details FROM audit_log WHERE action = 'export' ORDER BY id")
    .all() as { accountId: number | null; entityId: string; details: string }[];
  return rows.filter((r) => kind === undefined || r.entityId === kind).map((r) => ({ ...r, details: JSON.parse(r.details) as ExportAudit['details'] }));
}

/** Runs an export and returns where it went; fails the test on a refusal. */
export async function exportFile(t: TestCore, sender: string, kind: string, params: unknown, format: 'xlsx' | 'csv', lang: 'zh-TW' | 'en' = 'zh-TW'): Promise<ExportOutcome & { path: string }> {
  const r = await t.call(sender, 'export:run', { kind, params, lang, format });
  if (!r.ok) throw new Error(`export ${kind} refused: ${JSON.stringify(r.error)}`);
  expect(r.value.saved).toBe(true);
  return { ...r.value, path: r.value.path ?? '' };
}

/** A refused export: the error, and proof that no file was written and nothing was audited. */
export async function refusedExport(t: TestCore, sender: string, kind: string, params: unknown) {
  const files = t.fileSaver.saved.length;
  const audits = exportAudits(t).length;
  const r = await t.call(sender, 'export:run', { kind, params, lang: 'zh-TW', format: 'csv' });
  if (r.ok) throw new Error(`expected ${kind} to be refused to ${sender}`);
  expect(t.fileSaver.saved).toHaveLength(files);
  expect(exportAudits(t)).toHaveLength(audits);
  return r.error;
}
