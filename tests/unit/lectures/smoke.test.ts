import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { lectureCore, sessionWithPeople } from './helpers';

describe('smoke', () => {
  it('creates, enrols, checks in', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 3);
    const look = okValue(await t.call(t.coord, 'lectures:lookup', { sessionId, query: '受講人2' }));
    expect(look.rows).toHaveLength(1);
    const out = okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: look.rows[0]!.enrolmentId }));
    expect(out.board.counts).toMatchObject({ due: 3, checkedIn: 1, missing: 2 });
    expect(enrolmentIds).toHaveLength(3);
    const doc = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.signInSheet', params: { sessionId }, lang: 'zh-TW' }));
    expect(doc.html).toContain('受講人1號');
  });
});
