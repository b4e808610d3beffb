import type { counterChannels } from '../../../shared/api/channels/counter';
import type { HandlersFor } from '../handlers';
import { taipeiDateKey } from '../../../shared/lib/time';
import type { TopicContent } from '../../../shared/domain/counter';
import { searchTopics } from './search';
import { createTopic, getTopic, scopeStatuses, setTopicStatus, topicHistory, updateTopic } from './topicsService';
import { clearPresentation, present, visitorScreen } from './presentation';
import { dayVisits, faq, logVisit } from './visitsService';
import { inquire } from './inquiry';

function contentOfInput<T extends TopicContent>(input: T): TopicContent {
  const { unitId, webUrl, relatedIds } = input;
  const texts = Object.fromEntries(Object.entries(input).filter(([k]) => /(Zh|En)$/.test(k))) as Omit<TopicContent, 'unitId' | 'webUrl' | 'relatedIds'>;
  return { ...texts, unitId, webUrl, relatedIds };
}

export const counterHandlers: HandlersFor<typeof counterChannels> = {
  'counter:searchTopics': (ctx, input) => searchTopics(ctx.db, input.query, scopeStatuses(ctx, input.scope), taipeiDateKey(ctx.clock())),
  'counter:getTopic': (ctx, input) => getTopic(ctx, input.id),
  'counter:createTopic': (ctx, input) => createTopic(ctx, contentOfInput(input)),
  'counter:updateTopic': (ctx, { id, expectedRevision, ...content }) => updateTopic(ctx, id, expectedRevision, contentOfInput(content)),
  'counter:setTopicStatus': (ctx, input) => setTopicStatus(ctx, input.id, input.expectedRevision, input.status),
  'counter:topicHistory': (ctx, input) => topicHistory(ctx, input.id),
  'counter:present': (ctx, input) => present(ctx.db, input.topicId, input.lang, ctx.clock()),
  'counter:presented': (ctx) => visitorScreen(ctx.db, ctx.clock()),
  'counter:openVisitorScreen': async (ctx) => ({ opened: (await ctx.windows?.openVisitorScreen()) ?? false }),
  'counter:logVisit': (ctx, input) => {
    const visit = logVisit(ctx, input);
    // The visitor has been served: their screen goes back to the welcome page.
    clearPresentation(ctx.db, ctx.clock());
    return visit;
  },
  'counter:visitsOn': (ctx, input) => dayVisits(ctx, input.date),
  'counter:faq': (ctx, input) => faq(ctx, input.from, input.to, input.limit),
  'counter:inquiry': (ctx, input) => inquire(ctx, input.nationalId),
};
