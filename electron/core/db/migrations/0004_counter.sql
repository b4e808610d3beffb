-- counter: bilingual guidance topics with their change history, and the desk's visit log (issue 5).

-- One row per guidance topic, in both languages. Topics are retired, never deleted, so a
-- visit logged years ago still names what the visitor asked about.
CREATE TABLE counter_topics (
  id              INTEGER PRIMARY KEY,
  -- stable name of a topic shipped in resources/seed/guidance-topics.json; NULL for topics written here
  code            TEXT UNIQUE,
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  revision        INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  title_zh        TEXT NOT NULL DEFAULT '',
  title_en        TEXT NOT NULL DEFAULT '',
  summary_zh      TEXT NOT NULL DEFAULT '',
  summary_en      TEXT NOT NULL DEFAULT '',
  eligibility_zh  TEXT NOT NULL DEFAULT '',
  eligibility_en  TEXT NOT NULL DEFAULT '',
  documents_zh    TEXT NOT NULL DEFAULT '',
  documents_en    TEXT NOT NULL DEFAULT '',
  time_limit_zh   TEXT NOT NULL DEFAULT '',
  time_limit_en   TEXT NOT NULL DEFAULT '',
  hours_zh        TEXT NOT NULL DEFAULT '',
  hours_en        TEXT NOT NULL DEFAULT '',
  contact_zh      TEXT NOT NULL DEFAULT '',
  contact_en      TEXT NOT NULL DEFAULT '',
  keywords_zh     TEXT NOT NULL DEFAULT '',
  keywords_en     TEXT NOT NULL DEFAULT '',
  unit_id         INTEGER REFERENCES ref_items(id),
  web_url         TEXT NOT NULL DEFAULT '',
  -- ordered list of related topic ids (JSON array); topics are never deleted, so ids stay valid
  related_ids     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(related_ids) AND json_type(related_ids) = 'array'),
  created_at      TEXT NOT NULL,
  created_by      INTEGER REFERENCES accounts(id),
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX counter_topics_status ON counter_topics (status);

-- Change history: every create, edit and status change stores the whole topic as it became.
-- Append-only, like the audit trail.
CREATE TABLE counter_topic_revisions (
  id         INTEGER PRIMARY KEY,
  topic_id   INTEGER NOT NULL REFERENCES counter_topics(id),
  revision   INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('create', 'edit', 'publish', 'retire', 'unpublish')),
  status     TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  content    TEXT NOT NULL CHECK (json_valid(content)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES accounts(id),
  UNIQUE (topic_id, revision)
) STRICT;

CREATE TRIGGER counter_topic_revisions_no_update BEFORE UPDATE ON counter_topic_revisions
BEGIN SELECT RAISE(ABORT, 'counter_topic_revisions is append-only'); END;

CREATE TRIGGER counter_topic_revisions_no_delete BEFORE DELETE ON counter_topic_revisions
BEGIN SELECT RAISE(ABORT, 'counter_topic_revisions is append-only'); END;

-- Search in either language on Chinese substrings: trigram FTS over both languages at once.
-- Kept in step by triggers, so no code path can forget it. Queries shorter than three
-- characters cannot use trigrams and fall back to LIKE over counter_topics.
CREATE VIRTUAL TABLE counter_topics_fts USING fts5(title, keywords, body, tokenize = 'trigram');

CREATE TRIGGER counter_topics_fts_insert AFTER INSERT ON counter_topics
BEGIN
  INSERT INTO counter_topics_fts (rowid, title, keywords, body) VALUES (
    NEW.id,
    NEW.title_zh || ' ' || NEW.title_en,
    NEW.keywords_zh || ' ' || NEW.keywords_en,
    concat_ws(' ', NEW.summary_zh, NEW.summary_en, NEW.eligibility_zh, NEW.eligibility_en, NEW.documents_zh, NEW.documents_en,
              NEW.time_limit_zh, NEW.time_limit_en, NEW.hours_zh, NEW.hours_en, NEW.contact_zh, NEW.contact_en));
END;

CREATE TRIGGER counter_topics_fts_update AFTER UPDATE ON counter_topics
BEGIN
  DELETE FROM counter_topics_fts WHERE rowid = OLD.id;
  INSERT INTO counter_topics_fts (rowid, title, keywords, body) VALUES (
    NEW.id,
    NEW.title_zh || ' ' || NEW.title_en,
    NEW.keywords_zh || ' ' || NEW.keywords_en,
    concat_ws(' ', NEW.summary_zh, NEW.summary_en, NEW.eligibility_zh, NEW.eligibility_en, NEW.documents_zh, NEW.documents_en,
              NEW.time_limit_zh, NEW.time_limit_en, NEW.hours_zh, NEW.hours_en, NEW.contact_zh, NEW.contact_en));
END;

CREATE TRIGGER counter_topics_fts_delete AFTER DELETE ON counter_topics
BEGIN
  DELETE FROM counter_topics_fts WHERE rowid = OLD.id;
END;

-- The visit log: one row per visitor served at the desk. No name or ID of the visitor is
-- kept (data minimisation); what they asked, in which language, and how it ended.
CREATE TABLE counter_visits (
  id           INTEGER PRIMARY KEY,
  visited_at   TEXT NOT NULL,
  -- the Taipei calendar day of visited_at, for the "today" list and the FAQ period
  visit_date   TEXT NOT NULL,
  lang         TEXT NOT NULL CHECK (lang IN ('zh-TW', 'en')),
  unit_id      INTEGER REFERENCES ref_items(id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('answered', 'referred', 'followUp')),
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES accounts(id),
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER REFERENCES accounts(id)
) STRICT;

CREATE INDEX counter_visits_date ON counter_visits (visit_date, visited_at);

-- What each visit asked about. visit_date is repeated from the visit so the FAQ ranking
-- over a period reads one covering index instead of joining every visit of the period.
CREATE TABLE counter_visit_topics (
  visit_id   INTEGER NOT NULL REFERENCES counter_visits(id),
  topic_id   INTEGER NOT NULL REFERENCES counter_topics(id),
  position   INTEGER NOT NULL,
  visit_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES accounts(id),
  PRIMARY KEY (visit_id, topic_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX counter_visit_topics_date_topic ON counter_visit_topics (visit_date, topic_id);
