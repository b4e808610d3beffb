/**
 * Validation of what the preferences file holds. The file lives in the user's profile where
 * anyone (or a crash mid-write) can change it, so every read is checked field by field and a
 * bad field falls back to its default without losing the good ones.
 */
import { COLOR_MODES, DEFAULT_PREFERENCES, type ColorMode, type Preferences } from '../../shared/api/channels/prefs';
import { LANGS, type Lang } from '../../shared/api/common';
import type { PreferencesStore } from '../core/context';
import { readWindowBounds, type WindowBounds } from './windowBounds';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_LOGIN_NAME = 32;
const MAX_PRINTER_ENTRIES = 100;
const MAX_KIND = 64;
const MAX_DEVICE_NAME = 300;

function readPrinters(raw: unknown): Record<string, string> {
  const printers: Record<string, string> = {};
  if (!isRecord(raw)) return printers;
  for (const [kind, device] of Object.entries(raw).slice(0, MAX_PRINTER_ENTRIES)) {
    if (kind.length <= MAX_KIND && typeof device === 'string' && device.length <= MAX_DEVICE_NAME) printers[kind] = device;
  }
  return printers;
}

export function readPreferences(raw: unknown): Preferences {
  const r = isRecord(raw) ? raw : {};
  const language = (LANGS as readonly unknown[]).includes(r.language) ? (r.language as Lang) : DEFAULT_PREFERENCES.language;
  const lastLoginName =
    typeof r.lastLoginName === 'string' && r.lastLoginName.length <= MAX_LOGIN_NAME ? r.lastLoginName : DEFAULT_PREFERENCES.lastLoginName;
  const colorMode = (COLOR_MODES as readonly unknown[]).includes(r.colorMode) ? (r.colorMode as ColorMode) : DEFAULT_PREFERENCES.colorMode;
  return { language, colorMode, lastLoginName, printers: readPrinters(r.printers) };
}

/** The two keys the app keeps; anything else in the file is ignored. */
export interface KeyValueBacking {
  get(key: 'preferences' | 'windowBounds'): unknown;
  set(key: 'preferences' | 'windowBounds', value: unknown): void;
}

export interface AppPreferences extends PreferencesStore {
  getWindowBounds(): WindowBounds | null;
  setWindowBounds(bounds: WindowBounds): void;
}

export function preferencesOver(backing: KeyValueBacking): AppPreferences {
  let current = readPreferences(backing.get('preferences'));
  return {
    // A copy, so no caller can change the stored value behind the store's back.
    get: () => structuredClone(current),
    set(patch) {
      current = readPreferences({ ...current, ...patch });
      backing.set('preferences', current);
      return structuredClone(current);
    },
    getWindowBounds: () => readWindowBounds(backing.get('windowBounds')),
    setWindowBounds: (bounds) => {
      const checked = readWindowBounds(bounds);
      if (checked) backing.set('windowBounds', checked);
    },
  };
}

/** For when the file cannot be opened at all: the app still runs, with defaults. */
export function memoryBacking(): KeyValueBacking {
  const values = new Map<string, unknown>();
  return { get: (key) => values.get(key), set: (key, value) => void values.set(key, value) };
}
