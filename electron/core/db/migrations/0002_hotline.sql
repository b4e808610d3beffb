-- Hotline (issue 3): call records of the 24-hour line, their service items and risk flags,
-- open drafts, referrals and follow-ups, edit and status histories, shift handovers.
-- Reference ids point at ref_items (retired entries stay valid for old records).

-- An open call the operator is still typing. One row per open call (a second line may
-- ring), saved within a second of every change so a reload or crash brings it back.
CREATE TABLE hotline_drafts (
  id         INTEGER PRIMARY KEY,
  owner_id   INTEGER NOT NULL REFERENCES accounts(id),
  started_at TEXT NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid(payload)),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES accounts(id)
) STRICT;

CREATE INDEX hotline_drafts_owner ON hotline_drafts (owner_id, created_at);

-- operator_id: whose call it was; created_by: who typed it in (may differ when logged after the fact).
CREATE TABLE hotline_calls (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL CHECK (kind IN ('service', 'nonService')),
  non_service_type_id INTEGER REFERENCES ref_items(id),
  direction           TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  started_at          TEXT NOT NULL,
  ended_at            TEXT NOT NULL CHECK (ended_at >= started_at),
  duration_sec        INTEGER NOT NULL CHECK (duration_sec >= 0),
  shift_id            INTEGER REFERENCES ref_items(id),
  operator_id         INTEGER NOT NULL REFERENCES accounts(id),
  caller_type_id      INTEGER REFERENCES ref_items(id),
  gender              TEXT CHECK (gender IN ('male', 'female', 'other')),
  age_group_id        INTEGER REFERENCES ref_items(id),
  district_id         INTEGER REFERENCES ref_items(id),
  phone               TEXT NOT NULL DEFAULT '',
  -- phoneSearchKey(phone): the same number however it was typed, for repeat callers
  phone_key           TEXT NOT NULL DEFAULT '',
  notes               TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  created_by          INTEGER NOT NULL REFERENCES accounts(id),
  updated_at          TEXT NOT NULL,
  updated_by          INTEGER NOT NULL REFERENCES accounts(id),
  CHECK ((kind = 'nonService') = (non_service_type_id IS NOT NULL))
) STRICT;

CREATE INDEX hotline_calls_started ON hotline_calls (started_at);
CREATE INDEX hotline_calls_operator ON hotline_calls (operator_id, started_at);
CREATE INDEX hotline_calls_phone_key ON hotline_calls (phone_key, started_at);

