import type { lecturesChannels } from '../../../shared/api/channels/lectures';
import type { HandlersFor } from '../handlers';

export const lecturesHandlers: HandlersFor<typeof lecturesChannels> = {};
