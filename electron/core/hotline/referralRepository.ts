import type { Db } from '../db/open';
import { maskPhone, type Referral, type ReferralStatus, type ReferralStatusChange } from '../../../shared/domain/hotline';

interface ReferralRow {
  id: number;
  call_id: number;
  unit_id: number;
  contact_person: string;
  referred_on: string;
  status: ReferralStatus;
  note: string;
  created_at: string;
  updated_at: string;
  phone: string;
}

export interface NewReferral {
  callId: number;
  unitId: number;
  contactPerson: string;
  referredOn: string;
  note: string;
}

function historyOf(db: Db, referralId: number): ReferralStatusChange[] {
  return db
    .prepare(
      `SELECT h.id, h.from_status AS fromStatus, h.to_status AS toStatus, h.note, h.created_at AS at, a.display_name AS byName
       FROM hotline_referral_history h JOIN accounts a ON a.id = h.created_by
       WHERE h.referral_id = ? ORDER BY h.id`,
    )
    .all(referralId) as ReferralStatusChange[];
}

function toReferral(db: Db, r: ReferralRow): Referral & { phoneMasked: string } {
  return {
    id: r.id,
    callId: r.call_id,
    unitId: r.unit_id,
    contactPerson: r.contact_person,
    referredOn: r.referred_on,
    status: r.status,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    history: historyOf(db, r.id),
    phoneMasked: maskPhone(r.phone),
  };
}

const SELECT = 'SELECT r.*, c.phone FROM hotline_referrals r JOIN hotline_calls c ON c.id = r.call_id';

function appendHistory(db: Db, referralId: number, from: ReferralStatus | null, to: ReferralStatus, note: string, at: string, by: number): void {
  db.prepare(
    `INSERT INTO hotline_referral_history (referral_id, from_status, to_status, note, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(referralId, from, to, note, at, by, at, by);
}

/** A new referral starts as 轉介中; its first history entry records who referred and when. */
export function insertReferral(db: Db, r: NewReferral, at: string, by: number): number {
  const info = db
    .prepare(
      `INSERT INTO hotline_referrals (call_id, unit_id, contact_person, referred_on, status, note, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
    )
    .run(r.callId, r.unitId, r.contactPerson, r.referredOn, r.note, at, by, at, by);
  const id = Number(info.lastInsertRowid);
  appendHistory(db, id, null, 'pending', '', at, by);
  return id;
}

export function setReferralStatusRow(db: Db, id: number, from: ReferralStatus, to: ReferralStatus, note: string, at: string, by: number): void {
  db.prepare('UPDATE hotline_referrals SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(to, at, by, id);
  appendHistory(db, id, from, to, note, at, by);
}

export function findReferral(db: Db, id: number): (Referral & { phoneMasked: string }) | null {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReferralRow | undefined;
  return row ? toReferral(db, row) : null;
}

export function listReferralsOfCall(db: Db, callId: number): Referral[] {
  return (db.prepare(`${SELECT} WHERE r.call_id = ? ORDER BY r.id`).all(callId) as ReferralRow[]).map((r) => toReferral(db, r));
}

/**
 * One status oldest first (a work queue), or every status newest first, of which the screen
 * shows the latest `limit`; a null limit gives them all (exports). LIMIT -1 is SQLite's "no limit".
 */
export function listReferrals(db: Db, status?: ReferralStatus, limit: number | null = 500): (Referral & { phoneMasked: string })[] {
  const rows = (
    status
      ? db.prepare(`${SELECT} WHERE r.status = ? ORDER BY r.referred_on, r.id`).all(status)
      : db.prepare(`${SELECT} ORDER BY r.referred_on DESC, r.id DESC LIMIT ?`).all(limit ?? -1)
  ) as ReferralRow[];
  return rows.map((r) => toReferral(db, r));
}

export function countReferrals(db: Db, status: ReferralStatus): number {
  return (db.prepare('SELECT count(*) AS n FROM hotline_referrals WHERE status = ?').get(status) as { n: number }).n;
}
