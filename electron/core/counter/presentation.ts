import type { Db } from '../db/open';
import { notFound } from '../errors';
import { findRefItem } from '../reference/repository';
import type { Lang } from '../../../shared/api/common';
import type { Presentation, VisitorScreen, VisitorTopic } from '../../../shared/api/channels/counter';
import { isWebUrl, topicText, type Topic } from '../../../shared/domain/counter';
import { findTopic, topicLinks } from './topicsRepository';
import { qrDataUrl } from './qr';

/**
 * What the visitor-facing screen shows. It lives in memory, one per open database (one per
 * running app): it is a view, not a record, and after a restart the screen starts blank.
 */
interface State extends Presentation {
  /** ms since the epoch of the last change */
  changedAt: number;
}

const states = new WeakMap<Db, State>();

/** A screen turned toward the waiting area must not keep showing a topic after the visitor left. */
export const PRESENTATION_TIMEOUT_MS = 10 * 60_000;

function current(db: Db, now: Date): State {
  const state = states.get(db) ?? { topicId: null, lang: 'zh-TW', seq: 0, changedAt: now.getTime() };
  if (state.topicId !== null && now.getTime() - state.changedAt > PRESENTATION_TIMEOUT_MS) {
    const cleared = { ...state, topicId: null, seq: state.seq + 1, changedAt: now.getTime() };
    states.set(db, cleared);
    return cleared;
  }
  return state;
}

/** Shows a published topic (or, with null, the welcome screen) to the visitor in their language. */
export function present(db: Db, topicId: number | null, lang: Lang, now: Date): Presentation {
  if (topicId !== null && findTopic(db, topicId)?.status !== 'published') throw notFound('topicId');
  const next: State = { topicId, lang, seq: current(db, now).seq + 1, changedAt: now.getTime() };
  states.set(db, next);
  return { topicId: next.topicId, lang: next.lang, seq: next.seq };
}

export function clearPresentation(db: Db, now: Date): void {
  const state = current(db, now);
  if (state.topicId !== null) present(db, null, state.lang, now);
}

function visitorTopic(db: Db, topic: Topic, lang: Lang): VisitorTopic {
  const unit = topic.unitId === null ? null : findRefItem(db, topic.unitId);
  const en = lang === 'en';
  return {
    title: topicText(topic, 'title', lang),
    summary: topicText(topic, 'summary', lang),
    eligibility: topicText(topic, 'eligibility', lang),
    documents: topicText(topic, 'documents', lang),
    timeLimit: topicText(topic, 'timeLimit', lang),
    hours: topicText(topic, 'hours', lang),
    contact: topicText(topic, 'contact', lang),
    webUrl: topic.webUrl,
    qr: isWebUrl(topic.webUrl) ? qrDataUrl(topic.webUrl) : '',
    unit: unit
      ? {
          name: en ? unit.nameEn : unit.nameZh,
          floorRoom: String((en ? unit.extra.floorRoomEn : unit.extra.floorRoomZh) ?? ''),
          extension: String(unit.extra.extension ?? ''),
        }
      : null,
    related: topicLinks(db, topic.relatedIds)
      .filter((l) => l.status === 'published')
      .map((l) => (en ? l.titleEn : l.titleZh)),
  };
}

/** The visitor view's whole input: a published topic in the visitor's language, or nothing. */
export function visitorScreen(db: Db, now: Date): VisitorScreen {
  const state = current(db, now);
  const topic = state.topicId === null ? null : findTopic(db, state.topicId);
  // Retired or unpublished since it was put up: the visitor sees the welcome screen instead.
  const shown = topic && topic.status === 'published' ? visitorTopic(db, topic, state.lang) : null;
  return { seq: state.seq, lang: state.lang, topic: shown };
}
