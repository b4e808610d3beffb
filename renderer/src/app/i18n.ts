import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_NS, NAMESPACES, resources } from '../../../shared/i18n';
import type { Lang } from '../../../shared/api/common';

/** One i18next instance for the renderer; resources are bundled (no HTTP backend in a desktop app). */
export function initI18n(lng: Lang) {
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    supportedLngs: ['zh-TW', 'en'],
    fallbackLng: 'zh-TW',
    load: 'currentOnly',
    ns: NAMESPACES,
    defaultNS: DEFAULT_NS,
    // Main answers with common keys (errors.*, validation.*) as well as namespaced ones; a page
    // translating in its own namespace must still find them.
    fallbackNS: DEFAULT_NS,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'zh-TW';
}
