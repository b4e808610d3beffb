import type { Db } from '../db/open';
import { normalizeId } from '../../../shared/lib/taiwanId';
import { toHalfWidth } from '../../../shared/lib/text';
import { idsByName, idsByNationalIdPrefix, idsByPhonePrefix } from './attendeesRepo';
import { CODE_RE, findEnrolmentByCode } from './enrolmentsRepo';

export type MatchedBy = 'code' | 'id' | 'phone' | 'name' | 'none';

export interface PersonMatch {
  by: MatchedBy;
  attendeeIds: number[];
  /** set when a notice-letter code was scanned: exactly this enrolment */
  enrolmentId: number | null;
}

const ID_PREFIX_RE = /^[A-Z][1289ABCD]\d{0,8}$/;

/** What a scanner or a person typed, in the code's canonical LC-XXXXXXXX form. */
export function asCode(q: string): string | null {
  const s = normalizeId(q);
  if (!CODE_RE.test(s)) return null;
  return s.includes('-') ? s : `LC-${s.slice(2)}`;
}

/**
 * One search field for everything (issue 4 §4): a notice-letter code, an ID (or its start),
 * phone digits, or a name fragment. Each kind uses its own index.
 */
export function findPeople(db: Db, query: string, limit: number): PersonMatch {
  const q = toHalfWidth(query).trim();
  if (q === '') return { by: 'none', attendeeIds: [], enrolmentId: null };
  const code = asCode(q);
  if (code) {
    const e = findEnrolmentByCode(db, code);
    return { by: 'code', attendeeIds: e ? [e.attendee_id] : [], enrolmentId: e?.id ?? null };
  }
  const id = normalizeId(q);
  if (ID_PREFIX_RE.test(id)) return { by: 'id', attendeeIds: idsByNationalIdPrefix(db, id, limit), enrolmentId: null };
  // +886 9… is how some rosters write a mobile number; the stored key starts with 0.
  const digits = q.replace(/[\s\-()]/g, '').replace(/^\+?886/, '0');
  if (/^\d{3,}$/.test(digits)) return { by: 'phone', attendeeIds: idsByPhonePrefix(db, digits, limit), enrolmentId: null };
  return { by: 'name', attendeeIds: idsByName(db, q, limit), enrolmentId: null };
}
