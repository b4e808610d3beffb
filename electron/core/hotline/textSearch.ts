/**
 * The words of a call search as ONE FTS5 query over hotline_call_text (issue 8: measured on ten
 * years of calls). The trigram index matches any substring of 3+ characters. A 1–2 character
 * term (門診, 家暴, 暴) used to scan every note with LIKE: ~85 ms for 500,000 calls however rare
 * the word. Every indexed text now ends with two newlines (callRepository.indexCallText), so each
 * occurrence of a short term starts some trigram; the trigrams that start with the term are read
 * from the index's vocabulary (fts5vocab, a range on its sorted terms) and OR-ed: the same calls
 * as LIKE, through the index.
 */
import type { Db } from '../db/open';

/** FTS5 phrase syntax: the whole term in double quotes, inner quotes doubled. */
export const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;

/** What indexCallText appends to every text so that 1–2 character terms start a trigram. */
export const TEXT_SENTINEL = '\n\n';

/** More expansions than this (a single common character) are cheaper to scan with LIKE. */
const MAX_EXPANSIONS = 500;

const withVocabulary = new WeakSet<Db>();

/**
 * The index's vocabulary as a table (fts5vocab): one row per indexed trigram, sorted, so a range
 * of terms is a seek. It stores nothing, so it lives in the connection's temp schema (in memory,
 * PRIVACY_PRAGMAS) rather than in the file: created on first use by each connection.
 */
function vocabulary(db: Db): void {
  if (withVocabulary.has(db)) return;
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.hotline_call_text_vocab USING fts5vocab(main, hotline_call_text, 'row')");
  withVocabulary.add(db);
}

/**
 * The indexed trigrams that start with a short term (lower-cased, as the trigram tokenizer folds
 * case); null when there are too many to OR.
 */
export function trigramsStartingWith(db: Db, term: string): string[] | null {
  vocabulary(db);
  const folded = term.toLowerCase();
  const terms = db
    .prepare('SELECT term FROM temp.hotline_call_text_vocab WHERE term >= ? AND term < ? LIMIT ?')
    .pluck()
    .all(folded, `${folded}\u{10FFFF}`, MAX_EXPANSIONS + 1) as string[];
  return terms.length > MAX_EXPANSIONS ? null : terms;
}

export interface TextQuery {
  /** one FTS5 MATCH expression for every term the index can answer; null when none */
  match: string | null;
  /** terms that must still be found by scanning (LIKE) */
  scan: string[];
  /** a term occurs in no call at all: nothing can match */
  impossible: boolean;
}

/** Every term must occur (AND); a short term is any of the trigrams it starts. */
export function textQuery(db: Db, terms: readonly string[]): TextQuery {
  const parts: string[] = [];
  const scan: string[] = [];
  let impossible = false;
  for (const term of terms) {
    if ([...term].length >= 3) {
      parts.push(phrase(term));
      continue;
    }
    const starts = trigramsStartingWith(db, term);
    if (starts === null) scan.push(term);
    else if (starts.length === 0) impossible = true;
    else parts.push(`(${starts.map(phrase).join(' OR ')})`);
  }
  return { match: parts.length > 0 ? parts.join(' AND ') : null, scan, impossible };
}

/** How many calls the index finds for a MATCH expression (every indexed row is one call). */
export function countMatches(db: Db, match: string): number {
  return db.prepare('SELECT count(*) FROM hotline_call_text WHERE hotline_call_text MATCH ?').pluck().get(match) as number;
}
