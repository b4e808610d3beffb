import { afterEach, describe, expect, it } from 'vitest';
import { emptyDraftPayload, type DraftPayload } from '../../../shared/domain/hotline';
import { makeCore, okValue } from '../../support/core';
import { errorOf, hotlineFixture, type HotlineFixture } from './helpers';

let f: HotlineFixture;
afterEach(() => f?.t.cleanup());

function typed(f: HotlineFixture, extra: Partial<DraftPayload> = {}): DraftPayload {
  return {
    ...emptyDraftPayload(),
    startDate: '2025-03-05',
    startTime: '08:50',
    operatorId: f.op1,
    callerTypeId: f.ref('callerType', 'client').id,
    phone: '０９１２ ３４５ ６７８',
    serviceItemIds: [f.ref('serviceItem', 'legal-consultation').id],
    notes: '個案詢問緩起訴  \n第二行（尚未打完',
    flags: [{ flagId: f.ref('riskFlag', 'suicide-risk').id, actionTaken: '' }],
    referrals: [{ unitId: null, contactPerson: '王社工', referredOn: '114/3/', note: '' }],
    followUps: [{ dueDate: '114/03/06', dueTime: '10:', ownerId: f.op1, note: '回電確認' }],
    ...extra,
  };
}

describe('drafts never die', () => {
  it('a started call is stamped with main’s clock and belongs to the operator who pressed the key', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    expect(draft.startedAt).toBe('2025-03-05T01:00:00.000Z');
    // The form shows Taipei wall-clock time (09:00), not UTC.
    expect(draft.payload).toMatchObject({ startDate: '2025-03-05', startTime: '09:00', operatorId: f.op1, direction: 'inbound' });
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))).toHaveLength(1);
    expect(okValue(await f.t.call('op2', 'hotline:drafts', {}))).toHaveLength(0);
  });

  it('comes back exactly as typed — half-typed dates, trailing spaces, full-width digits — after the app restarts', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'outbound' }));
    const payload = typed(f, { direction: 'outbound' });
    okValue(await f.t.call('op1', 'hotline:saveDraft', { id: draft.id, payload }));

    // Restart: a new core on the same database file, the operator signs in again.
    const file = f.t.dbFile;
    f.t.core.close();
    const again = makeCore({ dbFile: file });
    try {
      okValue(await again.call('op1', 'auth:signIn', { loginName: 'op1', password: 'MyOwnPass#456' }));
      const [restored] = okValue(await again.call('op1', 'hotline:drafts', {}));
      expect(restored?.id).toBe(draft.id);
      expect(restored?.payload).toEqual(payload);
    } finally {
      again.cleanup();
    }
  });

  it('holds several open calls per operator, oldest first, each saved on its own', async () => {
    f = await hotlineFixture();
    const first = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    f.t.clock.advance(60_000);
    const second = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    okValue(await f.t.call('op1', 'hotline:saveDraft', { id: second.id, payload: typed(f, { notes: '第二線' }) }));
    okValue(await f.t.call('op1', 'hotline:saveDraft', { id: first.id, payload: typed(f, { notes: '第一線' }) }));
    const list = okValue(await f.t.call('op1', 'hotline:drafts', {}));
    expect(list.map((d) => [d.id, d.payload.notes])).toEqual([
      [first.id, '第一線'],
      [second.id, '第二線'],
    ]);
  });

  it('is private: another operator can neither read, overwrite, save nor discard it', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    const payload = typed(f);
    okValue(await f.t.call('op1', 'hotline:saveDraft', { id: draft.id, payload }));
    expect(errorOf(await f.t.call('op2', 'hotline:saveDraft', { id: draft.id, payload: emptyDraftPayload() }))).toMatchObject({ code: 'notFound', messageKey: 'hotline:errors.draftGone' });
    expect(errorOf(await f.t.call('op2', 'hotline:discardDraft', { id: draft.id }))).toMatchObject({ code: 'notFound' });
    expect(errorOf(await f.t.call('op2', 'hotline:saveCall', { draftId: draft.id, call: f.call({ operatorId: f.op2 }) }))).toMatchObject({ field: 'draftId' });
    // A supervisor reads calls but does not take them: drafts are the operator's own.
    expect(errorOf(await f.t.call('admin', 'hotline:drafts', {}))).toMatchObject({ code: 'forbidden' });
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))[0]?.payload).toEqual(payload);
  });

  it('becomes a call record on save, in one transaction that also deletes the draft', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    const saved = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: draft.id, call: f.call() }));
    expect(saved.call.id).toBeGreaterThan(0);
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))).toEqual([]);
    // Saving the same draft twice (a double press) cannot create a second record.
    expect(errorOf(await f.t.call('op1', 'hotline:saveCall', { draftId: draft.id, call: f.call() }))).toMatchObject({ messageKey: 'hotline:errors.draftGone' });
    expect(f.t.rowCounts().hotline_calls).toBe(1);
  });

  it('a save that fails keeps the draft and says why at the field; nothing is written', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    const payload = typed(f);
    okValue(await f.t.call('op1', 'hotline:saveDraft', { id: draft.id, payload }));
    const before = f.t.rowCounts();
    const flag = f.ref('riskFlag', 'suicide-risk').id;
    const err = errorOf(await f.t.call('op1', 'hotline:saveCall', { draftId: draft.id, call: f.call({ flags: [{ flagId: flag, actionTaken: '   ' }] }) }));
    expect(err).toMatchObject({ code: 'validation', field: 'call.flags.0.actionTaken', messageKey: 'hotline:errors.actionRequired' });
    expect(f.t.rowCounts()).toEqual(before);
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))[0]?.payload).toEqual(payload);
  });

  it('refuses a 10 MB note in a draft with a translatable error and keeps the previous draft text', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    okValue(await f.t.call('op1', 'hotline:saveDraft', { id: draft.id, payload: typed(f) }));
    const err = errorOf(await f.t.call('op1', 'hotline:saveDraft', { id: draft.id, payload: typed(f, { notes: '好'.repeat(10 * 1024 * 1024) }) }));
    expect(err).toMatchObject({ code: 'validation', field: 'payload.notes', messageKey: 'validation.tooLong' });
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))[0]?.payload.notes).toBe(typed(f).notes);
  });

  it('can be discarded by its owner, and the discard is audited', async () => {
    f = await hotlineFixture();
    const draft = okValue(await f.t.call('op1', 'hotline:startDraft', { direction: 'inbound' }));
    okValue(await f.t.call('op1', 'hotline:discardDraft', { id: draft.id }));
    expect(okValue(await f.t.call('op1', 'hotline:drafts', {}))).toEqual([]);
    const audit = f.t.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'hotline_draft' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'discard' }]);
  });
});
