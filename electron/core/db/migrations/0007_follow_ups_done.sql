-- The follow-up list's 「顯示已完成」 shows the latest 500 done follow-ups, most recently done first
-- (electron/core/hotline/followUpRepository.ts listFollowUps), all of them or one operator's.
-- Without an index SQLite read and sorted every done follow-up there ever was: ~280 ms at ten
-- years, each time the list was opened or refreshed after a save. New follow-ups are not done, so
-- a save that adds one writes neither index (partial: done ones only); completing one writes both.
-- Pinned by EXPLAIN QUERY PLAN tests (tests/unit/bench/plans.test.ts).
CREATE INDEX hotline_follow_ups_done ON hotline_follow_ups (done_at) WHERE done_at IS NOT NULL;
CREATE INDEX hotline_follow_ups_done_owner ON hotline_follow_ups (owner_id, done_at) WHERE done_at IS NOT NULL;
