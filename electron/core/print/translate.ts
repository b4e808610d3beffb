/**
 * The slice of i18n that print templates need. Templates receive a plain
 * `t` so they stay pure functions, testable without i18next; the app passes
 * shared/i18n's translatorFor(lang), which has exactly this shape.
 */

/** i18next-style: `{{name}}` placeholders in the message are filled from `params`. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "Label：value" with the colon each language expects. */
export function labelled(label: string, value: string, lang: 'zh-TW' | 'en'): string {
  return lang === 'zh-TW' ? `${label}：${value}` : `${label}: ${value}`;
}

/**
 * The page-number footer template for renderPage's `pageLabel`. The numbers
 * only exist at layout time (CSS counters), so instead of values we hand the
 * translator the `{page}` / `{pages}` markers that renderPage turns into
 * counter(page) / counter(pages).
 */
export function pageLabel(t: Translate): string {
  return t('print.common.page', { page: '{page}', pages: '{pages}' });
}
