import type { Db } from '../db/open';

export interface AuditEntry {
  at: string;
  accountId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/** Append-only: there is deliberately no update or delete here (see 0001_init.sql triggers). */
export function appendAudit(db: Db, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (at, account_id, action, entity, entity_id, details)
     VALUES (@at, @accountId, @action, @entity, @entityId, @details)`,
  ).run({
    at: e.at,
    accountId: e.accountId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    details: JSON.stringify(e.details ?? {}),
  });
}
