import type { prefsChannels } from '../../../shared/api/channels/prefs';
import type { HandlersFor } from '../handlers';

export const prefsHandlers: HandlersFor<typeof prefsChannels> = {
  'prefs:get': (ctx) => ctx.prefs.get(),
  'prefs:setLanguage': (ctx, input) => ctx.prefs.set({ language: input.language }),
  'prefs:setColorMode': (ctx, input) => ctx.prefs.set({ colorMode: input.colorMode }),
};
