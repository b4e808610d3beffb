import type { Db } from '../db/open';
import {
  TOPIC_TEXT_FIELDS,
  type BilingualKey,
  type Topic,
  type TopicContent,
  type TopicStatus,
  type TopicTextField,
} from '../../../shared/domain/counter';
import type { TopicAction, TopicLink } from '../../../shared/api/channels/counter';

const COLUMN: Record<TopicTextField, string> = {
  title: 'title',
  summary: 'summary',
  eligibility: 'eligibility',
  documents: 'documents',
  timeLimit: 'time_limit',
  hours: 'hours',
  contact: 'contact',
  keywords: 'keywords',
};

/** [editor key, SQL column] for every bilingual text, e.g. ['timeLimitEn', 'time_limit_en']. */
const TEXT_COLUMNS: readonly (readonly [BilingualKey, string])[] = TOPIC_TEXT_FIELDS.flatMap((f) => [
  [`${f}Zh`, `${COLUMN[f]}_zh`] as const,
  [`${f}En`, `${COLUMN[f]}_en`] as const,
]);

type TopicRow = Record<string, string | number | null> & {
  id: number;
  code: string | null;
  status: TopicStatus;
  revision: number;
  unit_id: number | null;
  web_url: string;
  related_ids: string;
  updated_at: string;
  updated_by_name: string | null;
};

const SELECT_TOPIC = `SELECT t.*, a.display_name AS updated_by_name
  FROM counter_topics t LEFT JOIN accounts a ON a.id = t.updated_by`;

