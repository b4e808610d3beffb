import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/api/channels/prefs';
import type { PreferencesStore } from '../context';

/** Preferences held in memory: for tests and the end-to-end harness (the app uses electron-store). */
export function memoryPreferences(initial: Partial<Preferences> = {}): PreferencesStore {
  let value: Preferences = { ...DEFAULT_PREFERENCES, ...initial };
  return {
    get: () => value,
    set: (patch) => (value = { ...value, ...patch }),
  };
}
