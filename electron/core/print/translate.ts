/**
 * The slice of i18n that print templates need. Templates receive a plain
 * `t` so they stay pure functions, testable without i18next.
 */

export type Translate = (key: string) => string;

/**
 * Fills `{name}` placeholders. Single braces on purpose: i18next only reads
 * `{{name}}`, so these strings pass through whichever `t` the caller uses
 * untouched and are filled here, where the values are known.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** "Label：value" with the colon each language expects. */
export function labelled(label: string, value: string, lang: 'zh-TW' | 'en'): string {
  return lang === 'zh-TW' ? `${label}：${value}` : `${label}: ${value}`;
}
