/**
 * Reading the audit trail (issue 7 §4): search and export for supervisors. Writing stays in
 * electron/core/audit/repository.ts (append only); nothing here changes an entry, and the
 * triggers of 0001_init.sql refuse anyone who tries.
 */
import type { AuditFacets, AuditFilter, AuditPage, AuditRow } from '../../../shared/api/channels/safety';
import type { Lang } from '../../../shared/api/common';
import { translatorFor } from '../../../shared/i18n';
import { addDays, formatDateTime, startOfTaipeiDay } from '../../../shared/lib/time';
import type { Db } from '../db/open';

/** An export holds at most this many entries; narrow the filter for more (a year of a busy desk is ~100 000). */
export const AUDIT_EXPORT_MAX = 500_000;

interface Row {
  id: number;
  at: string;
  account_id: number | null;
  account_name: string | null;
  login_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(filter: AuditFilter): { sql: string; params: Record<string, string | number> } {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  // The filter's dates are Taipei calendar days; entries are UTC instants.
  if (filter.from) {
    parts.push('l.at >= @from');
    params.from = startOfTaipeiDay(filter.from).toISOString();
  }
  if (filter.to) {
    parts.push('l.at < @to');
    params.to = startOfTaipeiDay(addDays(filter.to, 1)).toISOString();
  }
  if (filter.accountId !== undefined) {
    parts.push('l.account_id = @accountId');
    params.accountId = filter.accountId;
  }
  if (filter.action) {
    parts.push('l.action = @action');
    params.action = filter.action;
  }
  if (filter.entity) {
    parts.push('l.entity = @entity');
    params.entity = filter.entity;
  }
  if (filter.entityId) {
    parts.push('l.entity_id = @entityId');
    params.entityId = filter.entityId;
  }
  if (filter.text) {
    parts.push("l.details LIKE '%' || @text || '%' ESCAPE '\\'");
    params.text = likeEscape(filter.text);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const SELECT = `SELECT l.id, l.at, l.account_id, a.display_name AS account_name, a.login_name, l.action, l.entity, l.entity_id, l.details
  FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id`;

const toRow = (r: Row): AuditRow => ({
  id: r.id,
  at: r.at,
  accountId: r.account_id,
  accountName: r.account_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  details: r.details,
});

export function searchAudit(db: Db, filter: AuditFilter, offset: number, limit: number): AuditPage {
  const w = where(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log l ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY l.id DESC LIMIT @limit OFFSET @offset`).all({ ...w.params, limit, offset }) as Row[];
  return { rows: rows.map(toRow), total };
}

export function auditFacets(db: Db): AuditFacets {
  const list = (col: 'action' | 'entity') =>
    (db.prepare(`SELECT DISTINCT ${col} AS v FROM audit_log ORDER BY ${col}`).all() as { v: string }[]).map((r) => r.v);
  const accounts = db.prepare('SELECT id, display_name AS displayName, login_name AS loginName FROM accounts ORDER BY login_name').all() as AuditFacets['accounts'];
  return { actions: list('action'), entities: list('entity'), accounts };
}

/** The matching entries as a table of texts, oldest first, header translated; null when there are too many. */
export function auditTable(db: Db, filter: AuditFilter, lang: Lang): string[][] | null {
  const w = where(filter);
  const count = (db.prepare(`SELECT count(*) AS n FROM audit_log l ${w.sql}`).get(w.params) as { n: number }).n;
  if (count > AUDIT_EXPORT_MAX) return null;
  const t = translatorFor(lang);
  const header = ['id', 'at', 'atIso', 'loginName', 'accountName', 'action', 'entity', 'entityId', 'details'].map((c) => t(`safety:audit.columns.${c}`));
  const out: string[][] = [header];
  for (const r of db.prepare(`${SELECT} ${w.sql} ORDER BY l.id`).iterate(w.params) as IterableIterator<Row>) {
    out.push([
      String(r.id),
      formatDateTime(r.at, lang),
      r.at,
      r.login_name ?? '',
      r.account_name ?? '',
      r.action,
      r.entity,
      r.entity_id ?? '',
      r.details,
    ]);
  }
  return out;
}
