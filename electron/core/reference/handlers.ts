import type { referenceChannels } from '../../../shared/api/channels/reference';
import type { HandlersFor } from '../handlers';
import * as reference from './service';

export const referenceHandlers: HandlersFor<typeof referenceChannels> = {
  'reference:all': (ctx) => reference.all(ctx),
  'reference:create': (ctx, input) => reference.create(ctx, input),
  'reference:update': (ctx, input) => reference.update(ctx, input),
  'reference:reorder': (ctx, input) => reference.reorder(ctx, input),
  'reference:setRetired': (ctx, input) => reference.setRetiredState(ctx, input),
};
