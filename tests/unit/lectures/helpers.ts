import { afterEach } from 'vitest';
import type { ApiError, Result } from '../../../shared/api/result';
import type { InputOf } from '../../../shared/api/contract';
import type { RefItem, RefKind } from '../../../shared/domain/reference';
import { checkDigitFor } from '../../../shared/lib/taiwanId';
import { makeCore, okValue, type TestCore } from '../../support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

/** Clock of the tests: 2025-03-05 09:00 in Taipei (a Wednesday). */
export const TODAY = '2025-03-05';

export interface LectureCore extends TestCore {
  /** a coordinator's window */
  coord: 'coord';
  ref(kind: RefKind): RefItem[];
}

export async function lectureCore(): Promise<LectureCore> {
  const t = makeCore({ start: new Date('2025-03-05T01:00:00.000Z') });
  cores.push(t);
  await t.setupSupervisor('admin');
  await t.signInAs('coord', ['coordinator'], { displayName: '陳承辦' });
  const all = okValue(await t.call('admin', 'reference:all', {}));
  return Object.assign(t, { coord: 'coord' as const, ref: (kind: RefKind) => all[kind] });
}

export function errorOf(r: Result<unknown>): ApiError {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

/** The n-th valid national ID of a deterministic series (A1 men, B2 women …). */
export function validId(n: number): string {
  const letters = 'ABEFKLNST';
  const first9 = `${letters[n % letters.length]}${n % 2 === 0 ? 1 : 2}${String(1000000 + n * 7919).slice(-7)}`;
  return first9 + checkDigitFor(first9);
}

export function session(over: Partial<InputOf<'lectures:createSession'>> = {}): InputOf<'lectures:createSession'> {
  return {
    date: TODAY,
    startTime: '09:00',
    endTime: '12:00',
    venueId: null,
    capacity: 40,
    kind: 'weekday',
    hours: 3,
    instructors: '林講師',
    topics: '法令、毒品簡介',
    note: '',
    ...over,
  };
}

export function person(n: number, over: Partial<InputOf<'lectures:saveAttendee'>> = {}): InputOf<'lectures:saveAttendee'> {
  return {
    name: `受講人${n}號`,
    nationalId: validId(n),
    birthDate: '1990-01-0' + ((n % 9) + 1),
    phone: `0912${String(100000 + n).slice(-6)}`,
    address: '高雄市苓雅區四維三路2號',
    penaltyDocNo: `高市警刑字第${1130000 + n}號`,
    issuingAgency: '高雄市政府警察局',
    drugClass: 3,
    penaltyCount: 1,
    needsInterpreter: false,
    interpreterLanguage: '',
    note: '',
    ...over,
  };
}

/** Creates a session and `n` people enrolled in it; returns ids. */
export async function sessionWithPeople(t: LectureCore, n: number, over: Partial<InputOf<'lectures:createSession'>> = {}, offset = 0) {
  const s = okValue(await t.call(t.coord, 'lectures:createSession', session(over)));
  const attendeeIds: number[] = [];
  for (let i = 0; i < n; i++) attendeeIds.push(okValue(await t.call(t.coord, 'lectures:saveAttendee', person(offset + i + 1))).id);
  const detail = okValue(await t.call(t.coord, 'lectures:enrol', { sessionId: s.id, attendeeIds }));
  return { sessionId: s.id, attendeeIds, enrolmentIds: detail.roster.map((r) => r.enrolmentId), detail };
}