CREATE TABLE hotline_call_items (
  call_id         INTEGER NOT NULL REFERENCES hotline_calls(id) ON DELETE CASCADE,
  service_item_id INTEGER NOT NULL REFERENCES ref_items(id),
  created_at      TEXT NOT NULL,
  created_by      INTEGER NOT NULL REFERENCES accounts(id),
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (call_id, service_item_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX hotline_call_items_item ON hotline_call_items (service_item_id, call_id);

-- A ticked risk flag and what the operator did about it (required).
CREATE TABLE hotline_call_flags (
  call_id      INTEGER NOT NULL REFERENCES hotline_calls(id) ON DELETE CASCADE,
  risk_flag_id INTEGER NOT NULL REFERENCES ref_items(id),
  action_taken TEXT NOT NULL CHECK (length(action_taken) > 0),
  created_at   TEXT NOT NULL,
  created_by   INTEGER NOT NULL REFERENCES accounts(id),
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (call_id, risk_flag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX hotline_call_flags_flag ON hotline_call_flags (risk_flag_id, call_id);

-- Chinese substring search over the notes and the recorded risk actions (rowid = call id).
-- trigram matches any substring of 3+ characters; shorter queries use LIKE on the same text.
CREATE VIRTUAL TABLE hotline_call_text USING fts5(body, tokenize = 'trigram');

-- Every edit of a saved call: who, when, the record before and after. Append-only.
CREATE TABLE hotline_call_history (
  id          INTEGER PRIMARY KEY,
  call_id     INTEGER NOT NULL REFERENCES hotline_calls(id),
  before_json TEXT NOT NULL CHECK (json_valid(before_json)),
  after_json  TEXT NOT NULL CHECK (json_valid(after_json)),
  created_at  TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES accounts(id),
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES accounts(id)
) STRICT;

CREATE INDEX hotline_call_history_call ON hotline_call_history (call_id, id);

CREATE TRIGGER hotline_call_history_no_update BEFORE UPDATE ON hotline_call_history
BEGIN SELECT RAISE(ABORT, 'hotline_call_history is append-only'); END;
CREATE TRIGGER hotline_call_history_no_delete BEFORE DELETE ON hotline_call_history
BEGIN SELECT RAISE(ABORT, 'hotline_call_history is append-only'); END;

-- 轉介: pending (轉介中) → replied (已回覆) / closed (已結案).
CREATE TABLE hotline_referrals (
  id             INTEGER PRIMARY KEY,
  call_id        INTEGER NOT NULL REFERENCES hotline_calls(id),
  unit_id        INTEGER NOT NULL REFERENCES ref_items(id),
  contact_person TEXT NOT NULL DEFAULT '',
  referred_on    TEXT NOT NULL CHECK (referred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status         TEXT NOT NULL CHECK (status IN ('pending', 'replied', 'closed')),
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES accounts(id),
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES accounts(id)
) STRICT;

CREATE INDEX hotline_referrals_call ON hotline_referrals (call_id);
CREATE INDEX hotline_referrals_status ON hotline_referrals (status, referred_on);

CREATE TABLE hotline_referral_history (
  id          INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES hotline_referrals(id),
  from_status TEXT CHECK (from_status IN ('pending', 'replied', 'closed')),
  to_status   TEXT NOT NULL CHECK (to_status IN ('pending', 'replied', 'closed')),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES accounts(id),
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES accounts(id)
) STRICT;

CREATE INDEX hotline_referral_history_referral ON hotline_referral_history (referral_id, id);

CREATE TRIGGER hotline_referral_history_no_update BEFORE UPDATE ON hotline_referral_history
BEGIN SELECT RAISE(ABORT, 'hotline_referral_history is append-only'); END;
CREATE TRIGGER hotline_referral_history_no_delete BEFORE DELETE ON hotline_referral_history
BEGIN SELECT RAISE(ABORT, 'hotline_referral_history is append-only'); END;

-- 追蹤/回電: due at a time, owned by someone, done with an outcome.
CREATE TABLE hotline_follow_ups (
  id         INTEGER PRIMARY KEY,
  call_id    INTEGER NOT NULL REFERENCES hotline_calls(id),
  due_at     TEXT NOT NULL,
  owner_id   INTEGER NOT NULL REFERENCES accounts(id),
  note       TEXT NOT NULL DEFAULT '',
  done_at    TEXT,
  done_by    INTEGER REFERENCES accounts(id),
  outcome    TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES accounts(id),
  CHECK ((done_at IS NULL) = (done_by IS NULL) AND (done_at IS NULL) = (outcome IS NULL))
) STRICT;

CREATE INDEX hotline_follow_ups_open ON hotline_follow_ups (due_at) WHERE done_at IS NULL;
CREATE INDEX hotline_follow_ups_call ON hotline_follow_ups (call_id);

-- 交班: the summary is a snapshot of what was handed over, kept as it was when saved.
CREATE TABLE hotline_handovers (
  id               INTEGER PRIMARY KEY,
  shift_id         INTEGER REFERENCES ref_items(id),
  window_start     TEXT NOT NULL,
  window_end       TEXT NOT NULL CHECK (window_end > window_start),
  summary          TEXT NOT NULL CHECK (json_valid(summary)),
  notes            TEXT NOT NULL DEFAULT '',
  acknowledged_at  TEXT,
  acknowledged_by  INTEGER REFERENCES accounts(id),
  created_at       TEXT NOT NULL,
  created_by       INTEGER NOT NULL REFERENCES accounts(id),
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES accounts(id)
) STRICT;

CREATE INDEX hotline_handovers_created ON hotline_handovers (created_at);
