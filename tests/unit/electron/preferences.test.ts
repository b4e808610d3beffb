import { describe, expect, test } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../shared/api/channels/prefs';
import { memoryBacking, preferencesOver, readPreferences, type KeyValueBacking } from '../../../electron/main/preferencesData';
import { isOnSomeDisplay, readWindowBounds } from '../../../electron/main/windowBounds';

describe('readPreferences', () => {
  test('a good file is read as written', () => {
    const stored = { language: 'en', colorMode: 'dark', lastLoginName: 'amy', printers: { 'counter.slip': 'Brother_QL' } };
    expect(readPreferences(stored)).toEqual(stored);
  });

  test.each([null, 'garbage', 42, [], undefined])('a corrupted file (%j) falls back to the defaults', (raw) => {
    expect(readPreferences(raw)).toEqual(DEFAULT_PREFERENCES);
  });

  test('one bad field does not cost the good ones', () => {
    expect(
      readPreferences({
        language: 'fr',
        colorMode: 'midnight',
        lastLoginName: 'x'.repeat(500),
        printers: { 'counter.slip': 'Brother_QL', 'accounts.list': 7, ['k'.repeat(100)]: 'HP' },
      }),
    ).toEqual({ language: 'zh-TW', colorMode: 'light', lastLoginName: '', printers: { 'counter.slip': 'Brother_QL' } });
  });

  test('a file from before night mode opens in day mode, keeping the rest', () => {
    expect(readPreferences({ language: 'en', lastLoginName: 'amy', printers: {} })).toEqual({ language: 'en', colorMode: 'light', lastLoginName: 'amy', printers: {} });
  });
});

describe('preferencesOver', () => {
  test('set merges, writes through and survives a reopen', () => {
    const backing = memoryBacking();
    const prefs = preferencesOver(backing);
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.set({ language: 'en' })).toEqual({ ...DEFAULT_PREFERENCES, language: 'en' });
    prefs.set({ printers: { 'counter.slip': 'Brother_QL' } });
    prefs.set({ colorMode: 'dark' });
    expect(preferencesOver(backing).get()).toEqual({ language: 'en', colorMode: 'dark', lastLoginName: '', printers: { 'counter.slip': 'Brother_QL' } });
  });

  test('callers get copies, not the stored object', () => {
    const prefs = preferencesOver(memoryBacking());
    prefs.get().printers.x = 'y';
    expect(prefs.get().printers).toEqual({});
  });

  test('window bounds are validated on the way in and out', () => {
    const backing: KeyValueBacking = memoryBacking();
    const prefs = preferencesOver(backing);
    expect(prefs.getWindowBounds()).toBeNull();
    prefs.setWindowBounds({ x: 10, y: 20, width: 1300, height: 820, maximized: true });
    expect(prefs.getWindowBounds()).toEqual({ x: 10, y: 20, width: 1300, height: 820, maximized: true });
    backing.set('windowBounds', { x: 'left', y: 0, width: 1300, height: 820 });
    expect(prefs.getWindowBounds()).toBeNull();
  });
});

describe('window bounds', () => {
  test.each([
    [{ x: 0, y: 0, width: 800, height: 800 }, 'narrower than the minimum'],
    [{ x: 0.5, y: 0, width: 1200, height: 800 }, 'not whole pixels'],
    [{ x: 0, y: 0, width: 1e9, height: 800 }, 'absurdly large'],
    [{ x: 0, y: 0, width: 1200 }, 'incomplete'],
  ])('%j is rejected (%s)', (raw, _why) => {
    expect(readWindowBounds(raw)).toBeNull();
  });

  const screens = [
    { x: 0, y: 0, width: 1920, height: 1040 },
    { x: 1920, y: 0, width: 1280, height: 984 },
  ];

  test('a window on either screen is restored where it was', () => {
    expect(isOnSomeDisplay({ x: 100, y: 100, width: 1280, height: 800 }, screens)).toBe(true);
    expect(isOnSomeDisplay({ x: 2000, y: 50, width: 1100, height: 800 }, screens)).toBe(true);
  });

  test('a window left on an unplugged monitor is not', () => {
    expect(isOnSomeDisplay({ x: 3500, y: 100, width: 1280, height: 800 }, screens)).toBe(false);
    expect(isOnSomeDisplay({ x: 100, y: 1035, width: 1280, height: 800 }, screens)).toBe(false);
    expect(isOnSomeDisplay({ x: 100, y: 100, width: 1280, height: 800 }, [])).toBe(false);
  });
});
