/**
 * Roster import (issue 4 §2): preview with per-row errors, nothing written until the coordinator
 * confirms; the confirmation re-reads the same file and writes all rows or none. Rows with the
 * same ID are merged (within the file, and into the person already on record), never doubled.
 */
import type { HandlerContext } from '../context';
import { appError } from '../errors';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { MAX_IMPORT_BYTES } from '../../../shared/api/channels/lectures';
import type { ImportPreview, ImportRowPreview } from '../../../shared/api/channels/lecturesTypes';
import { maskId, normalizeId } from '../../../shared/lib/taiwanId';
import { toHalfWidth } from '../../../shared/lib/text';
import { actorId, audit, today } from './common';
import { checkDraft, type AttendeeDraft } from './attendees';
import { findAttendeeByNationalId, insertAttendee, toValues, updateAttendee, type AttendeeValues } from './attendeesRepo';
import { decodeText, parseCsv, parseXlsx, type Table } from './tableFile';

type Field = keyof AttendeeDraft;

/** Column titles seen on police and health-bureau notice lists, normalized (no spaces, lower case). */
const ALIASES: Record<Field, readonly string[]> = {
  name: ['姓名', '受講習人', '受講習人姓名', '受處分人', '受處分人姓名', 'name'],
  nationalId: ['身分證字號', '身分證統一編號', '身分證號', '身分證號碼', '統一證號', '居留證號', '居留證號碼', '身分證', 'id', 'nationalid', 'idno'],
  birthDate: ['出生日期', '生日', '出生年月日', 'birthdate', 'dateofbirth', 'birthday'],
  phone: ['電話', '聯絡電話', '手機', '行動電話', '手機號碼', 'phone', 'mobile', 'tel'],
  address: ['地址', '住址', '戶籍地址', '通訊地址', '居住地址', 'address'],
  penaltyDocNo: ['裁處書字號', '處分書字號', '裁處書文號', '裁罰書字號', '處分書文號', '文號', 'penaltydocno', 'documentno'],
  issuingAgency: ['裁處機關', '處分機關', '發文機關', '移送機關', '原處分機關', 'issuingagency', 'agency'],
  drugClass: ['毒品級別', '毒品等級', '級別', '毒品分級', 'drugclass', 'class'],
  penaltyCount: ['裁處次數', '違規次數', '次數', '初犯/再犯', '初再犯', '初犯再犯', 'penaltycount', 'offences', 'offenses'],
  needsInterpreter: ['需通譯', '需要通譯', '通譯', 'interpreter', 'needsinterpreter'],
  interpreterLanguage: ['通譯語言', '語言', 'interpreterlanguage', 'language'],
  note: ['備註', '附註', 'note', 'notes', 'remarks'],
};

const normHeader = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();

/** Which field each column holds: an exact title first, then a title that contains a known one. */
export function mapColumns(header: readonly string[]): Map<number, Field> {
  const out = new Map<number, Field>();
  const taken = new Set<Field>();
  const fields = Object.keys(ALIASES) as Field[];
  for (const exact of [true, false]) {
    header.forEach((raw, i) => {
      if (out.has(i)) return;
      const h = normHeader(raw);
      if (h === '') return;
      const f = fields.find((f) => !taken.has(f) && ALIASES[f].some((a) => (exact ? h === a : a.length >= 2 && h.includes(a))));
      if (f) {
        out.set(i, f);
        taken.add(f);
      }
    });
  }
  return out;
}

export function drugClassOf(s: string): number | null | 'bad' {
  const v = toHalfWidth(s).replace(/\s+/g, '');
  if (v === '') return null;
  if (/^(第?(三|3)級?(毒品)?)$/.test(v)) return 3;
  if (/^(第?(四|4)級?(毒品)?)$/.test(v)) return 4;
  return 'bad';
}

