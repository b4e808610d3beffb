-- Hardening (issue 7): the supervisor's safety settings (idle lock, backups, retention periods)
-- and the acceptances the app must remember (recovery key stored, weak keyring accepted).
-- One row per setting; `value` is JSON checked by electron/core/safety/settings.ts on every read.
-- Every change is also an audit_log entry (who, when, before → after).
CREATE TABLE safety_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES accounts(id)
) STRICT, WITHOUT ROWID;

-- The audit search filters by time, by person and by action; (entity, entity_id) is indexed in 0001.
CREATE INDEX audit_log_account ON audit_log (account_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
