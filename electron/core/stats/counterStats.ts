/**
 * Counter figures counted in SQL from the visit log (0004_counter.sql). Visits are read by
 * their Taipei day (counter_visits.visit_date, indexed); topics through the covering index
 * counter_visit_topics(visit_date, topic_id). A visit's purpose is its first topic
 * (position 0), so purposes partition the visits; "top topics" counts every topic asked.
 */
import type { Db } from '../db/open';
import { VISIT_OUTCOMES, type VisitOutcome } from '../../../shared/domain/counter';
import { countMap, type CountMap, type Range } from './common';

export interface TopicCount {
  id: number;
  titleZh: string;
  titleEn: string;
  n: number;
}

export interface CounterCounts {
  visits: number;
  rated: number;
  satisfactionSum: number;
  byLang: Map<string, number>;
  byOutcome: Map<VisitOutcome, number>;
  byUnit: CountMap;
  bySatisfaction: CountMap;
  /** first topic of each visit; visits without a topic are counted under null */
  byPurpose: TopicCount[];
  withoutTopic: number;
  topTopics: TopicCount[];
}

export const TOP_TOPICS = 10;

const IN_PERIOD = 'v.visit_date BETWEEN @from AND @to';

export function counterCounts(db: Db, range: Range): CounterCounts {
  const p = { from: range.from, to: range.to };
  const totals = db
    .prepare(`SELECT count(*) AS visits, count(v.satisfaction) AS rated, coalesce(sum(v.satisfaction), 0) AS satisfactionSum FROM counter_visits v WHERE ${IN_PERIOD}`)
    .get(p) as { visits: number; rated: number; satisfactionSum: number };
  const grouped = <K>(expr: string) =>
    new Map((db.prepare(`SELECT ${expr} AS id, count(*) AS n FROM counter_visits v WHERE ${IN_PERIOD} GROUP BY 1`).all(p) as { id: K; n: number }[]).map((r) => [r.id, r.n]));

  const purposeRows = db
    .prepare(
      `SELECT first.topic_id AS id, t.title_zh AS titleZh, t.title_en AS titleEn, count(*) AS n
         FROM counter_visits v
         JOIN counter_visit_topics first ON first.visit_id = v.id AND first.position = 0
         JOIN counter_topics t ON t.id = first.topic_id
        WHERE ${IN_PERIOD}
        GROUP BY first.topic_id ORDER BY n DESC, t.id`,
    )
    .all(p) as TopicCount[];
  const topTopics = db
    .prepare(
      `SELECT vt.topic_id AS id, t.title_zh AS titleZh, t.title_en AS titleEn, count(*) AS n
         FROM counter_visit_topics vt JOIN counter_topics t ON t.id = vt.topic_id
        WHERE vt.visit_date BETWEEN @from AND @to
        GROUP BY vt.topic_id ORDER BY n DESC, t.id LIMIT ${TOP_TOPICS}`,
    )
    .all(p) as TopicCount[];

  const withTopic = purposeRows.reduce((a, r) => a + r.n, 0);
  const byOutcome = grouped<VisitOutcome>('v.outcome');
  return {
    ...totals,
    byLang: grouped<string>('v.lang'),
    byOutcome: new Map(VISIT_OUTCOMES.map((o) => [o, byOutcome.get(o) ?? 0])),
    byUnit: countMap(db.prepare(`SELECT v.unit_id AS id, count(*) AS n FROM counter_visits v WHERE ${IN_PERIOD} GROUP BY 1`).all(p) as { id: number | null; n: number }[]),
    bySatisfaction: countMap(
      db.prepare(`SELECT v.satisfaction AS id, count(*) AS n FROM counter_visits v WHERE ${IN_PERIOD} AND v.satisfaction IS NOT NULL GROUP BY 1`).all(p) as { id: number; n: number }[],
    ),
    byPurpose: purposeRows,
    withoutTopic: totals.visits - withTopic,
    topTopics,
  };
}

export interface CounterMonth {
  month: string;
  visits: number;
  rated: number;
  satisfactionSum: number;
}

export function counterByMonth(db: Db, range: Range): Map<string, CounterMonth> {
  const rows = db
    .prepare(
      `SELECT substr(v.visit_date, 1, 7) AS month, count(*) AS visits, count(v.satisfaction) AS rated, coalesce(sum(v.satisfaction), 0) AS satisfactionSum
         FROM counter_visits v WHERE ${IN_PERIOD} GROUP BY 1`,
    )
    .all({ from: range.from, to: range.to }) as CounterMonth[];
  return new Map(rows.map((r) => [r.month, r]));
}
