import { describe, expect, it } from 'vitest';
import { emptyDraftPayload, type DraftPayload } from '../../../shared/domain/hotline';
import { parseTimeText, problemsOf, recordToPayload, stampEnd, toSaveInput } from '../../../renderer/src/features/hotline/formConvert';

const NOW = new Date('2025-03-05T06:30:00.000Z'); // 14:30 Taipei
const draft = (p: Partial<DraftPayload>): DraftPayload => ({ ...emptyDraftPayload(), operatorId: 7, ...p });

describe('what the operator typed → what the API stores', () => {
  it('reads 24-hour times however they are typed', () => {
    expect(['9:05', '0905', '09:05', '０９：０５', '23:59'].map(parseTimeText)).toEqual(['09:05', '09:05', '09:05', '09:05', '23:59']);
    expect(['24:00', '9', '12:60', 'noon', ''].map(parseTimeText)).toEqual([null, null, null, null, null]);
  });

  it('keeps the stamped instant to the millisecond while the fields still show its minute', () => {
    const r = toSaveInput(draft({ startStamp: '2025-03-05T06:20:07.123Z', startDate: '114/03/05', startTime: '14:20' }), NOW);
    expect(r.ok && r.value.call.startedAt).toBe('2025-03-05T06:20:07.123Z');
    // Saving ends the call now.
    expect(r.ok && r.value.call.endedAt).toBe(NOW.toISOString());
  });

  it('a changed field means "this time instead" (logging after the fact), in Taipei time', () => {
    const r = toSaveInput(draft({ startStamp: '2025-03-05T06:20:07.123Z', startDate: '114/3/4', startTime: '23:50', endTime: '00:10' }), NOW);
    expect(r.ok && [r.value.call.startedAt, r.value.call.endedAt]).toEqual(['2025-03-04T15:50:00.000Z', '2025-03-04T16:10:00.000Z']);
  });

  it('an end stamped by F4 survives as stamped', () => {
    const ended = stampEnd(draft({ startDate: '2025-03-05', startTime: '14:00' }), NOW, 'zh-TW');
    expect(ended).toMatchObject({ endDate: '114/03/05', endTime: '14:30', endStamp: NOW.toISOString() });
    const r = toSaveInput(ended, new Date(NOW.getTime() + 60_000));
    expect(r.ok && r.value.call.endedAt).toBe(NOW.toISOString());
  });

  it('reports unreadable dates and times, missing referral units and follow-up owners at their fields', () => {
    const r = toSaveInput(
      draft({
        startDate: '114/13/40',
        startTime: '25:00',
        operatorId: null,
        referrals: [{ unitId: null, contactPerson: '', referredOn: '昨天', note: '' }],
        followUps: [{ dueDate: '', dueTime: '10:00', ownerId: null, note: '' }],
      }),
      NOW,
    );
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'startDate', messageKey: 'hotline:errors.dateFormat' },
      { field: 'startTime', messageKey: 'hotline:errors.timeFormat' },
      { field: 'operatorId', messageKey: 'validation.required' },
      { field: 'referrals.0.unitId', messageKey: 'validation.required' },
      { field: 'referrals.0.referredOn', messageKey: 'hotline:errors.dateFormat' },
      { field: 'followUps.0.dueDate', messageKey: 'validation.required' },
      { field: 'followUps.0.ownerId', messageKey: 'validation.required' },
    ]);
  });

  it('puts the API’s refusals at the form’s fields', () => {
    const fields = problemsOf({
      code: 'validation',
      messageKey: 'x',
      fields: [
        { field: 'call.endedAt', messageKey: 'hotline:errors.endBeforeStart' },
        { field: 'payload.notes', messageKey: 'validation.tooLong', params: { max: 20000 } },
        { field: 'followUps.1.dueAt', messageKey: 'validation.invalidType' },
        { field: 'call.flags.0.actionTaken', messageKey: 'hotline:errors.actionRequired' },
      ],
    }).map((p) => p.field);
    expect(fields).toEqual(['endTime', 'notes', 'followUps.1.dueTime', 'flags.0.actionTaken']);
  });

  it('a saved record comes back into the form as it would have been typed', () => {
    const p = recordToPayload(
      {
        id: 1, kind: 'service', nonServiceTypeId: null, direction: 'outbound', startedAt: '2025-03-04T16:05:00.000Z', endedAt: '2025-03-04T16:15:30.000Z',
        durationSec: 630, shiftId: 3, operatorId: 7, operatorName: 'x', callerTypeId: 2, gender: 'male', ageGroupId: null, districtId: 9, phone: '07-123-4567',
        notes: 'n', serviceItemIds: [1], flags: [], createdAt: '', createdBy: 7, createdByName: 'x', updatedAt: '', updatedBy: 7,
      },
      'en',
    );
    expect(p).toMatchObject({ startDate: '2025-03-05', startTime: '00:05', endTime: '00:15', direction: 'outbound', districtId: 9 });
    const r = toSaveInput(p, NOW);
    expect(r.ok && [r.value.call.startedAt, r.value.call.endedAt]).toEqual(['2025-03-04T16:05:00.000Z', '2025-03-04T16:15:30.000Z']);
  });
});
