import type { counterChannels } from '../../../shared/api/channels/counter';
import type { HandlersFor } from '../handlers';

export const counterHandlers: HandlersFor<typeof counterChannels> = {};
