-- Performance (issue 8): what ten years of a busy bureau needed, measured with `npm run bench`
-- (tests/bench/). Each index below is pinned by an EXPLAIN QUERY PLAN test (tests/unit/bench/plans.test.ts).

-- Statistics and the call list read a period of calls by start time. With every column the
-- statistics count stored in the index, a year of calls is read from the index alone instead of
-- visiting ~60,000 table rows per table of the report. Same name, so every query and test that
-- relies on "calls by start time" keeps it.
DROP INDEX hotline_calls_started;
CREATE INDEX hotline_calls_started ON hotline_calls (
  started_at, kind, direction, caller_type_id, non_service_type_id, shift_id, district_id, operator_id, duration_sec
);

-- The check-in desk looks for a person among the enrolments that may walk in today
-- (electron/core/lectures/lookupRepo.ts): only these statuses, a few thousand rows after ten
-- years instead of every enrolment; by person, so "is this person waiting?" is one seek, and
-- with the session, so the list to show is chosen before any enrolment row is read.
-- The condition is WALK_IN_FROM (shared/domain/lectures.ts), written exactly as the query
-- writes it: SQLite uses a partial index only for a term that matches its condition.
CREATE INDEX lecture_enrolments_waiting ON lecture_enrolments (attendee_id, status, session_id)
  WHERE status IN ('scheduled', 'notified', 'leaveRequested', 'toReschedule', 'noShow', 'renotified');

-- Every indexed text ends with two newlines from now on (callRepository.indexCallText): then
-- each occurrence of a 1–2 character search word starts some trigram, and the search reads those
-- trigrams from the index's vocabulary (electron/core/hotline/textSearch.ts) instead of scanning
-- every note. Texts indexed before get the newlines here.
-- The index is rebuilt without its table of text lengths (columnsize = 0): those serve ranking
-- (bm25), the call search sorts by time, and the table cost every save one more page to write
-- and encrypt.
CREATE VIRTUAL TABLE hotline_call_text_rebuilt USING fts5(body, tokenize = 'trigram', columnsize = 0);
INSERT INTO hotline_call_text_rebuilt (rowid, body) SELECT rowid, body || char(10, 10) FROM hotline_call_text WHERE body <> '';
DROP TABLE hotline_call_text;
ALTER TABLE hotline_call_text_rebuilt RENAME TO hotline_call_text;

-- Saving a call writes a page of every index of hotline_calls, and every page is encrypted on
-- its way to disk: an index must earn that. Calls by operator are found through
-- hotline_calls_started, which holds operator_id (and an operator takes one call in a few, so
-- walking it newest first fills a page quickly); the statistics read counts kept per day.
DROP INDEX hotline_calls_operator;

-- FTS5 merges index segments while rows are inserted; at ten years of notes one save in ~30 paid
-- 20–130 ms for it. The merging happens in idle time instead (electron/core/db/maintenance.ts);
-- FTS5's crisis merge (16 segments on a level) still bounds the index during long bursts.
INSERT INTO hotline_call_text (hotline_call_text, rank) VALUES ('automerge', 0);

-- Hotline statistics (electron/core/stats/hotlineDayCounts.ts): the call figures of each Taipei
-- day, counted once and kept. A year of reports then adds up kept rows instead of sorting ~60,000
-- calls once per table. `key` is 0 where the call records nothing (ids start at 1).
CREATE TABLE hotline_day_counts (
  day          TEXT NOT NULL,
  dim          TEXT NOT NULL,
  key          INTEGER NOT NULL,
  calls        INTEGER NOT NULL,
  service      INTEGER NOT NULL,
  duration_sec INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key)
) STRICT, WITHOUT ROWID;

-- A day is listed here while its counts above match the records.
CREATE TABLE hotline_days_counted (day TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

-- Every write that could change a day's figures removes its mark, in the same transaction; the
-- next report counts that day again. Saving a call today removes nothing (today is counted only
-- when a report asks, and unmarked by the next save).
CREATE TRIGGER hotline_calls_uncount_insert AFTER INSERT ON hotline_calls BEGIN
  DELETE FROM hotline_days_counted WHERE day = date(NEW.started_at, '+8 hours');
END;
CREATE TRIGGER hotline_calls_uncount_update
AFTER UPDATE OF started_at, kind, direction, duration_sec, shift_id, operator_id, caller_type_id, non_service_type_id, district_id ON hotline_calls BEGIN
  DELETE FROM hotline_days_counted WHERE day IN (date(OLD.started_at, '+8 hours'), date(NEW.started_at, '+8 hours'));
END;
CREATE TRIGGER hotline_calls_uncount_delete AFTER DELETE ON hotline_calls BEGIN
  DELETE FROM hotline_days_counted WHERE day = date(OLD.started_at, '+8 hours');
END;
CREATE TRIGGER hotline_call_items_uncount_insert AFTER INSERT ON hotline_call_items BEGIN
  DELETE FROM hotline_days_counted WHERE day = (SELECT date(started_at, '+8 hours') FROM hotline_calls WHERE id = NEW.call_id);
END;
CREATE TRIGGER hotline_call_items_uncount_update AFTER UPDATE ON hotline_call_items BEGIN
  DELETE FROM hotline_days_counted WHERE day IN (SELECT date(started_at, '+8 hours') FROM hotline_calls WHERE id IN (OLD.call_id, NEW.call_id));
END;
CREATE TRIGGER hotline_call_items_uncount_delete AFTER DELETE ON hotline_call_items BEGIN
  DELETE FROM hotline_days_counted WHERE day = (SELECT date(started_at, '+8 hours') FROM hotline_calls WHERE id = OLD.call_id);
END;
