import zhCommon from './locales/zh-TW/common.json';
import enCommon from './locales/en/common.json';
import zhHotline from './locales/zh-TW/hotline.json';
import enHotline from './locales/en/hotline.json';
import zhLectures from './locales/zh-TW/lectures.json';
import enLectures from './locales/en/lectures.json';
import zhCounter from './locales/zh-TW/counter.json';
import enCounter from './locales/en/counter.json';
import zhStats from './locales/zh-TW/stats.json';
import enStats from './locales/en/stats.json';
import zhSafety from './locales/zh-TW/safety.json';
import enSafety from './locales/en/safety.json';
import type { Lang } from '../api/common';

/**
 * Every visible string lives here, one JSON file per namespace and language, shared by
 * the renderer (through i18next) and the print templates in main (through `translate`).
 * A test fails when a key exists in one language only, or when code uses an unknown key.
 */
export const resources = {
  'zh-TW': { common: zhCommon, hotline: zhHotline, lectures: zhLectures, counter: zhCounter, stats: zhStats, safety: zhSafety },
  en: { common: enCommon, hotline: enHotline, lectures: enLectures, counter: enCounter, stats: enStats, safety: enSafety },
} as const;

export const NAMESPACES = Object.keys(resources['zh-TW']) as (keyof (typeof resources)['zh-TW'])[];
export const DEFAULT_NS = 'common';

type Tree = { [k: string]: string | Tree };

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** i18next-compatible lookup (`ns:a.b`, `{{param}}`) for code that runs without i18next, e.g. print templates. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [DEFAULT_NS, key];
  const bundles = resources[lang] as unknown as Record<string, Tree>;
  const text = lookup(bundles[ns], path) ?? lookup((resources['zh-TW'] as unknown as Record<string, Tree>)[ns], path) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type TFunction = (key: string, params?: Record<string, string | number>) => string;
export const translatorFor = (lang: Lang): TFunction => (key, params) => translate(lang, key, params);
