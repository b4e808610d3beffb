/** Preferences and window bounds in `preferences.json` in the user-data folder, via electron-store. */
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { memoryBacking, preferencesOver, type AppPreferences, type KeyValueBacking } from './preferencesData';

export type { AppPreferences } from './preferencesData';

function electronStoreBacking(log: (message: string, e?: unknown) => void): KeyValueBacking {
  // clearInvalidConfig: a file that is not JSON is reset instead of stopping the app at launch;
  // what is lost are a language choice and window bounds, nothing of record.
  const store = new Store<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: true });
  // electron-store answers any renderer's synchronous 'electron-store-get-data' message with the
  // user-data path. Our renderer never uses the store and has no ipcRenderer anyway; close the
  // door so no listener exists that skips the sender checks of ipc.ts (checklist #17).
  ipcMain.removeAllListeners('electron-store-get-data');
  const fallback = memoryBacking();
  return {
    get(key) {
      try {
        return store.get(key);
      } catch (e) {
        log('preferences: read failed, using defaults', e);
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        store.set(key, value);
      } catch (e) {
        // A full or read-only disk must not fail a sign-in; the value lives on in memory.
        log('preferences: write failed', e);
        fallback.set(key, value);
      }
    },
  };
}

export function createPreferencesStore(log: (message: string, e?: unknown) => void = console.error): AppPreferences {
  let backing: KeyValueBacking;
  try {
    backing = electronStoreBacking(log);
  } catch (e) {
    log('preferences: cannot open the preferences file, using defaults for this run', e);
    backing = memoryBacking();
  }
  return preferencesOver(backing);
}