export function penaltyCountOf(s: string): number | null | 'bad' {
  const v = toHalfWidth(s).replace(/\s+/g, '');
  if (v === '') return null;
  if (v === '初犯') return 1;
  if (v === '再犯') return 2;
  const m = /^第?(\d{1,2})次?$/.exec(v);
  return m ? Number(m[1]) : 'bad';
}

const YES = new Set(['是', '需', '需要', 'y', 'yes', 'true', '1', 'v', '✓', 'o']);

/** Excel keeps a mobile number as a number and drops its leading 0 (912345678). */
function phoneOf(s: string): string {
  const v = s.trim();
  return /^9\d{8}$/.test(v) ? `0${v}` : v;
}

interface ParsedRow {
  rowNo: number;
  draft: AttendeeDraft;
  provided: Set<Field>;
  cellErrors: { column: Field; messageKey: string }[];
}

function rowOf(cells: readonly string[], columns: Map<number, Field>, rowNo: number): ParsedRow {
  const get = (f: Field) => {
    for (const [i, field] of columns) if (field === f) return (cells[i] ?? '').trim();
    return '';
  };
  const provided = new Set<Field>();
  for (const f of columns.values()) if (get(f) !== '') provided.add(f);
  const cellErrors: ParsedRow['cellErrors'] = [];
  const dc = drugClassOf(get('drugClass'));
  if (dc === 'bad') cellErrors.push({ column: 'drugClass', messageKey: 'lectures:errors.drugClass' });
  const pc = penaltyCountOf(get('penaltyCount'));
  if (pc === 'bad') cellErrors.push({ column: 'penaltyCount', messageKey: 'lectures:errors.penaltyCount' });
  const interp = get('needsInterpreter');
  return {
    rowNo,
    provided,
    cellErrors,
    draft: {
      name: get('name'),
      nationalId: get('nationalId'),
      birthDate: get('birthDate'),
      phone: phoneOf(get('phone')),
      address: get('address'),
      penaltyDocNo: get('penaltyDocNo'),
      issuingAgency: get('issuingAgency'),
      drugClass: dc === 'bad' ? null : dc,
      penaltyCount: typeof pc === 'number' ? pc : 1,
      needsInterpreter: YES.has(interp.toLowerCase()) || get('interpreterLanguage') !== '',
      interpreterLanguage: get('interpreterLanguage'),
      note: get('note'),
    },
  };
}

/** Later non-empty cells win; the higher penalty count wins; an interpreter need is never dropped. */
function merge(base: AttendeeValues, next: AttendeeValues, provided: Set<Field>): AttendeeValues {
  const out = { ...base };
  for (const f of ['name', 'birthDate', 'phone', 'address', 'penaltyDocNo', 'issuingAgency', 'drugClass', 'interpreterLanguage', 'note'] as const) {
    if (provided.has(f) || (f === 'interpreterLanguage' && next.interpreterLanguage !== '')) (out as Record<string, unknown>)[f] = next[f];
  }
  if (provided.has('phone')) out.phoneKey = next.phoneKey;
  out.penaltyCount = Math.max(base.penaltyCount, next.penaltyCount);
  out.needsInterpreter = base.needsInterpreter || next.needsInterpreter;
  return out;
}

interface Plan {
  preview: ImportPreview;
  /** normalized ID → the values to store and whether the person exists */
  writes: Map<string, { existingId: number | null; values: AttendeeValues }>;
}

const MAX_ROWS = 5000;

