/**
 * better-sqlite3 compiles the SQL again on every db.prepare(), and the code prepares where it
 * queries (readable, but a save of a call prepares ~30 statements). Measured with `npm run bench`
 * (issue 8): compiling was ~0.25 ms of a ~1.1 ms save. The connection keeps the statements it
 * compiled, keyed by their text, the least recently used dropped beyond MAX.
 *
 * A cached statement is the same object for every caller, so what a caller may change on it is
 * undone before it is handed out again: the pluck/raw/expand modes of a reader. A statement in
 * the middle of an iterate() cannot run twice at once: a fresh one is compiled for that caller.
 * Statements stay valid across schema changes (SQLite recompiles them itself) and die with the
 * connection.
 */
import type { Db } from './open';

const MAX = 1000;

type Statement = ReturnType<Db['prepare']>;

export function cacheStatements(db: Db, max = MAX): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      // Most recently used goes last: Map keeps insertion order.
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.pluck(false).expand(false).raw(false);
      return hit;
    }
    const stmt = compile(sql);
    if (hit) return stmt;
    cache.set(sql, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return stmt;
  };
  db.prepare = prepare as Db['prepare'];
}
