import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../../shared/api/result';
import { makeCore, okValue, type TestCore } from '../../support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

async function withStaff(): Promise<TestCore> {
  const t = makeCore();
  cores.push(t);
  await t.setupSupervisor('admin');
  await t.signInAs('op', ['operator'], { loginName: 'chen', displayName: '陳接線' });
  await t.signInAs('counter', ['counter'], { loginName: 'lin', displayName: '林<櫃台>' });
  return t;
}

function errorOf(r: Result<unknown>): ApiError {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

const ACCOUNTS = { kind: 'accounts.list', params: {}, lang: 'zh-TW' } as const;

function printAudit(t: TestCore) {
  return t.core.db.prepare("SELECT action, account_id, entity_id, details FROM audit_log WHERE entity = 'document' ORDER BY id").all() as {
    action: string;
    account_id: number;
    entity_id: string;
    details: string;
  }[];
}

describe('print preview', () => {
  it('the account list shows every account, escaped, and who printed it', async () => {
    const t = await withStaff();
    const preview = okValue(await t.call('admin', 'print:preview', ACCOUNTS));
    expect(preview).toMatchObject({ format: 'a4', lastPrinter: null });
    expect(preview.title.length).toBeGreaterThan(0);
    for (const name of ['王督導', '陳接線', 'chen', 'lin']) expect(preview.html).toContain(name);
    expect(preview.html).toContain('林&lt;櫃台&gt;');
    expect(preview.html).not.toContain('林<櫃台>');
    // a preview is not a print: nothing audited, nothing sent to a printer
    expect(printAudit(t)).toEqual([]);
    expect(t.printHost.printed).toEqual([]);
  });

  it('in English the page is marked as English', async () => {
    const t = await withStaff();
    const preview = okValue(await t.call('admin', 'print:preview', { ...ACCOUNTS, lang: 'en' }));
    expect(preview.html).toMatch(/<html lang="en">/);
    expect(preview.html).toContain('陳接線');
  });

  it('an operator may not print the account list', async () => {
    const t = await withStaff();
    expect(errorOf(await t.call('op', 'print:preview', ACCOUNTS))).toMatchObject({ code: 'forbidden', messageKey: 'errors.forbidden' });
    const before = t.rowCounts();
    expect(errorOf(await t.call('op', 'print:run', { ...ACCOUNTS, target: { mode: 'pdf' } })).code).toBe('forbidden');
    expect(t.printHost.saved).toEqual([]);
    expect(t.rowCounts()).toEqual(before);
  });

  it('an unknown document kind is notFound', async () => {
    const t = await withStaff();
    for (const kind of ['accounts.nope', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(errorOf(await t.call('admin', 'print:preview', { ...ACCOUNTS, kind }))).toMatchObject({ code: 'notFound', messageKey: 'print.unknownDocument' });
    }
  });

  it('document parameters are checked by the document’s own schema', async () => {
    const t = await withStaff();
    const r = await t.call('admin', 'print:preview', { ...ACCOUNTS, params: { sneaky: true } });
    expect(errorOf(r)).toMatchObject({ code: 'validation', messageKey: expect.stringMatching(/^validation\./), field: expect.stringMatching(/^params/) });
  });
});

describe('print run', () => {
  it('save as PDF hands the same HTML to the print host and audits it', async () => {
    const t = await withStaff();
    const preview = okValue(await t.call('admin', 'print:preview', ACCOUNTS));
    const outcome = okValue(await t.call('admin', 'print:run', { ...ACCOUNTS, target: { mode: 'pdf' } }));
    expect(outcome).toEqual({ done: true, path: '/tmp/x.pdf' });
    expect(t.printHost.saved).toHaveLength(1);
    expect(t.printHost.saved[0]?.doc.html).toBe(preview.html);
    expect(t.printHost.saved[0]?.suggestedName).toBe(`${preview.title}.pdf`);

    const me = okValue(await t.call('admin', 'auth:status', {})).account;
    expect(printAudit(t)).toEqual([{ action: 'savePdf', account_id: me?.id, entity_id: 'accounts.list', details: '{"params":{}}' }]);
  });

  it('a cancelled save dialog is not done and not audited', async () => {
    const t = await withStaff();
    t.printHost.savePdf = async () => null;
    expect(okValue(await t.call('admin', 'print:run', { ...ACCOUNTS, target: { mode: 'pdf' } }))).toEqual({ done: false, path: null });
    expect(printAudit(t)).toEqual([]);
  });

  it('prints to a chosen printer with copies, audits it and remembers the printer for this kind', async () => {
    const t = await withStaff();
    const outcome = okValue(await t.call('admin', 'print:run', { ...ACCOUNTS, target: { mode: 'printer', deviceName: 'Receipt-80', copies: 2 } }));
    expect(outcome).toEqual({ done: true, path: null });
    expect(t.printHost.printed.map((p) => p.options)).toEqual([{ deviceName: 'Receipt-80', copies: 2 }]);
    expect(printAudit(t).map((a) => [a.action, JSON.parse(a.details)])).toEqual([['print', { copies: 2, deviceName: 'Receipt-80', params: {} }]]);

    expect(t.prefs.get().printers).toEqual({ 'accounts.list': 'Receipt-80' });
    expect(okValue(await t.call('admin', 'print:preview', ACCOUNTS)).lastPrinter).toBe('Receipt-80');
    // another choice replaces it
    okValue(await t.call('admin', 'print:run', { ...ACCOUNTS, target: { mode: 'printer', deviceName: 'HP-Counter', copies: 1 } }));
    expect(okValue(await t.call('admin', 'print:preview', ACCOUNTS)).lastPrinter).toBe('HP-Counter');
  });

  it('an unknown printer is refused instead of silently printing on the default one', async () => {
    const t = await withStaff();
    const r = await t.call('admin', 'print:run', { ...ACCOUNTS, target: { mode: 'printer', deviceName: 'Gone-Printer', copies: 1 } });
    expect(errorOf(r)).toMatchObject({ code: 'validation', messageKey: 'print.unknownPrinter', field: 'target.deviceName' });
    expect(t.printHost.printed).toEqual([]);
    expect(t.prefs.get().printers).toEqual({});
    expect(printAudit(t)).toEqual([]);
  });

  it.each([0, 100, 1.5])('copies = %s is refused', async (copies) => {
    const t = await withStaff();
    const r = await t.call('admin', 'print:run', { ...ACCOUNTS, target: { mode: 'printer', deviceName: 'HP-Counter', copies } });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'target.copies' });
    expect(t.printHost.printed).toEqual([]);
  });

  it('lists the printers the host knows to any signed-in person', async () => {
    const t = await withStaff();
    expect(okValue(await t.call('op', 'print:printers', {})).map((p) => p.name)).toEqual(['HP-Counter', 'Receipt-80']);
  });
});
