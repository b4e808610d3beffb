import { afterEach, describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { errorOf, HOUR, hotlineFixture, type HotlineFixture } from './helpers';

let f: HotlineFixture;
afterEach(() => f?.t.cleanup());

async function saved(f: HotlineFixture, sender = 'op1') {
  return okValue(await f.t.call(sender, 'hotline:saveCall', { draftId: null, call: f.call() })).call;
}

describe('editing a saved call', () => {
  it('an operator edits their own call within 24 h by default, and every edit is kept with before and after', async () => {
    f = await hotlineFixture();
    const call = await saved(f);
    f.t.clock.advance(23 * HOUR);
    const flag = f.ref('riskFlag', 'suicide-risk').id;
    const d = okValue(
      await f.t.call('op1', 'hotline:updateCall', {
        id: call.id,
        call: f.call({ startedAt: call.startedAt, endedAt: call.endedAt, notes: '補充：已轉介', flags: [{ flagId: flag, actionTaken: '提供 1925' }] }),
      }),
    );
    expect(d.call).toMatchObject({ notes: '補充：已轉介', updatedBy: f.op1 });
    expect(d.editCount).toBe(1);
    const [entry] = okValue(await f.t.call('admin', 'hotline:callHistory', { id: call.id }));
    expect(entry).toMatchObject({ byName: '陳小華', before: { notes: call.notes, flags: [] }, after: { notes: '補充：已轉介', flags: [{ flagId: flag }] } });
    // The edit also changes what the search finds.
    expect(okValue(await f.t.call('op1', 'hotline:searchCalls', { text: '已轉介' })).total).toBe(1);
  });

  it('after the window closes the operator is refused with a clear reason and nothing changes', async () => {
    f = await hotlineFixture();
    const call = await saved(f);
    f.t.clock.advance(24 * HOUR + 1000);
    const detail = okValue(await f.t.call('op1', 'hotline:getCall', { id: call.id }));
    expect(detail).toMatchObject({ editable: false, editableUntil: new Date(Date.parse(call.createdAt) + 24 * HOUR).toISOString() });
    const before = f.t.rowCounts();
    const e = errorOf(await f.t.call('op1', 'hotline:updateCall', { id: call.id, call: f.call({ notes: '太晚了' }) }));
    expect(e).toMatchObject({ code: 'forbidden', messageKey: 'hotline:errors.editWindowClosed' });
    expect(f.t.rowCounts()).toEqual(before);
  });

  it('another operator may read but not edit the call; a supervisor may edit any time', async () => {
    f = await hotlineFixture();
    const call = await saved(f);
    expect(okValue(await f.t.call('op2', 'hotline:getCall', { id: call.id })).editable).toBe(false);
    expect(errorOf(await f.t.call('op2', 'hotline:updateCall', { id: call.id, call: f.call() }))).toMatchObject({ messageKey: 'hotline:errors.notYourCall' });
    f.t.clock.advance(400 * HOUR);
    const d = okValue(await f.t.call('admin', 'hotline:updateCall', { id: call.id, call: f.call({ startedAt: call.startedAt, endedAt: call.endedAt, notes: '督導更正' }) }));
    expect(d).toMatchObject({ editable: true, editableUntil: null, call: { notes: '督導更正', operatorId: f.op1, updatedBy: f.supervisor } });
  });

  it('the history is for supervisors and cannot be rewritten', async () => {
    f = await hotlineFixture();
    const call = await saved(f);
    okValue(await f.t.call('op1', 'hotline:updateCall', { id: call.id, call: f.call({ notes: '第二版' }) }));
    expect(errorOf(await f.t.call('op1', 'hotline:callHistory', { id: call.id }))).toMatchObject({ code: 'forbidden' });
    expect(() => f.t.core.db.prepare('UPDATE hotline_call_history SET after_json = ?').run('{}')).toThrow(/append-only/);
    expect(() => f.t.core.db.prepare('DELETE FROM hotline_call_history').run()).toThrow(/append-only/);
  });

  it('the window is a supervisor’s setting (audited); operators may read it but not change it', async () => {
    f = await hotlineFixture();
    const call = await saved(f);
    expect(okValue(await f.t.call('op1', 'hotline:settings', {}))).toEqual({ editWindowHours: 24 });
    expect(errorOf(await f.t.call('op1', 'hotline:setSettings', { editWindowHours: 1000 }))).toMatchObject({ code: 'forbidden' });
    expect(errorOf(await f.t.call('admin', 'hotline:setSettings', { editWindowHours: -1 }))).toMatchObject({ field: 'editWindowHours' });
    okValue(await f.t.call('admin', 'hotline:setSettings', { editWindowHours: 2 }));
    f.t.clock.advance(3 * HOUR);
    expect(errorOf(await f.t.call('op1', 'hotline:updateCall', { id: call.id, call: f.call() }))).toMatchObject({ messageKey: 'hotline:errors.editWindowClosed' });
    okValue(await f.t.call('admin', 'hotline:setSettings', { editWindowHours: 72 }));
    okValue(await f.t.call('op1', 'hotline:updateCall', { id: call.id, call: f.call({ notes: '可以改了' }) }));
    const audit = f.t.core.db.prepare("SELECT details FROM audit_log WHERE entity = 'hotline_settings' ORDER BY id").all() as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ editWindowHours: { from: 24, to: 2 } }, { editWindowHours: { from: 2, to: 72 } }]);
  });

  it('an edit keeps a retired reference entry the record already had, but refuses to add one', async () => {
    f = await hotlineFixture();
    const call = await saved(f);
    const medical = f.ref('serviceItem', 'medical-treatment').id;
    const legal = f.ref('serviceItem', 'legal-consultation').id;
    okValue(await f.t.call('admin', 'reference:setRetired', { id: medical, retired: true }));
    okValue(await f.t.call('admin', 'reference:setRetired', { id: legal, retired: true }));
    okValue(await f.t.call('op1', 'hotline:updateCall', { id: call.id, call: f.call({ serviceItemIds: [medical] }) }));
    expect(errorOf(await f.t.call('op1', 'hotline:updateCall', { id: call.id, call: f.call({ serviceItemIds: [medical, legal] }) }))).toMatchObject({
      field: 'call.serviceItemIds',
      messageKey: 'hotline:errors.unknownRef',
    });
  });
});
