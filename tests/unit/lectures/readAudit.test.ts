/**
 * Opening a session's roster and searching the attendees are reads of people's records (issue 7
 * §4): each leaves an entry in the audit trail, and the entry does not repeat the ID or phone typed.
 */
import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { lectureCore, sessionWithPeople, validId } from './helpers';

interface Entry {
  account_id: number;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
}

describe('reads of the lectures’ people are in the audit trail', () => {
  it('opening a session records who read its roster', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 3);
    const before = t.core.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId }));
    const entries = t.core.db.prepare('SELECT account_id, action, entity, entity_id, details FROM audit_log WHERE id > ?').all(before) as Entry[];
    expect(entries).toEqual([
      { account_id: expect.any(Number), action: 'read', entity: 'lecture_session', entity_id: String(sessionId), details: JSON.stringify({ roster: 3 }) },
    ]);
  });

  it('a search records its kind and how many it found, never the ID or phone typed', async () => {
    const t = await lectureCore();
    await sessionWithPeople(t, 3);
    const before = t.core.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    const id = validId(2);
    expect(okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: id }))).toHaveLength(1);
    expect(okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: '0912-100-003' }))).toHaveLength(1);
    expect(okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: '受講人', waitingOnly: true }))).toHaveLength(0);
    const entries = t.core.db.prepare('SELECT action, entity, details FROM audit_log WHERE id > ? ORDER BY id').all(before) as Entry[];
    expect(entries.map((e) => [e.action, e.entity, JSON.parse(e.details)])).toEqual([
      ['search', 'lecture_attendee', { by: 'id', waitingOnly: false, found: 1 }],
      ['search', 'lecture_attendee', { by: 'phone', waitingOnly: false, found: 1 }],
      ['search', 'lecture_attendee', { by: 'name', waitingOnly: true, found: 0 }],
    ]);
    const all = entries.map((e) => e.details).join(' ');
    expect(all).not.toContain(id);
    expect(all).not.toContain('100-003');
  });
});
