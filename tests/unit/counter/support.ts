import { afterEach } from 'vitest';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { TOPIC_TEXT_FIELDS, type TopicContent } from '../../../shared/domain/counter';
import type { RefKind } from '../../../shared/domain/reference';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

export interface Desk extends TestCore {
  /** id of a seeded topic by its code in resources/seed/guidance-topics.json */
  topicId(code: string): number;
  /** id of a reference item by kind and code */
  unitId(kind: RefKind, code: string): number;
  /** logs a visit as the counter account 'desk' */
  visit(topicIds: number[], extra?: Partial<{ lang: 'zh-TW' | 'en'; outcome: 'answered' | 'referred' | 'followUp'; unitId: number | null; satisfaction: number | null }>): Promise<void>;
}

/** A fresh core with a supervisor signed in as 'admin' and a counter account as 'desk'. */
export async function newDesk(start?: Date): Promise<Desk> {
  const t = makeCore(start ? { start } : {});
  cores.push(t);
  await t.setupSupervisor('admin');
  await t.signInAs('desk', ['counter'], { displayName: '櫃台小林' });
  const topicId = (code: string) => {
    const row = t.core.db.prepare('SELECT id FROM counter_topics WHERE code = ?').get(code) as { id: number } | undefined;
    if (!row) throw new Error(`no seeded topic ${code}`);
    return row.id;
  };
  const unitId = (kind: string, code: string) => (t.core.db.prepare('SELECT id FROM ref_items WHERE kind = ? AND code = ?').get(kind, code) as { id: number }).id;
  return {
    ...t,
    topicId,
    unitId,
    async visit(topicIds, extra = {}) {
      okValue(await t.call('desk', 'counter:logVisit', { topicIds, lang: 'zh-TW', outcome: 'answered', ...extra }));
    },
  };
}

/** Every text in both languages plus a unit and a web address: a topic that may be published. */
export function completeContent(unitId: number, title = '測試主題'): TopicContent {
  const texts = Object.fromEntries(TOPIC_TEXT_FIELDS.flatMap((f) => [[`${f}Zh`, `${title}的${f}`], [`${f}En`, `${f} of the test topic`]]));
  return { ...(texts as Omit<TopicContent, 'unitId' | 'webUrl' | 'relatedIds'>), titleZh: title, unitId, webUrl: 'https://dsacp.kcg.gov.tw/', relatedIds: [] };
}