function toTopic(r: TopicRow): Topic {
  const texts = Object.fromEntries(TEXT_COLUMNS.map(([key, col]) => [key, String(r[col] ?? '')])) as Record<BilingualKey, string>;
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    revision: r.revision,
    ...texts,
    unitId: r.unit_id,
    webUrl: r.web_url,
    relatedIds: JSON.parse(r.related_ids) as number[],
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

/** Only the editable content, e.g. for the change history. */
export function contentOf(t: TopicContent): TopicContent {
  const texts = Object.fromEntries(TEXT_COLUMNS.map(([key]) => [key, t[key]])) as Record<BilingualKey, string>;
  return { ...texts, unitId: t.unitId, webUrl: t.webUrl, relatedIds: [...t.relatedIds] };
}

function contentParams(c: TopicContent): Record<string, string | number | null> {
  const params: Record<string, string | number | null> = { unit_id: c.unitId, web_url: c.webUrl, related_ids: JSON.stringify(c.relatedIds) };
  for (const [key, col] of TEXT_COLUMNS) params[col] = c[key];
  return params;
}

const CONTENT_COLUMNS = [...TEXT_COLUMNS.map(([, col]) => col), 'unit_id', 'web_url', 'related_ids'];

export function findTopic(db: Db, id: number): Topic | null {
  const row = db.prepare(`${SELECT_TOPIC} WHERE t.id = ?`).get(id) as TopicRow | undefined;
  return row ? toTopic(row) : null;
}

export function findTopicIdByCode(db: Db, code: string): number | null {
  const row = db.prepare('SELECT id FROM counter_topics WHERE code = ?').get(code) as { id: number } | undefined;
  return row?.id ?? null;
}

export function listTopics(db: Db, statuses: readonly TopicStatus[]): Topic[] {
  const marks = statuses.map(() => '?').join(', ');
  return (db.prepare(`${SELECT_TOPIC} WHERE t.status IN (${marks}) ORDER BY t.id`).all(...statuses) as TopicRow[]).map(toTopic);
}

export function topicLinks(db: Db, ids: readonly number[]): TopicLink[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT id, title_zh AS titleZh, title_en AS titleEn, status FROM counter_topics WHERE id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as TopicLink[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function insertTopic(db: Db, code: string | null, status: TopicStatus, c: TopicContent, at: string, by: number | null): number {
  const cols = ['code', 'status', 'revision', ...CONTENT_COLUMNS, 'created_at', 'created_by', 'updated_at', 'updated_by'];
  const info = db
    .prepare(`INSERT INTO counter_topics (${cols.join(', ')}) VALUES (${cols.map((col) => `@${col}`).join(', ')})`)
    .run({ ...contentParams(c), code, status, revision: 1, created_at: at, created_by: by, updated_at: at, updated_by: by });
  return Number(info.lastInsertRowid);
}

/** Writes new content and bumps the revision; returns the new revision. */
export function updateTopicContent(db: Db, id: number, c: TopicContent, at: string, by: number): number {
  const sets = CONTENT_COLUMNS.map((col) => `${col} = @${col}`).join(', ');
  db.prepare(`UPDATE counter_topics SET ${sets}, revision = revision + 1, updated_at = @at, updated_by = @by WHERE id = @id`).run({
    ...contentParams(c),
    at,
    by,
    id,
  });
  return (db.prepare('SELECT revision FROM counter_topics WHERE id = ?').get(id) as { revision: number }).revision;
}

export function updateTopicStatus(db: Db, id: number, status: TopicStatus, at: string, by: number): number {
  db.prepare('UPDATE counter_topics SET status = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(status, at, by, id);
  return (db.prepare('SELECT revision FROM counter_topics WHERE id = ?').get(id) as { revision: number }).revision;
}

export interface RevisionRecord {
  revision: number;
  action: TopicAction;
  status: TopicStatus;
  at: string;
  byName: string | null;
  content: TopicContent;
}

export function insertRevision(
  db: Db,
  r: { topicId: number; revision: number; action: TopicAction; status: TopicStatus; content: TopicContent },
  at: string,
  by: number | null,
): void {
  db.prepare(
    `INSERT INTO counter_topic_revisions (topic_id, revision, action, status, content, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.topicId, r.revision, r.action, r.status, JSON.stringify(contentOf(r.content)), at, by, at, by);
}

export function listRevisions(db: Db, topicId: number): RevisionRecord[] {
  const rows = db
    .prepare(
      `SELECT r.revision, r.action, r.status, r.content, r.created_at AS at, a.display_name AS byName
         FROM counter_topic_revisions r LEFT JOIN accounts a ON a.id = r.created_by
        WHERE r.topic_id = ? ORDER BY r.revision`,
    )
    .all(topicId) as (Omit<RevisionRecord, 'content'> & { content: string })[];
  return rows.map((r) => ({ ...r, content: JSON.parse(r.content) as TopicContent }));
}

/** How many visits asked about each topic from `fromDate` (a Taipei day) on. */
export function askCounts(db: Db, fromDate: string): Map<number, number> {
  const rows = db
    .prepare('SELECT topic_id AS id, count(*) AS n FROM counter_visit_topics WHERE visit_date >= ? GROUP BY topic_id')
    .all(fromDate) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Trigram full-text candidates with their bm25 score (lower is better); titles weigh most, then keywords. */
export function ftsMatches(db: Db, matchExpression: string): Map<number, number> {
  const rows = db
    .prepare('SELECT rowid AS id, bm25(counter_topics_fts, 10.0, 4.0, 1.0) AS score FROM counter_topics_fts WHERE counter_topics_fts MATCH ?')
    .all(matchExpression) as { id: number; score: number }[];
  return new Map(rows.map((r) => [r.id, r.score]));
}

const ALL_TEXT_SQL = `(${TEXT_COLUMNS.map(([, col]) => col).join(" || ' ' || ")})`;

/** Substring candidates for terms too short for trigrams (1–2 characters); every term must occur. */
export function likeMatches(db: Db, terms: readonly string[]): Set<number> {
  const where = terms.map(() => `${ALL_TEXT_SQL} LIKE ? ESCAPE '\\'`).join(' AND ');
  const params = terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = db.prepare(`SELECT id FROM counter_topics WHERE ${where}`).all(...params) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Links related topics without a new revision: only for seeding, where the links are part of revision 1. */
export function setRelatedIds(db: Db, id: number, relatedIds: readonly number[]): void {
  db.prepare('UPDATE counter_topics SET related_ids = ? WHERE id = ?').run(JSON.stringify(relatedIds), id);
}
