import type { statsChannels } from '../../../shared/api/channels/stats';
import type { HandlersFor } from '../handlers';
import { computeSection } from './service';

export const statsHandlers: HandlersFor<typeof statsChannels> = {
  'stats:section': (ctx, input) => computeSection(ctx, input.period, input.section),
};
