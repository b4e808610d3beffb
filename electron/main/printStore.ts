import { randomUUID } from 'node:crypto';

/**
 * Print documents waiting for the hidden print window, keyed by an unguessable one-time
 * token. Serving them from app://desk/__print/<token> avoids file:// (checklist #18) and
 * multi-megabyte data: URLs (the HTML embeds its fonts).
 */
export interface PrintStore {
  put(html: string): string;
  /** Returns the document once and forgets it; null for unknown or already used tokens. */
  take(token: string): string | null;
  /** Forgets a document that was never fetched (the window failed before loading it). */
  discard(token: string): void;
  readonly size: number;
}

export function createPrintStore(newToken: () => string = randomUUID): PrintStore {
  const docs = new Map<string, string>();
  return {
    put(html) {
      const token = newToken();
      docs.set(token, html);
      return token;
    },
    take(token) {
      const html = docs.get(token);
      if (html === undefined) return null;
      docs.delete(token);
      return html;
    },
    discard: (token) => void docs.delete(token),
    get size() {
      return docs.size;
    },
  };
}
