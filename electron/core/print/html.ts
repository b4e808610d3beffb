/**
 * Minimal auto-escaping HTML builder for print templates.
 *
 * Printed documents are full of user-typed text (names, notes, addresses);
 * building them with plain string concatenation would let one `<` in a name
 * break a page or inject markup. Templates therefore only ever produce
 * SafeHtml, and every interpolated value is escaped unless it already is one.
 */

export interface SafeHtml {
  readonly __html: string;
  readonly __brand: 'SafeHtml';
}

/** What a template may interpolate. `true` is excluded so `cond && x` is the idiom. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

// The brand alone is only a compile-time promise; a plain object shaped like
// SafeHtml (say, from JSON) must still be escaped, so trust is tracked here.
const minted = new WeakSet<SafeHtml>();

function mint(s: string): SafeHtml {
  const value: SafeHtml = Object.freeze({ __html: s, __brand: 'SafeHtml' as const });
  minted.add(value);
  return value;
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && minted.has(value as SafeHtml);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe for element content and quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafeHtml(value)) return value.__html;
  // Anything else (a forged SafeHtml, a Date, …) is shown as text, never trusted.
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return mint(out);
}

/** For trusted constants only (markup written in our own source), never data. */
export function raw(s: string): SafeHtml {
  return mint(s);
}

/** Joins fragments, dropping empty ones; a string separator is escaped like any value. */
export function joinHtml(parts: readonly HtmlValue[], separator: SafeHtml | string = ''): SafeHtml {
  const sep = render(separator);
  return mint(parts.map((p) => render(p)).filter((s) => s !== '').join(sep));
}
