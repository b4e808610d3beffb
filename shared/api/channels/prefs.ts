import { z } from 'zod';
import { channel } from '../define';
import { emptyInput, langSchema, type Lang } from '../common';

/** Light for the day; dark for the night shift, so the screen does not glare in a dim room. */
export const COLOR_MODES = ['light', 'dark'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** Preferences kept by electron-store in the app (a plain object in tests). */
export interface Preferences {
  language: Lang;
  /** this computer's screen colours (the visitor-facing window stays light) */
  colorMode: ColorMode;
  lastLoginName: string;
  /** last printer chosen per document kind (issue #6 §5) */
  printers: Record<string, string>;
}

export const DEFAULT_PREFERENCES: Preferences = { language: 'zh-TW', colorMode: 'light', lastLoginName: '', printers: {} };

export const prefsChannels = {
  'prefs:get': channel<Preferences>()(emptyInput, 'public'),
  'prefs:setLanguage': channel<Preferences>()(z.object({ language: langSchema }).strict(), 'public'),
  'prefs:setColorMode': channel<Preferences>()(z.object({ colorMode: z.enum(COLOR_MODES, { error: 'validation.invalidChoice' }) }).strict(), 'signedIn'),
} as const;
