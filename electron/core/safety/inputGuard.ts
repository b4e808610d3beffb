/**
 * Text no form can produce and no part of the app can store faithfully, refused at the edge for
 * every channel before its schema runs (issue 7 §6, found by tests/unit/safety/fuzz.test.ts):
 * - U+0000: SQLite's FTS5 trigram search fails on it (an 'internal' error in every search), C
 *   strings end at it, and the print pipeline would drop the rest of the text;
 * - unpaired UTF-16 surrogates: not Unicode at all; UTF-8 (SQLite, files, PDF) cannot hold them
 *   and silently turns them into U+FFFD, so what was saved would not be what was typed.
 */
import type { FieldError } from '../../../shared/api/result';

const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Objects deeper than this are left to the schema, which refuses them anyway. */
const MAX_DEPTH = 64;

/** The first string (or object key) with such text, as a field error; null when there is none. */
export function badTextField(payload: unknown): FieldError | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value: payload, path: [], depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      if (BAD_TEXT.test(value)) return { field: path.join('.'), messageKey: 'validation.invalidCharacters' };
    } else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
      for (const [key, child] of Object.entries(value)) {
        if (BAD_TEXT.test(key)) return { field: path.join('.'), messageKey: 'validation.invalidCharacters' };
        stack.push({ value: child, path: [...path, key], depth: depth + 1 });
      }
    }
  }
  return null;
}
