import type { Db } from '../db/open';
import type { Role } from '../../../shared/domain/roles';
import type { AccountSummary } from '../../../shared/api/channels/auth';

export interface AccountRow {
  id: number;
  login_name: string;
  display_name: string;
  password_hash: string;
  must_change_password: 0 | 1;
  disabled: 0 | 1;
  failed_attempts: number;
  last_failed_at: string | null;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

export interface Account {
  id: number;
  loginName: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  disabled: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  roles: Role[];
}

const ROLE_ORDER: Record<Role, number> = { operator: 0, counter: 1, coordinator: 2, supervisor: 3 };

function rolesOf(db: Db, id: number): Role[] {
  const rows = db.prepare('SELECT role FROM account_roles WHERE account_id = ?').all(id) as { role: Role }[];
  return rows.map((r) => r.role).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
}

function toAccount(db: Db, row: AccountRow): Account {
  return {
    id: row.id,
    loginName: row.login_name,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    roles: rolesOf(db, row.id),
  };
}

export function findAccountById(db: Db, id: number): Account | null {
  const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
  return row ? toAccount(db, row) : null;
}

export function findAccountByLogin(db: Db, loginName: string): Account | null {
  const row = db.prepare('SELECT * FROM accounts WHERE login_name = ?').get(loginName) as AccountRow | undefined;
  return row ? toAccount(db, row) : null;
}

export function listAccounts(db: Db): Account[] {
  const rows = db.prepare('SELECT * FROM accounts ORDER BY disabled, display_name COLLATE NOCASE').all() as AccountRow[];
  return rows.map((r) => toAccount(db, r));
}

export function countAccounts(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

export function countActiveSupervisors(db: Db, exceptId?: number): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM accounts a JOIN account_roles r ON r.account_id = a.id
       WHERE r.role = 'supervisor' AND a.disabled = 0 AND a.id != ?`,
    )
    .get(exceptId ?? -1) as { n: number };
  return row.n;
}

export interface NewAccount {
  loginName: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export function insertAccount(db: Db, a: NewAccount, at: string, by: number | null): number {
  const info = db
    .prepare(
      `INSERT INTO accounts (login_name, display_name, password_hash, must_change_password, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.loginName, a.displayName, a.passwordHash, a.mustChangePassword ? 1 : 0, at, by, at, by);
  const id = Number(info.lastInsertRowid);
  setRoles(db, id, a.roles);
  return id;
}

export function setRoles(db: Db, id: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM account_roles WHERE account_id = ?').run(id);
  const ins = db.prepare('INSERT INTO account_roles (account_id, role) VALUES (?, ?)');
  for (const r of roles) ins.run(id, r);
}

export function updateAccountFields(
  db: Db,
  id: number,
  fields: Partial<{
    display_name: string;
    password_hash: string;
    must_change_password: 0 | 1;
    disabled: 0 | 1;
    failed_attempts: number;
    last_failed_at: string | null;
    locked_until: string | null;
    last_sign_in_at: string | null;
  }>,
  at: string,
  by: number | null,
): void {
  // Column names come from the typed key list above, never from input.
  const keys = Object.keys(fields) as (keyof typeof fields)[];
  const sets = keys.map((k) => `${k} = @${k}`).join(', ');
  db.prepare(`UPDATE accounts SET ${sets}${sets ? ', ' : ''}updated_at = @at, updated_by = @by WHERE id = @id`).run({
    ...fields,
    at,
    by,
    id,
  });
}

export function toSummary(a: Account, now: string): AccountSummary {
  const locked = a.lockedUntil !== null && a.lockedUntil > now;
  return {
    id: a.id,
    loginName: a.loginName,
    displayName: a.displayName,
    roles: a.roles,
    status: a.disabled ? 'disabled' : locked ? 'locked' : 'active',
    mustChangePassword: a.mustChangePassword,
    lastSignInAt: a.lastSignInAt,
    createdAt: a.createdAt,
  };
}
