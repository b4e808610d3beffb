import type { Db } from '../db/open';
import { ASK_WINDOW_DAYS, missingForPublish, type Topic, type TopicStatus } from '../../../shared/domain/counter';
import type { TopicHit } from '../../../shared/api/channels/counter';
import { normalizeSearchText } from '../../../shared/lib/text';
import { addDays } from '../../../shared/lib/time';
import { askCounts, ftsMatches, likeMatches, listTopics } from './topicsRepository';

/** Trigrams need three characters; shorter terms are matched with LIKE instead. */
const TRIGRAM = 3;
const MAX_TERMS = 8;

export function searchTerms(query: string): string[] {
  return normalizeSearchText(query).split(' ').filter(Boolean).slice(0, MAX_TERMS);
}

const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

const norm = (...parts: string[]) => normalizeSearchText(parts.join(' '));

/** The first day whose visits count towards "asked often", for a search made on `today`. */
export const askWindowStart = (today: string) => addDays(today, -(ASK_WINDOW_DAYS - 1));

interface Ranked {
  topic: Topic;
  /** per word: 2 when it is in a title, 1 in the keywords, 0 only in the body; summed */
  where: number;
  asks: number;
  bm25: number;
}

function compare(a: Ranked, b: Ranked): number {
  return b.where - a.where || b.asks - a.asks || a.bm25 - b.bm25 || a.topic.id - b.topic.id;
}

/**
 * Topics matching every term, in either language, as substrings. Ranked by where the
 * words were found (in a title, else in the visitors' own words in keywords, else only in
 * the body), then by how often visitors asked about the topic lately, then by bm25.
 * Without a query: everything in scope, most asked first (browsing).
 */
export function searchTopics(db: Db, query: string, statuses: readonly TopicStatus[], today: string): TopicHit[] {
  const terms = searchTerms(query);
  const asks = askCounts(db, askWindowStart(today));
  let matched: Set<number> | null = null;
  let scores = new Map<number, number>();
  if (terms.length > 0) {
    if (terms.every((t) => [...t].length >= TRIGRAM)) {
      scores = ftsMatches(db, terms.map(phrase).join(' AND '));
      matched = new Set(scores.keys());
    } else {
      matched = likeMatches(db, terms);
    }
  }

  const ranked: Ranked[] = listTopics(db, statuses)
    .filter((t) => matched === null || matched.has(t.id))
    .map((topic) => {
      const title = norm(topic.titleZh, topic.titleEn);
      const keywords = norm(topic.keywordsZh, topic.keywordsEn);
      return {
        topic,
        where: terms.reduce((sum, t) => sum + (title.includes(t) ? 2 : keywords.includes(t) ? 1 : 0), 0),
        asks: asks.get(topic.id) ?? 0,
        bm25: scores.get(topic.id) ?? 0,
      };
    });
  ranked.sort(compare);

  return ranked.map(({ topic, asks: n }) => ({
    id: topic.id,
    status: topic.status,
    titleZh: topic.titleZh,
    titleEn: topic.titleEn,
    summaryZh: topic.summaryZh,
    summaryEn: topic.summaryEn,
    unitId: topic.unitId,
    asks: n,
    missing: missingForPublish(topic).length,
    updatedAt: topic.updatedAt,
  }));
}
