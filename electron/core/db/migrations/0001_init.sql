-- Foundation: accounts and roles, reference data, preferences-free app metadata, audit trail.
-- Times are ISO-8601 UTC instants (TEXT); every row about people or work says who created
-- and last changed it, and when.

CREATE TABLE accounts (
  id                   INTEGER PRIMARY KEY,
  login_name           TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  last_failed_at       TEXT,
  locked_until         TEXT,
  last_sign_in_at      TEXT,
  created_at           TEXT NOT NULL,
  created_by           INTEGER REFERENCES accounts(id),
  updated_at           TEXT NOT NULL,
  updated_by           INTEGER REFERENCES accounts(id)
) STRICT;

CREATE TABLE account_roles (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('operator', 'counter', 'coordinator', 'supervisor')),
  PRIMARY KEY (account_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE ref_items (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  code       TEXT NOT NULL,
  name_zh    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  extra      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  retired_at TEXT,
  retired_by INTEGER REFERENCES accounts(id),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES accounts(id),
  UNIQUE (kind, code)
) STRICT;

CREATE INDEX ref_items_kind_order ON ref_items (kind, sort_order);

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Append-only: the application has no statement that edits or deletes an entry,
-- and these triggers refuse anyone who tries.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  account_id INTEGER REFERENCES accounts(id),
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  details    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
