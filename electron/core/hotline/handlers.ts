import type { hotlineChannels } from '../../../shared/api/channels/hotline';
import type { HandlersFor } from '../handlers';

export const hotlineHandlers: HandlersFor<typeof hotlineChannels> = {};
