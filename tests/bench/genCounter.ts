/**
 * Ten years of the service desk's visit log (0004_counter.sql): visitors on working days in
 * office hours, mostly in Chinese, some in English, asking about one to three of the published
 * guidance topics (a few topics asked far more than others, as an FAQ would show).
 */
import type { GenContext } from './genContext';
import { batched, dateKey, growth, iso, onDuty, spreadOverDays, taipeiMs, weekday } from './genContext';
import { Weighted } from './rng';

export const FULL_VISITS = 100_000;

// Office hours 08:30–17:30; busiest mid-morning and mid-afternoon.
const HOURS = Weighted.of<number>([[8, 2], [9, 6], [10, 9], [11, 8], [12, 3], [13, 5], [14, 8], [15, 8], [16, 6], [17, 2]]);
const TOPIC_COUNT = Weighted.of<number>([[0, 10], [1, 65], [2, 20], [3, 5]]);
const OUTCOMES = Weighted.of<string>([['answered', 72], ['referred', 21], ['followUp', 7]]);
const SATISFACTION = Weighted.of<number>([[5, 55], [4, 30], [3, 10], [2, 3], [1, 2]]);
const NOTES = ['詢問講習改期', '家屬陪同', '需要英文版表單', '詢問戒癮門診', '已轉請承辦人說明'];

export function generateCounter(ctx: GenContext): { visits: number } {
  const rng = ctx.rng.fork(5);
  const topicIds = (ctx.db.prepare("SELECT id FROM counter_topics WHERE status = 'published' ORDER BY id").all() as { id: number }[]).map((t) => t.id);
  // Popularity falls off with rank (Zipf), in an order that is not simply the seed file's.
  const ranked = [...topicIds].sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101));
  const topics = new Weighted(
    ranked,
    ranked.map((_, i) => 1 / (i + 1)),
  );
  const units = [...ctx.refs('guidanceUnit'), ...ctx.refs('referralUnit')].map((u) => u.id);
  const total = Math.max(1, Math.round(FULL_VISITS * ctx.scale));
  const perDay = spreadOverDays(total, (d) => (weekday(d) === 0 || weekday(d) === 6 ? 0 : growth(d)));
  const visit = ctx.db.prepare(
    `INSERT INTO counter_visits (visited_at, visit_date, lang, unit_id, outcome, satisfaction, note, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = ctx.db.prepare(
    `INSERT INTO counter_visit_topics (visit_id, topic_id, position, visit_date, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let visits = 0;
  batched(ctx.db, 20_000, (tick) => {
    for (let d = 0; d < perDay.length; d++) {
      const minutes = Array.from({ length: perDay[d] ?? 0 }, () => HOURS.pick(rng) * 60 + rng.int(60)).sort((a, b) => a - b);
      const staff = onDuty(ctx.staff.counter, d);
      const day = dateKey(d);
      for (const minute of minutes) {
        const at = iso(taipeiMs(d, minute) + rng.int(60) * 1000);
        const by = rng.pick(staff).id;
        const chosen = topics.items.length > 0 ? topics.pickDistinct(rng, TOPIC_COUNT.pick(rng)) : [];
        const outcome = OUTCOMES.pick(rng);
        // As counter:logVisit requires: a purpose (a topic or a note), and a unit for a referral.
        const unit = units.length > 0 && (outcome === 'referred' || rng.chance(0.15)) ? rng.pick(units) : null;
        const note = chosen.length === 0 || rng.chance(0.08) ? rng.pick(NOTES) : '';
        const id = Number(
          visit.run(at, day, rng.chance(0.07) ? 'en' : 'zh-TW', unit, unit === null && outcome === 'referred' ? 'answered' : outcome,
            rng.chance(0.45) ? SATISFACTION.pick(rng) : null, note, at, by, at, by).lastInsertRowid,
        );
        chosen.forEach((topicId, i) => link.run(id, topicId, i, day, at, by, at, by));
        ctx.audit(at, by, 'create', 'counterVisit', id, { topics: chosen, outcome });
        visits += 1;
        tick();
      }
    }
  });
  return { visits };
}
