import { z } from 'zod';
import { channel } from '../define';
import { emptyInput, langSchema, type Lang } from '../common';

/** Preferences kept by electron-store in the app (a plain object in tests). */
export interface Preferences {
  language: Lang;
  lastLoginName: string;
  /** last printer chosen per document kind (issue #6 §5) */
  printers: Record<string, string>;
}

export const DEFAULT_PREFERENCES: Preferences = { language: 'zh-TW', lastLoginName: '', printers: {} };

export const prefsChannels = {
  'prefs:get': channel<Preferences>()(emptyInput, 'public'),
  'prefs:setLanguage': channel<Preferences>()(z.object({ language: langSchema }).strict(), 'public'),
} as const;
