/**
 * Counter guidance vocabulary shared by main, renderer and print (issue 5): what a
 * guidance topic holds, when it may be published, and how a desk visit is coded.
 */

export const TOPIC_STATUSES = ['draft', 'published', 'retired'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

/** Text a topic carries in both 繁體中文 and English; the field names get a Zh / En suffix. */
export const TOPIC_TEXT_FIELDS = ['title', 'summary', 'eligibility', 'documents', 'timeLimit', 'hours', 'contact', 'keywords'] as const;
export type TopicTextField = (typeof TOPIC_TEXT_FIELDS)[number];

/** Keywords only help the search (synonyms visitors use); every other text must exist in both languages to publish. */
export const REQUIRED_TEXT_FIELDS: readonly TopicTextField[] = ['title', 'summary', 'eligibility', 'documents', 'timeLimit', 'hours', 'contact'];

export const TEXT_MAX: Record<TopicTextField, number> = {
  title: 120,
  summary: 2000,
  eligibility: 2000,
  documents: 2000,
  timeLimit: 200,
  hours: 300,
  contact: 300,
  keywords: 300,
};

export const WEB_URL_MAX = 500;
export const MAX_RELATED = 10;

export type BilingualKey = `${TopicTextField}${'Zh' | 'En'}`;
export type TopicTexts = Record<BilingualKey, string>;

/** The editable content of a topic. */
export interface TopicContent extends TopicTexts {
  unitId: number | null;
  webUrl: string;
  relatedIds: number[];
}

export interface Topic extends TopicContent {
  id: number;
  /** stable name of a topic shipped in resources/seed; null for topics written here */
  code: string | null;
  status: TopicStatus;
  /** bumped by every change; an edit names the revision it started from */
  revision: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** A field a topic still lacks before it may be published; `field` is an editor field name. */
export type MissingField = BilingualKey | 'unitId' | 'webUrl';

export const textKey = (field: TopicTextField, lang: 'zh-TW' | 'en'): BilingualKey => `${field}${lang === 'en' ? 'En' : 'Zh'}`;

/** The text of a topic in one language. */
export function topicText(t: TopicTexts, field: TopicTextField, lang: 'zh-TW' | 'en'): string {
  return t[textKey(field, lang)];
}

/**
 * The slip's QR code and the visitor's phone open this address, so only a complete
 * http(s) URL with a host will do; anything else is refused at the field.
 */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Every field that keeps a topic from being published, in the editor's order. */
export function missingForPublish(c: TopicContent): MissingField[] {
  const missing: MissingField[] = [];
  for (const field of REQUIRED_TEXT_FIELDS) {
    for (const key of [textKey(field, 'zh-TW'), textKey(field, 'en')]) if (c[key].trim() === '') missing.push(key);
  }
  if (c.unitId === null) missing.push('unitId');
  if (!isWebUrl(c.webUrl)) missing.push('webUrl');
  return missing;
}

export const VISIT_OUTCOMES = ['answered', 'referred', 'followUp'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export interface VisitTopicRef {
  id: number;
  titleZh: string;
  titleEn: string;
}

export interface Visit {
  id: number;
  visitedAt: string;
  lang: 'zh-TW' | 'en';
  topics: VisitTopicRef[];
  unitId: number | null;
  outcome: VisitOutcome;
  satisfaction: number | null;
  note: string;
  staffName: string;
}

/** How many days of visits count as "what visitors ask" when ranking search results. */
export const ASK_WINDOW_DAYS = 90;
