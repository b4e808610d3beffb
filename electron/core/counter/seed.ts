import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/open';
import { missingForPublish, TOPIC_TEXT_FIELDS, type BilingualKey, type TopicContent } from '../../../shared/domain/counter';
import { findTopicIdByCode, insertRevision, insertTopic, setRelatedIds } from './topicsRepository';

const text = z.string().trim().default('');
const seedTopic = z.object({
  code: z.string().min(1),
  /** code of a 'guidanceUnit' reference item */
  unit: z.string().min(1),
  webUrl: z.string(),
  /** codes of other topics in the file */
  related: z.array(z.string()).default([]),
  ...(Object.fromEntries(TOPIC_TEXT_FIELDS.flatMap((f) => [[`${f}Zh`, text], [`${f}En`, text]])) as Record<BilingualKey, typeof text>),
});
const seedSchema = z.object({ version: z.number().int().positive(), topics: z.array(seedTopic) });

const META_KEY = 'seed.counterTopics.version';

/**
 * Ships the starter guidance topics (resources/seed/guidance-topics.json) on first start, and
 * topics a newer file adds (by code) later; topics a supervisor has since edited or retired are
 * never touched. Complete topics arrive published, anything incomplete as a draft to finish.
 */
export function seedGuidanceTopics(db: Db, seedFile: string, at: string): { inserted: number } {
  const seed = seedSchema.parse(JSON.parse(fs.readFileSync(seedFile, 'utf8')));
  const applied = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  if (applied && Number(applied.value) >= seed.version) return { inserted: 0 };
  let inserted = 0;
  db.transaction(() => {
    const unitId = (code: string): number | null => {
      const row = db.prepare("SELECT id FROM ref_items WHERE kind = 'guidanceUnit' AND code = ?").get(code) as { id: number } | undefined;
      return row?.id ?? null;
    };
    const fresh: { id: number; status: 'published' | 'draft'; related: string[]; content: TopicContent }[] = [];
    for (const { code, unit, related, webUrl, ...texts } of seed.topics) {
      if (findTopicIdByCode(db, code) !== null) continue;
      const content: TopicContent = { ...texts, unitId: unitId(unit), webUrl, relatedIds: [] };
      const status = missingForPublish(content).length === 0 ? 'published' : 'draft';
      fresh.push({ id: insertTopic(db, code, status, content, at, null), status, related, content });
    }
    // Related topics point at each other, so they are linked once all exist; the first
    // revision then records each topic as shipped.
    for (const { id, status, related, content } of fresh) {
      const relatedIds = related.map((c) => findTopicIdByCode(db, c)).filter((x): x is number => x !== null && x !== id);
      if (relatedIds.length > 0) setRelatedIds(db, id, relatedIds);
      insertRevision(db, { topicId: id, revision: 1, action: 'create', status, content: { ...content, relatedIds } }, at, null);
      inserted++;
    }
    db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_KEY, String(seed.version));
  }).immediate();
  return { inserted };
}
