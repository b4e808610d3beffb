import type { Db } from '../db/open';
import type { Visit, VisitOutcome, VisitTopicRef } from '../../../shared/domain/counter';
import type { Lang } from '../../../shared/api/common';
import type { FaqItem } from '../../../shared/api/channels/counter';

export interface NewVisit {
  visitedAt: string;
  visitDate: string;
  lang: Lang;
  topicIds: readonly number[];
  unitId: number | null;
  outcome: VisitOutcome;
  satisfaction: number | null;
  note: string;
}

export function insertVisit(db: Db, v: NewVisit, by: number): number {
  const info = db
    .prepare(
      `INSERT INTO counter_visits (visited_at, visit_date, lang, unit_id, outcome, satisfaction, note, created_at, created_by, updated_at, updated_by)
       VALUES (@visitedAt, @visitDate, @lang, @unitId, @outcome, @satisfaction, @note, @visitedAt, @by, @visitedAt, @by)`,
    )
    .run({
      visitedAt: v.visitedAt,
      visitDate: v.visitDate,
      lang: v.lang,
      unitId: v.unitId,
      outcome: v.outcome,
      satisfaction: v.satisfaction,
      note: v.note,
      by,
    });
  const id = Number(info.lastInsertRowid);
  const link = db.prepare(
    `INSERT INTO counter_visit_topics (visit_id, topic_id, position, visit_date, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  v.topicIds.forEach((topicId, i) => link.run(id, topicId, i, v.visitDate, v.visitedAt, by, v.visitedAt, by));
  return id;
}

interface VisitRow {
  id: number;
  visited_at: string;
  lang: Lang;
  unit_id: number | null;
  outcome: VisitOutcome;
  satisfaction: number | null;
  note: string;
  staff_name: string | null;
}

function topicsOf(db: Db, visitIds: readonly number[]): Map<number, VisitTopicRef[]> {
  const out = new Map<number, VisitTopicRef[]>();
  if (visitIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT vt.visit_id AS visitId, t.id, t.title_zh AS titleZh, t.title_en AS titleEn
         FROM counter_visit_topics vt JOIN counter_topics t ON t.id = vt.topic_id
        WHERE vt.visit_id IN (${visitIds.map(() => '?').join(', ')})
        ORDER BY vt.visit_id, vt.position`,
    )
    .all(...visitIds) as (VisitTopicRef & { visitId: number })[];
  for (const { visitId, ...ref } of rows) {
    const list = out.get(visitId) ?? [];
    list.push(ref);
    out.set(visitId, list);
  }
  return out;
}

const SELECT_VISIT = `SELECT v.id, v.visited_at, v.lang, v.unit_id, v.outcome, v.satisfaction, v.note, a.display_name AS staff_name
  FROM counter_visits v LEFT JOIN accounts a ON a.id = v.created_by`;

function toVisits(db: Db, rows: VisitRow[]): Visit[] {
  const topics = topicsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    visitedAt: r.visited_at,
    lang: r.lang,
    topics: topics.get(r.id) ?? [],
    unitId: r.unit_id,
    outcome: r.outcome,
    satisfaction: r.satisfaction,
    note: r.note,
    staffName: r.staff_name ?? '',
  }));
}

export function findVisit(db: Db, id: number): Visit | null {
  const rows = db.prepare(`${SELECT_VISIT} WHERE v.id = ?`).all(id) as VisitRow[];
  return toVisits(db, rows)[0] ?? null;
}

/** One Taipei day's visits, newest first. */
export function visitsOn(db: Db, date: string): Visit[] {
  const rows = db.prepare(`${SELECT_VISIT} WHERE v.visit_date = ? ORDER BY v.visited_at DESC, v.id DESC`).all(date) as VisitRow[];
  return toVisits(db, rows);
}

export function countVisits(db: Db, from: string, to: string): number {
  return (db.prepare('SELECT count(*) AS n FROM counter_visits WHERE visit_date BETWEEN ? AND ?').get(from, to) as { n: number }).n;
}

/**
 * The FAQ: topics ranked by how many visits of the period asked about them. Ties go to the
 * topic asked about most recently, then to the older topic, so the order is stable.
 */
export function faqRanking(db: Db, from: string, to: string, limit: number): Omit<FaqItem, 'rank' | 'share'>[] {
  return db
    .prepare(
      `SELECT t.id AS topicId, t.title_zh AS titleZh, t.title_en AS titleEn, t.summary_zh AS summaryZh, t.summary_en AS summaryEn,
              t.status, asked.n AS count
         FROM (SELECT topic_id, count(*) AS n, max(visit_date) AS last_date
                 FROM counter_visit_topics
                WHERE visit_date BETWEEN ? AND ?
                GROUP BY topic_id) AS asked
         JOIN counter_topics t ON t.id = asked.topic_id
        ORDER BY asked.n DESC, asked.last_date DESC, t.id
        LIMIT ?`,
    )
    .all(from, to, limit) as Omit<FaqItem, 'rank' | 'share'>[];
}
