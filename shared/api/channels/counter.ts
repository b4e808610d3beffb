import { z } from 'zod';
import { channel } from '../define';
import { emptyInput, idSchema, langSchema, optionalText, requiredText, type Lang } from '../common';
import {
  MAX_RELATED,
  TEXT_MAX,
  TOPIC_STATUSES,
  TOPIC_TEXT_FIELDS,
  VISIT_OUTCOMES,
  WEB_URL_MAX,
  type BilingualKey,
  type MissingField,
  type Topic,
  type TopicContent,
  type TopicStatus,
  type Visit,
  type VisitOutcome,
} from '../../domain/counter';

/*
 * Structure and lengths are checked here; the rules that need a domain message
 * (a web address the QR can open, a title in some language, an ID checksum) are
 * checked in electron/core/counter, which answers with 'counter:errors.*' keys.
 */

// A supervisor covers the desk when needed, so every desk channel is open to both roles.
const STAFF = ['counter', 'supervisor'] as const;

const textShape = Object.fromEntries(
  TOPIC_TEXT_FIELDS.flatMap((f) => [
    [`${f}Zh`, optionalText(TEXT_MAX[f]).default('')],
    [`${f}En`, optionalText(TEXT_MAX[f]).default('')],
  ]),
) as Record<BilingualKey, z.ZodDefault<z.ZodString>>;

const contentShape = {
  ...textShape,
  unitId: idSchema.nullable().default(null),
  webUrl: optionalText(WEB_URL_MAX).default(''),
  relatedIds: z
    .array(idSchema)
    .max(MAX_RELATED, 'validation.tooBig')
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, 'validation.duplicate'),
};

const dateKey = z.string({ error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid');

export interface TopicLink {
  id: number;
  titleZh: string;
  titleEn: string;
  status: TopicStatus;
}

export interface TopicHit {
  id: number;
  status: TopicStatus;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  unitId: number | null;
  /** visits that asked about it in the last ASK_WINDOW_DAYS days */
  asks: number;
  /** fields still missing before it may be published */
  missing: number;
  updatedAt: string;
}

export interface TopicDetail extends Topic {
  missing: MissingField[];
  asks: number;
  related: TopicLink[];
}

export type TopicAction = 'create' | 'edit' | 'publish' | 'retire' | 'unpublish';

export interface TopicRevision {
  revision: number;
  action: TopicAction;
  status: TopicStatus;
  at: string;
  byName: string | null;
  /** editor field names that differ from the revision before */
  changed: string[];
  content: TopicContent;
}

export interface Presentation {
  topicId: number | null;
  lang: Lang;
  /** grows with every change, so the visitor view knows when to redraw */
  seq: number;
}

/** One topic as the visitor reads it: everything already in the visitor's language. */
export interface VisitorTopic {
  title: string;
  summary: string;
  eligibility: string;
  documents: string;
  timeLimit: string;
  hours: string;
  contact: string;
  webUrl: string;
  /** data: URL of an SVG QR code for webUrl */
  qr: string;
  unit: { name: string; floorRoom: string; extension: string } | null;
  related: string[];
}

export interface VisitorScreen {
  seq: number;
  lang: Lang;
  topic: VisitorTopic | null;
}

export interface VisitSummary {
  total: number;
  byOutcome: Record<VisitOutcome, number>;
  rated: number;
  /** mean of the ratings given, one decimal; null when nobody rated */
  meanSatisfaction: number | null;
}

export interface DayVisits {
  date: string;
  visits: Visit[];
  summary: VisitSummary;
}

export interface FaqItem {
  rank: number;
  topicId: number;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  status: TopicStatus;
  count: number;
  /** share of the period's visits that asked about it, 0–1 */
  share: number;
}

export interface FaqResult {
  from: string;
  to: string;
  totalVisits: number;
  items: FaqItem[];
}

export interface InquiryEnrolment {
  enrolmentId: number;
  sessionDate: string;
  startTime: string;
  endTime: string;
  venue: { nameZh: string; nameEn: string } | null;
  sessionKind: string;
  status: string;
  statusChangedAt: string;
}

export interface InquiryResult {
  /** short-lived handle for printing this person's status slip; never the ID itself */
  inquiryId: string;
  maskedId: string;
  found: boolean;
  name: string | null;
  enrolments: InquiryEnrolment[];
}

export const counterChannels = {
  'counter:searchTopics': channel<TopicHit[]>()(
    z
      .object({
        query: optionalText(100).default(''),
        scope: z.enum(['published', 'all'], { error: 'validation.invalidChoice' }).default('published'),
      })
      .strict(),
    STAFF,
  ),
  'counter:getTopic': channel<TopicDetail>()(z.object({ id: idSchema }).strict(), STAFF),
  'counter:createTopic': channel<TopicDetail>()(
    z.object(contentShape).strict(),
    ['supervisor'],
  ),
  'counter:updateTopic': channel<TopicDetail>()(
    z.object({ id: idSchema, expectedRevision: z.number().int().positive(), ...contentShape }).strict(),
    ['supervisor'],
  ),
  'counter:setTopicStatus': channel<TopicDetail>()(
    z
      .object({
        id: idSchema,
        expectedRevision: z.number().int().positive(),
        status: z.enum(TOPIC_STATUSES, { error: 'validation.invalidChoice' }),
      })
      .strict(),
    ['supervisor'],
  ),
  'counter:topicHistory': channel<TopicRevision[]>()(z.object({ id: idSchema }).strict(), ['supervisor']),
  'counter:present': channel<Presentation>()(
    z.object({ topicId: idSchema.nullable(), lang: langSchema }).strict(),
    STAFF,
  ),
  // Public: the visitor-facing window is never signed in. It only ever receives a
  // published guidance topic, which is public information, and no personal data.
  'counter:presented': channel<VisitorScreen>()(emptyInput, 'public'),
  /** opens the second, visitor-facing window (on a second display when there is one) */
  'counter:openVisitorScreen': channel<{ opened: boolean }>()(emptyInput, STAFF),
  'counter:logVisit': channel<Visit>()(
    z
      .object({
        topicIds: z
          .array(idSchema)
          .max(MAX_RELATED, 'validation.tooBig')
          .refine((ids) => new Set(ids).size === ids.length, 'validation.duplicate'),
        lang: langSchema,
        unitId: idSchema.nullable().default(null),
        outcome: z.enum(VISIT_OUTCOMES, { error: 'validation.invalidChoice' }),
        satisfaction: z.number({ error: 'validation.invalidType' }).int().min(1, 'validation.tooSmall').max(5, 'validation.tooBig').nullable().default(null),
        note: optionalText(500).default(''),
      })
      .strict(),
    STAFF,
  ),
  'counter:visitsOn': channel<DayVisits>()(z.object({ date: dateKey.optional() }).strict(), STAFF),
  'counter:faq': channel<FaqResult>()(
    z.object({ from: dateKey, to: dateKey, limit: z.number().int().min(1, 'validation.tooSmall').max(100, 'validation.tooBig').default(20) }).strict(),
    STAFF,
  ),
  'counter:inquiry': channel<InquiryResult>()(z.object({ nationalId: requiredText(20) }).strict(), STAFF),
} as const;
