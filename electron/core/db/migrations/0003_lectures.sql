-- lectures (issue 4): sessions, attendees, enrolments with an append-only status history,
-- leave requests, counselling consultations, coordinator settings.
-- Figures (due, attended, rates) are always computed from these rows, never stored.

CREATE TABLE lecture_series (
  id          INTEGER PRIMARY KEY,
  -- the repetition rule as entered (JSON), kept so a person can see how the dates came about
  rule        TEXT NOT NULL CHECK (json_valid(rule)),
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES accounts(id),
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER REFERENCES accounts(id)
) STRICT;

CREATE TABLE lecture_sessions (
  id            INTEGER PRIMARY KEY,
  series_id     INTEGER REFERENCES lecture_series(id),
  session_date  TEXT NOT NULL CHECK (session_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  start_time    TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time      TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time > start_time),
  venue_id      INTEGER REFERENCES ref_items(id),
  capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  kind          TEXT NOT NULL CHECK (kind IN ('weekday', 'holiday', 'repeatGroup')),
  hours         REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
  instructors   TEXT NOT NULL DEFAULT '',
  topics        TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  cancelled_at  TEXT,
  cancelled_by  INTEGER REFERENCES accounts(id),
  cancel_reason TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES accounts(id),
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX lecture_sessions_date ON lecture_sessions (session_date, start_time);

CREATE TABLE lecture_attendees (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL,
  -- normalized (shared/lib/taiwanId.ts normalizeId) and checksum-valid
  national_id          TEXT NOT NULL UNIQUE,
  birth_date           TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  phone                TEXT NOT NULL DEFAULT '',
  -- shared/lib/phone.ts phoneSearchKey(phone): digits only, so any spelling finds the person
  phone_key            TEXT NOT NULL DEFAULT '',
  address              TEXT NOT NULL DEFAULT '',
  penalty_doc_no       TEXT NOT NULL DEFAULT '',
  issuing_agency       TEXT NOT NULL DEFAULT '',
  drug_class           INTEGER CHECK (drug_class IS NULL OR drug_class IN (3, 4)),
  penalty_count        INTEGER NOT NULL DEFAULT 1 CHECK (penalty_count BETWEEN 1 AND 99),
  needs_interpreter    INTEGER NOT NULL DEFAULT 0 CHECK (needs_interpreter IN (0, 1)),
  interpreter_language TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL,
  created_by           INTEGER REFERENCES accounts(id),
  updated_at           TEXT NOT NULL,
  updated_by           INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX lecture_attendees_phone ON lecture_attendees (phone_key);

-- Name fragments at the check-in desk: trigram FTS for 3+ characters (shorter queries use LIKE).
CREATE VIRTUAL TABLE lecture_attendees_fts USING fts5 (
  name,
  content = 'lecture_attendees',
  content_rowid = 'id',
  tokenize = 'trigram'
);

CREATE TRIGGER lecture_attendees_fts_ai AFTER INSERT ON lecture_attendees BEGIN
  INSERT INTO lecture_attendees_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER lecture_attendees_fts_ad AFTER DELETE ON lecture_attendees BEGIN
  INSERT INTO lecture_attendees_fts (lecture_attendees_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER lecture_attendees_fts_au AFTER UPDATE OF name ON lecture_attendees BEGIN
  INSERT INTO lecture_attendees_fts (lecture_attendees_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO lecture_attendees_fts (rowid, name) VALUES (new.id, new.name);
END;

CREATE TABLE lecture_enrolments (
  id                 INTEGER PRIMARY KEY,
  session_id         INTEGER NOT NULL REFERENCES lecture_sessions(id),
  attendee_id        INTEGER NOT NULL REFERENCES lecture_attendees(id),
  status             TEXT NOT NULL CHECK (status IN ('scheduled', 'notified', 'leaveRequested', 'toReschedule', 'checkedIn',
                       'completed', 'transferredSession', 'transferredCity', 'noShow', 'renotified', 'returned')),
  status_changed_at  TEXT NOT NULL,
  -- printed on the notice letter (QR and text); random, so it reveals nothing and cannot be guessed
  code               TEXT NOT NULL UNIQUE,
  notified_at        TEXT,
  checked_in_at      TEXT,
  late               INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  signed_out_at      TEXT,
  left_early         INTEGER NOT NULL DEFAULT 0 CHECK (left_early IN (0, 1)),
  completed_at       TEXT,
  certificate_serial TEXT UNIQUE,
  transferred_from   INTEGER REFERENCES lecture_enrolments(id),
  transferred_to     INTEGER REFERENCES lecture_enrolments(id),
  city_transfer_to   TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  created_by         INTEGER REFERENCES accounts(id),
  updated_at         TEXT NOT NULL,
  updated_by         INTEGER REFERENCES accounts(id),
  UNIQUE (session_id, attendee_id)
) STRICT;

CREATE INDEX lecture_enrolments_attendee ON lecture_enrolments (attendee_id, status);
CREATE INDEX lecture_enrolments_session ON lecture_enrolments (session_id, status);

-- Every status change: who, when, from, to, why. Append-only.
CREATE TABLE lecture_enrolment_history (
  id           INTEGER PRIMARY KEY,
  enrolment_id INTEGER NOT NULL REFERENCES lecture_enrolments(id),
  at           TEXT NOT NULL,
  by           INTEGER REFERENCES accounts(id),
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES accounts(id),
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX lecture_enrolment_history_enrolment ON lecture_enrolment_history (enrolment_id, id);

CREATE TRIGGER lecture_enrolment_history_no_update BEFORE UPDATE ON lecture_enrolment_history
BEGIN SELECT RAISE(ABORT, 'lecture_enrolment_history is append-only'); END;
CREATE TRIGGER lecture_enrolment_history_no_delete BEFORE DELETE ON lecture_enrolment_history
BEGIN SELECT RAISE(ABORT, 'lecture_enrolment_history is append-only'); END;

CREATE TABLE lecture_leaves (
  id                    INTEGER PRIMARY KEY,
  enrolment_id          INTEGER NOT NULL REFERENCES lecture_enrolments(id),
  reason_id             INTEGER NOT NULL REFERENCES ref_items(id),
  -- where a refused request returns the enrolment to
  status_before         TEXT NOT NULL CHECK (status_before IN ('scheduled', 'notified')),
  requested_on          TEXT NOT NULL,
  -- supporting document (often a photo sent through LINE); NULL until it arrives
  document_received_on  TEXT,
  note                  TEXT NOT NULL DEFAULT '',
  decision              TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'refused')),
  decided_at            TEXT,
  decided_by            INTEGER REFERENCES accounts(id),
  decision_note         TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  created_by            INTEGER REFERENCES accounts(id),
  updated_at            TEXT NOT NULL,
  updated_by            INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX lecture_leaves_enrolment ON lecture_leaves (enrolment_id, decision);

CREATE TABLE lecture_consultations (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES lecture_sessions(id),
  enrolment_id INTEGER NOT NULL REFERENCES lecture_enrolments(id),
  category_id  INTEGER NOT NULL REFERENCES ref_items(id),
  note         TEXT NOT NULL DEFAULT '',
  at           TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES accounts(id),
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX lecture_consultations_session ON lecture_consultations (session_id);

CREATE TABLE lecture_settings (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  late_after_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (late_after_minutes BETWEEN 0 AND 240),
  created_at          TEXT NOT NULL,
  created_by          INTEGER REFERENCES accounts(id),
  updated_at          TEXT NOT NULL,
  updated_by          INTEGER REFERENCES accounts(id)
) STRICT;
