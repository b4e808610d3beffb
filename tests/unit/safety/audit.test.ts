import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/repository';
import { makeCore, okValue, type TestCore } from '../../support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.cleanup();
});

/** A supervisor, an operator, and a trail of entries over three Taipei days. */
async function withTrail(): Promise<{ t: TestCore; opId: number }> {
  const t = makeCore({ start: new Date('2025-03-04T20:00:00.000Z') }); // 3/5 04:00 in Taipei
  cores.push(t);
  await t.setupSupervisor('admin');
  const op = await t.signInAs('desk', ['operator'], { displayName: '陳小華', loginName: 'chen' });
  const add = (at: string, action: string, entity: string, entityId: string | null, details: Record<string, unknown> = {}) =>
    appendAudit(t.core.db, { at, accountId: op.id, action, entity, entityId, details });
  add('2025-03-05T02:00:00.000Z', 'read', 'hotlineCall', '17', { reason: 'callback' });
  add('2025-03-05T15:59:59.000Z', 'update', 'hotlineCall', '17', { note: '=HYPERLINK("http://x")' });
  add('2025-03-05T16:00:00.000Z', 'read', 'attendee', '3', { note: '王小明, "quoted"\nnext line' });
  add('2025-03-07T01:00:00.000Z', 'print', 'document', 'hotline.handover');
  return { t, opId: op.id };
}

describe('audit trail search', () => {
  it('filters by person, Taipei day, action, entity, record and text in the details, newest first', async () => {
    const { t, opId } = await withTrail();
    const search = async (filter: Record<string, unknown>) =>
      okValue(await t.call('admin', 'safety:auditSearch', { offset: 0, limit: 50, ...filter })).rows.map((r) => `${r.action}:${r.entity}:${r.entityId}`);

    expect(await search({ accountId: opId, entity: 'hotlineCall' })).toEqual(['update:hotlineCall:17', 'read:hotlineCall:17']);
    // 3/5 in Taipei ends at 2025-03-05T16:00Z: the entry at 15:59:59Z is in, the one at 16:00Z is not.
    expect(await search({ accountId: opId, from: '2025-03-05', to: '2025-03-05', action: 'update' })).toEqual(['update:hotlineCall:17']);
    expect(await search({ accountId: opId, from: '2025-03-06', to: '2025-03-06' })).toEqual(['read:attendee:3']);
    expect(await search({ entity: 'hotlineCall', entityId: '17', action: 'read' })).toEqual(['read:hotlineCall:17']);
    expect(await search({ text: 'HYPERLINK' })).toEqual(['update:hotlineCall:17']);
    // LIKE wildcards in the text are literal.
    expect(await search({ text: '%' })).toEqual([]);
    const page = okValue(await t.call('admin', 'safety:auditSearch', { offset: 0, limit: 2 }));
    expect(page.total).toBeGreaterThan(4);
    expect(page.rows).toHaveLength(2);
    expect(page.rows[0]?.id).toBeGreaterThan(page.rows[1]?.id ?? 0);
    const names = okValue(await t.call('admin', 'safety:auditSearch', { offset: 0, limit: 1, accountId: opId })).rows[0];
    expect(names).toMatchObject({ accountName: '陳小華' });
  });

  it('refuses a range whose end is before its start, at the "to" field', async () => {
    const { t } = await withTrail();
    expect(await t.call('admin', 'safety:auditSearch', { offset: 0, limit: 10, from: '2025-03-06', to: '2025-03-05' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'to', messageKey: 'safety:errors.toBeforeFrom' },
    });
    expect(await t.call('admin', 'safety:auditSearch', { offset: 0, limit: 10, from: '2025-02-30' })).toMatchObject({
      ok: false,
      error: { field: 'from', messageKey: 'safety:errors.date' },
    });
  });

  it('is for supervisors only', async () => {
    const { t } = await withTrail();
    expect(await t.call('desk', 'safety:auditSearch', { offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call('desk', 'safety:auditExport', { lang: 'zh-TW' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('offers the actions, entities and people that occur, for the filter lists', async () => {
    const { t } = await withTrail();
    const facets = okValue(await t.call('admin', 'safety:auditFacets', {}));
    expect(facets.actions).toEqual(expect.arrayContaining(['print', 'read', 'update', 'signIn']));
    expect(facets.entities).toEqual(expect.arrayContaining(['attendee', 'document', 'hotlineCall', 'account']));
    expect(facets.accounts.map((a) => a.loginName)).toEqual(['boss', 'chen']);
  });
});

describe('audit trail export', () => {
  it('writes CSV in UTF-8 with a byte-order mark, quoted where needed, formulas defused, and records the export', async () => {
    const { t, opId } = await withTrail();
    // A record id a spreadsheet would run as a formula.
    appendAudit(t.core.db, { at: '2025-03-06T01:00:00.000Z', accountId: opId, action: 'read', entity: 'attendee', entityId: '=1+2' });
    const r = okValue(await t.call('admin', 'safety:auditExport', { lang: 'zh-TW', accountId: opId, from: '2025-03-05', to: '2025-03-07' }));
    // The five above, and the operator's own first sign-in and password change.
    expect(r).toMatchObject({ saved: true, rows: 7 });
    const bytes = fs.readFileSync(r.path ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('編號,時間,時間（UTC）,帳號,姓名,動作,對象,對象編號,內容');
    expect(lines.find((l) => l.includes('callback'))).toMatch(/^\d+,114\/03\/05 10:00,2025-03-05T02:00:00.000Z,chen,陳小華,read,hotlineCall,17,"\{""reason"":""callback""\}"$/);
    // A cell starting with = is not a formula in Excel …
    expect(text).toContain(",attendee,'=1+2,");
    expect(text).not.toContain(',=1+2');
    // … and quotes inside a cell are doubled inside its quotes.
    expect(text).toContain('"{""note"":""王小明, \\""quoted\\""\\nnext line""}"');
    expect(t.fileSaver.saved[0]?.suggestedName).toBe('audit-log-2025-03-05.csv');
    const entry = t.core.db.prepare("SELECT account_id, details FROM audit_log WHERE action = 'export' AND entity = 'auditLog'").get() as { account_id: number; details: string };
    expect(entry.account_id).toBe(1);
    expect(JSON.parse(entry.details)).toMatchObject({ rows: 7, format: 'csv', filter: { accountId: opId } });
  });

  it('a cancelled save dialog writes nothing and records nothing', async () => {
    const { t } = await withTrail();
    t.fileSaver.cancel = true;
    const before = t.rowCounts();
    expect(okValue(await t.call('admin', 'safety:auditExport', { lang: 'en' }))).toMatchObject({ saved: false, path: null });
    expect(t.rowCounts()).toEqual(before);
  });
});

describe('audit entries cannot be changed', () => {
  it('the table refuses UPDATE and DELETE from any connection, including the one the app runs on', async () => {
    const { t } = await withTrail();
    const before = t.core.db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(() => t.core.db.prepare("UPDATE audit_log SET action = 'forged' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => t.core.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(t.core.db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before);
  });
});
