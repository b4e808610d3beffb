import type { Db } from '../../db/open';

/**
 * Runs `change` with the "no UPDATE" triggers of an append-only history table lifted, and puts
 * them back exactly as they were (their own SQL, read from sqlite_master). Retention is the one
 * writer allowed to do this: 個資法 Art. 11 requires personal data to go when its period ends,
 * history included. The caller's transaction makes the lift, the change and the restore one
 * atomic step, so no other statement ever sees the table unprotected; DELETE stays refused.
 */
export function withUpdatesAllowed<T>(db: Db, table: string, change: () => T): T {
  if (!db.inTransaction) throw new Error('withUpdatesAllowed must run inside a transaction');
  const guards = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%BEFORE UPDATE%' AND sql LIKE '%RAISE(ABORT%'")
    .all(table) as { name: string; sql: string }[];
  for (const g of guards) db.exec(`DROP TRIGGER "${g.name.replace(/"/g, '""')}"`);
  const result = change();
  for (const g of guards) db.exec(g.sql);
  return result;
}
