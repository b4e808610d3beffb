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

/** What a typed query is, in the order findPeople tries: a notice code, an ID (or its start), phone digits, a name. */
export function classifyQuery(query: string): { by: MatchedBy; value: string } {
  const q = toHalfWidth(query).trim();
  if (q === '') return { by: 'none', value: '' };
  const code = asCode(q);
  if (code) return { by: 'code', value: code };
  const id = normalizeId(q);
  if (ID_PREFIX_RE.test(id)) return { by: 'id', value: id };
  // +886 9… is how some rosters write a mobile number; the stored key starts with 0.
  const digits = q.replace(/[\s\-()]/g, '').replace(/^\+?886/, '0');
  if (/^\d{3,}$/.test(digits)) return { by: 'phone', value: digits };
  return { by: 'name', value: q };
}

/**
 * One search field for everything (issue 4 §4): a notice-letter code, an ID (or its start),
 * phone digits, or a name fragment. Each kind uses its own index. A null limit gives every
 * match (exports).
 */
export function findPeople(db: Db, query: string, limit: number | null): PersonMatch {
  const { by, value } = classifyQuery(query);
  switch (by) {
    case 'none':
      return { by, attendeeIds: [], enrolmentId: null };
    case 'code': {
      const e = findEnrolmentByCode(db, value);
      return { by, attendeeIds: e ? [e.attendee_id] : [], enrolmentId: e?.id ?? null };
    }
    case 'id':
      return { by, attendeeIds: idsByNationalIdPrefix(db, value, limit), enrolmentId: null };
    case 'phone':
      return { by, attendeeIds: idsByPhonePrefix(db, value, limit), enrolmentId: null };
    case 'name':
      return { by, attendeeIds: idsByName(db, value, limit), enrolmentId: null };
  }
}