async function readTable(input: ParsedInputOf<'lectures:previewImport'>): Promise<Table> {
  const bytes = Buffer.from(input.dataUrl.slice(input.dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw appError('validation', 'lectures:errors.fileTooLarge', { field: 'file', params: { mb: 5 } });
  try {
    return input.format === 'xlsx' ? await parseXlsx(bytes) : parseCsv(decodeText(bytes));
  } catch {
    throw appError('validation', 'lectures:errors.fileUnreadable', { field: 'file' });
  }
}

async function plan(ctx: HandlerContext, input: ParsedInputOf<'lectures:previewImport'>): Promise<Plan> {
  const table = (await readTable(input)).filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...body] = table;
  const columns = mapColumns(header ?? []);
  const fields = new Set(columns.values());
  const missing = (['name', 'nationalId'] as const).filter((f) => !fields.has(f));
  if (!header || missing.length > 0) throw appError('validation', 'lectures:errors.importMissingColumns', { field: 'file', params: { columns: missing.join(',') } });
  if (body.length === 0) throw appError('validation', 'lectures:errors.importEmpty', { field: 'file' });
  if (body.length > MAX_ROWS) throw appError('validation', 'lectures:errors.importTooManyRows', { field: 'file', params: { max: MAX_ROWS } });

  const todayKey = today(ctx);
  const rows: ImportRowPreview[] = [];
  const writes: Plan['writes'] = new Map();
  // rowNo counts the header as line 1, as a spreadsheet shows it (blank lines were dropped above).
  body.forEach((cells, i) => {
    const parsed = rowOf(cells, columns, i + 2);
    const { values, problems } = checkDraft(parsed.draft, todayKey);
    const errors = [...parsed.cellErrors, ...problems.filter((p) => !parsed.cellErrors.some((c) => c.column === p.field)).map((p) => ({ column: p.field, messageKey: p.messageKey }))];
    const id = normalizeId(parsed.draft.nationalId);
    let action: ImportRowPreview['action'] = 'create';
    if (values && errors.length === 0) {
      const earlier = writes.get(values.nationalId);
      if (earlier) {
        action = 'merged';
        earlier.values = merge(earlier.values, values, parsed.provided);
      } else {
        const existing = findAttendeeByNationalId(ctx.db, values.nationalId);
        action = existing ? 'update' : 'create';
        writes.set(values.nationalId, {
          existingId: existing?.id ?? null,
          values: existing ? merge(toValues(existing), values, parsed.provided) : values,
        });
      }
    }
    rows.push({
      rowNo: parsed.rowNo,
      name: parsed.draft.name,
      maskedId: id === '' ? '' : maskId(id),
      birthDate: values?.birthDate ?? null,
      phone: values?.phone ?? parsed.draft.phone,
      drugClass: parsed.draft.drugClass,
      penaltyCount: parsed.provided.has('penaltyCount') ? parsed.draft.penaltyCount : null,
      action,
      errors,
    });
  });
  const count = (a: ImportRowPreview['action']) => rows.filter((r) => r.errors.length === 0 && r.action === a).length;
  return {
    writes,
    preview: {
      rows,
      columns: [...columns.values()],
      createCount: count('create'),
      updateCount: count('update'),
      mergedCount: count('merged'),
      errorCount: rows.filter((r) => r.errors.length > 0).length,
    },
  };
}

export async function preview(ctx: HandlerContext, input: ParsedInputOf<'lectures:previewImport'>): Promise<ImportPreview> {
  return (await plan(ctx, input)).preview;
}

/** All rows or none: a file with any bad row is refused as a whole. */
export async function confirm(ctx: HandlerContext, input: ParsedInputOf<'lectures:confirmImport'>): Promise<{ created: number; updated: number }> {
  const { preview: p, writes } = await plan(ctx, input);
  if (p.errorCount > 0) throw appError('validation', 'lectures:errors.importHasErrors', { field: 'file', params: { count: p.errorCount } });
  const by = actorId(ctx);
  return ctx.db.transaction(() => {
    const at = ctx.now();
    let created = 0;
    let updated = 0;
    for (const w of writes.values()) {
      if (w.existingId === null) {
        insertAttendee(ctx.db, w.values, at, by);
        created++;
      } else {
        updateAttendee(ctx.db, w.existingId, w.values, at, by);
        updated++;
      }
    }
    audit(ctx, 'import', 'lecture_attendee', null, { fileName: input.fileName, rows: p.rows.length, created, updated, merged: p.mergedCount });
    return { created, updated };
  })();
}
