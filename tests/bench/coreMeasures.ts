/**
 * The measures that run in Node against the real dispatch table: saving a call, the check-in
 * lookups, the annual statistics, the notes search. Each goes through dispatch exactly as an
 * IPC call from the window would (session, role, schema, handler, SQL).
 */
import type { CallInput } from '../../shared/api/channels/hotline';
import type { StatsSection } from '../../shared/api/channels/stats';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract';
import { normalizePhone } from '../../shared/lib/phone';
import { periodRange } from '../../shared/domain/statsPeriod';
import { SENDERS, type Bench, type RosterPerson } from './benchCore';
import { dispatchOk } from './genAccounts';
import { result, runs, time, timePair, type MeasureResult } from './measure';
import { SEARCH_TERMS, callNotes } from './notes';
import { phone } from './people';
import { Rng } from './rng';

async function call<C extends ChannelName>(b: Bench, sender: string, channel: C, payload: InputOf<C>): Promise<OutputOf<C>> {
  return dispatchOk(b.core, sender, channel, payload);
}

const refId = (b: Bench, kind: string, code: string): number => {
  const row = b.core.db.prepare('SELECT id FROM ref_items WHERE kind = ? AND code = ?').get(kind, code) as { id: number } | undefined;
  if (!row) throw new Error(`no ${kind}/${code}`);
  return row.id;
};

/** A call as an operator types it: caller, items, notes, district, phone. */
export function callInputs(b: Bench, n: number): CallInput[] {
  const rng = new Rng(42);
  const callers = ['client', 'family', 'public'];
  const items = ['psychological-support', 'drug-hazard-lecture', 'medical-treatment', 'family-support'];
  const districts = (b.core.db.prepare("SELECT id FROM ref_items WHERE kind = 'district'").all() as { id: number }[]).map((r) => r.id);
  return Array.from({ length: n }, () => {
    const caller = rng.pick(callers);
    const chosen = rng.chance(0.3) ? [items[0] as string, rng.pick(items.slice(1))] : [rng.pick(items)];
    const now = Date.now();
    return {
      direction: 'inbound',
      startedAt: new Date(now - 7 * 60_000).toISOString(),
      endedAt: new Date(now - 60_000).toISOString(),
      operatorId: b.operatorId,
      callerTypeId: refId(b, 'callerType', caller),
      gender: rng.chance(0.6) ? 'male' : 'female',
      ageGroupId: refId(b, 'ageGroup', 'age-30-39'),
      districtId: rng.pick(districts),
      phone: phone(rng).display,
      serviceItemIds: chosen.map((c) => refId(b, 'serviceItem', c)),
      notes: callNotes(rng, caller, chosen),
      flags: [],
    };
  });
}

/** The hotline_calls row of a call input, as the bare baselines write it (no validation, no audit). */
function bareCallRow(b: Bench): (c: CallInput, at: string) => number {
  const insert = b.core.db.prepare(
    `INSERT INTO hotline_calls (kind, direction, started_at, ended_at, duration_sec, shift_id, operator_id, caller_type_id, gender, age_group_id,
       district_id, phone, phone_key, notes, created_at, created_by, updated_at, updated_by)
     VALUES ('service', @direction, @startedAt, @endedAt, 360, NULL, @operatorId, @callerTypeId, @gender, @ageGroupId, @districtId, @phone, @key, @notes,
       @at, @operatorId, @at, @operatorId)`,
  );
  return (c, at) => {
    const parsed = normalizePhone(c.phone);
    const { flags: _f, serviceItemIds: _s, ...row } = c;
    return Number(insert.run({ ...row, key: parsed.ok ? parsed.value : '', at }).lastInsertRowid);
  };
}

/**
 * Pages each commit writes, read off the WAL (frames since it was emptied ÷ commits): what an
 * encrypted commit costs grows with them (each page is encrypted, MAC'd and written).
 */
async function walPagesPerCommit(b: Bench, n: number, commit: (i: number) => unknown): Promise<number> {
  const db = b.core.db;
  const keep = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < n; i++) await commit(i);
    const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return (state?.log ?? 0) / n;
  } finally {
    db.pragma(`wal_autocheckpoint = ${keep}`);
  }
}

/**
 * The app after a moment of idle time: its own upkeep (db/maintenance.ts: WAL checkpoint, merging
 * of the notes index, day counts) run until it finds nothing left to do. One person saves a call
 * every few minutes, and the app does this 2 s after every request, so each save at a desk starts
 * here: the WAL checkpointed, so its commit starts the WAL file over (one more fsync, for its
 * header). Untimed, before each save and before each bare INSERT alike.
 */
const idleUpkeep = (b: Bench) => () => {
  for (let step = 0; step < 100 && b.core.maintenance.runNow(); step++);
};

const SAVE_LABEL = 'save a call (hotline:saveCall: validation, transaction, audit, search index)';

export async function saveCall(b: Bench, quick: boolean): Promise<MeasureResult> {
  const r = runs(400, quick);
  const inputs = callInputs(b, r.n + r.warmup);
  const bare = bareCallRow(b);
  const save = (c: CallInput) => call(b, SENDERS.operator, 'hotline:saveCall', { draftId: null, call: c, referrals: [], followUps: [] });
  const t = await timePair(
    r,
    (i) => save(inputs[i] as CallInput),
    (i) => bare(inputs[i] as CallInput, new Date().toISOString()),
    undefined,
    idleUpkeep(b),
  );
  const pages = r.n >= 20 ? 20 : 2;
  const savePages = await walPagesPerCommit(b, pages, (i) => save(inputs[i] as CallInput));
  const barePages = await walPagesPerCommit(b, pages, (i) => bare(inputs[i] as CallInput, new Date().toISOString()));
  return result('hotline.saveCall', `${SAVE_LABEL}, as at a desk: the app's idle upkeep done before each`, t.measure, {
    baseline: { label: 'bare INSERT of the same hotline_calls row, after the same upkeep', samples: t.baseline },
    target: { stat: 'p99', max: 5, maxRatio: 3 },
    notes: [`pages written per commit: ${savePages.toFixed(1)} for a save, ${barePages.toFixed(1)} for the bare INSERT`],
  });
}

/**
 * Informational, beside hotline.saveCall: saves back to back with no idle moment between them,
 * as no single desk saves calls, with the WAL file already at its working size (so no commit
 * extends it). Here no commit restarts the WAL, the bare INSERT is at its cheapest, and the
 * ratio shows what the save's pages and code cost over it.
 */
export async function saveCallBurst(b: Bench, quick: boolean): Promise<MeasureResult> {
  const r = runs(400, quick);
  const inputs = callInputs(b, 2 * (r.n + r.warmup));
  const bare = bareCallRow(b);
  const save = (c: CallInput) => call(b, SENDERS.operator, 'hotline:saveCall', { draftId: null, call: c, referrals: [], followUps: [] });
  // As many commits as the measure makes, so the WAL file is as large as the burst needs; then
  // the next commit starts it over and writes over frames already on disk.
  const grow = r.n + r.warmup;
  for (let i = 0; i < grow; i++) {
    await save(inputs[i] as CallInput);
    bare(inputs[i] as CallInput, new Date().toISOString());
  }
  b.core.db.pragma('wal_checkpoint(RESTART)');
  const t = await timePair(
    r,
    (i) => save(inputs[grow + i] as CallInput),
    (i) => bare(inputs[grow + i] as CallInput, new Date().toISOString()),
  );
  return result('hotline.saveCallBurst', `${SAVE_LABEL}, back to back with no idle moment (informational)`, t.measure, {
    baseline: { label: 'bare INSERT of the same hotline_calls row, back to back', samples: t.baseline },
    notes: ['no target: no desk saves calls without a pause; what the save costs over a bare INSERT at its cheapest'],
  });
}

/**
 * Informational, beside hotline.saveCall: every row a save must write (the call, its service
 * items, its notes in the search index, the audit entry) as bare SQL in one transaction, with no
 * dispatch, validation or read-back. It is the floor under a save, and shows how much of the
 * save's ratio the rows themselves cost rather than the code around them.
 */
export async function saveCallRows(b: Bench, quick: boolean): Promise<MeasureResult> {
  const db = b.core.db;
  const r = runs(400, quick);
  const inputs = callInputs(b, r.n + r.warmup);
  const bare = bareCallRow(b);
  const item = db.prepare('INSERT INTO hotline_call_items (call_id, service_item_id, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)');
  const text = db.prepare('INSERT INTO hotline_call_text (rowid, body) VALUES (?, ?)');
  const audit = db.prepare("INSERT INTO audit_log (at, account_id, action, entity, entity_id, details) VALUES (?, ?, 'create', 'hotline_call', ?, ?)");
  const rows = db.transaction((c: CallInput) => {
    const at = new Date().toISOString();
    const id = bare(c, at);
    for (const s of c.serviceItemIds) item.run(id, s, at, c.operatorId, at, c.operatorId);
    text.run(id, `${c.notes}\n\n`);
    audit.run(at, c.operatorId, String(id), JSON.stringify({ draftId: null, onBehalfOf: null, referrals: 0, followUps: 0 }));
  });
  const t = await timePair(
    r,
    (i) => rows.immediate(inputs[i] as CallInput),
    (i) => bare(inputs[i] as CallInput, new Date().toISOString()),
    undefined,
    idleUpkeep(b),
  );
  const pages = await walPagesPerCommit(b, r.n >= 20 ? 20 : 2, (i) => rows.immediate(inputs[i] as CallInput));
  return result('hotline.saveCallRows', "a save's rows as bare SQL in one transaction (call, items, search index, audit; informational), as at a desk", t.measure, {
    baseline: { label: 'bare INSERT of the same hotline_calls row, after the same upkeep', samples: t.baseline },
    notes: [`pages written per commit: ${pages.toFixed(1)}`, 'no target: the floor under hotline.saveCall'],
  });
}

type LookupKind = 'name' | 'given' | 'surname' | 'id' | 'idPrefix' | 'phone' | 'code';

const LOOKUPS: Record<LookupKind, { label: string; query(p: RosterPerson): string; exact: boolean }> = {
  code: { label: 'scanned notice code', query: (p) => p.code, exact: true },
  id: { label: 'full national ID', query: (p) => p.nationalId, exact: true },
  phone: { label: 'phone number', query: (p) => p.phoneKey, exact: true },
  name: { label: 'full name (3+ characters: trigram index)', query: (p) => p.name, exact: true },
  given: { label: 'given name, 2 characters', query: (p) => [...p.name].slice(-2).join(''), exact: false },
  surname: { label: 'first character typed', query: (p) => [...p.name][0] as string, exact: false },
  idPrefix: { label: 'ID, first 5 characters typed', query: (p) => p.nationalId.slice(0, 5), exact: false },
};

export const LOOKUP_KINDS = Object.keys(LOOKUPS) as LookupKind[];

/** One kind of lookup at the check-in desk, for people on today's roster. */
export async function lookup(b: Bench, kind: LookupKind, quick: boolean): Promise<MeasureResult> {
  const spec = LOOKUPS[kind];
  const r = runs(300, quick);
  const people = Array.from({ length: r.n + r.warmup }, (_, i) => b.roster[i % b.roster.length] as RosterPerson);
  const byId = b.core.db.prepare('SELECT * FROM lecture_attendees WHERE national_id = ?');
  let found = 0;
  let shown = 0;
  const t = await timePair(
    r,
    async (i) => {
      const p = people[i] as RosterPerson;
      const out = await call(b, SENDERS.coordinator, 'lectures:lookup', { sessionId: b.todaySessionId, query: spec.query(p) });
      shown += out.rows.length;
      if (out.rows.some((row) => row.enrolmentId === p.enrolmentId)) found += 1;
    },
    (i) => byId.get((people[i] as RosterPerson).nationalId),
  );
  const total = r.n + r.warmup;
  const notes = [`${found}/${total} lookups listed the person looked for${spec.exact ? '' : ' (a fragment: others may come first)'}`, `${(shown / total).toFixed(1)} rows per answer`];
  const res = result(`lectures.lookup.${kind}`, `check-in lookup: ${spec.label}`, t.measure, {
    baseline: { label: 'bare indexed SELECT of an attendee by ID', samples: t.baseline },
    target: { stat: 'p99', max: 10 },
    notes,
  });
  // Fast but wrong is a miss: an exact name, ID, phone or code must find the person.
  if (spec.exact && found < total) res.pass = false;
  return res;
}

const YEAR = { kind: 'year', year: 2025 } as const;

/** The bare GROUP BY COUNTs behind each section's tables, over the same rows, through the same indexes. */
function bareQueries(section: Exclude<StatsSection, 'trends'>): { sql: string; params: Record<string, string> }[] {
  const range = periodRange(YEAR);
  const inst = { from: range.fromInstant, to: range.toInstant };
  const days = { from: range.from, to: range.to };
  const calls = 'FROM hotline_calls c WHERE c.started_at >= @from AND c.started_at < @to';
  switch (section) {
    case 'hotline':
      return [
        ...['c.kind', 'c.caller_type_id', "CAST(strftime('%H', c.started_at, '+8 hours') AS INTEGER)", 'c.shift_id', 'c.district_id', 'c.operator_id'].map((col) => ({
          sql: `SELECT ${col} AS k, count(*) AS n ${calls} GROUP BY 1`,
          params: inst,
        })),
        { sql: 'SELECT i.service_item_id AS k, count(*) AS n FROM hotline_calls c JOIN hotline_call_items i ON i.call_id = c.id WHERE c.started_at >= @from AND c.started_at < @to GROUP BY 1', params: inst },
      ];
    case 'lectures':
      return [
        { sql: 'SELECT e.session_id, e.status, count(*) AS n FROM lecture_sessions s JOIN lecture_enrolments e ON e.session_id = s.id WHERE s.session_date BETWEEN @from AND @to GROUP BY 1, 2', params: days },
        { sql: 'SELECT c.category_id, count(*) AS n FROM lecture_sessions s JOIN lecture_consultations c ON c.session_id = s.id WHERE s.session_date BETWEEN @from AND @to GROUP BY 1', params: days },
        {
          sql: `SELECT e.session_id, count(*) AS n FROM lecture_sessions s JOIN lecture_enrolments e ON e.session_id = s.id
                  JOIN lecture_leaves l ON l.enrolment_id = e.id AND l.decision = 'approved' WHERE s.session_date BETWEEN @from AND @to GROUP BY 1`,
          params: days,
        },
      ];
    case 'counter':
      return [
        ...['v.lang', 'v.outcome', 'v.unit_id', 'v.satisfaction'].map((col) => ({ sql: `SELECT ${col} AS k, count(*) AS n FROM counter_visits v WHERE v.visit_date BETWEEN @from AND @to GROUP BY 1`, params: days })),
        { sql: 'SELECT t.topic_id AS k, count(*) AS n FROM counter_visit_topics t WHERE t.visit_date BETWEEN @from AND @to GROUP BY 1', params: days },
      ];
  }
}

export async function stats(b: Bench, section: Exclude<StatsSection, 'trends'>, quick: boolean): Promise<MeasureResult> {
  const r = runs(40, quick);
  const bare = bareQueries(section).map((q) => ({ stmt: b.core.db.prepare(q.sql), params: q.params }));
  // The hotline keeps counts per day (stats/hotlineDayCounts.ts): a call saved today between two
  // reports makes the next one count today again, as on a working day.
  const inputs = section === 'hotline' ? callInputs(b, r.n + r.warmup) : [];
  const t = await timePair(
    r,
    () => call(b, SENDERS.supervisor, 'stats:section', { period: YEAR, section }),
    () => {
      for (const q of bare) q.stmt.all(q.params);
    },
    section === 'hotline' ? (i) => call(b, SENDERS.operator, 'hotline:saveCall', { draftId: null, call: inputs[i] as CallInput, referrals: [], followUps: [] }) : undefined,
  );
  return result(`stats.${section}`, `annual statistics, ${section} (stats:section, year 2025)`, t.measure, {
    baseline: { label: `${bare.length} bare GROUP BY COUNT queries over the same rows`, samples: t.baseline },
    target: { stat: 'p95', max: 100, maxRatio: 2 },
    notes: section === 'hotline' ? ['a call is saved today before each report (untimed), so each report counts today again'] : [],
  });
}

/**
 * The hotline's annual report when no day of the year has been counted yet: after an upgrade,
 * before idle time has counted the history. Informational: the app counts in idle time.
 */
export async function statsFirstReport(b: Bench, quick: boolean): Promise<MeasureResult> {
  const samples: number[] = [];
  const r = runs(10, quick);
  for (let i = 0; i < r.warmup + r.n; i++) {
    b.core.db.exec('DELETE FROM hotline_days_counted');
    const t = performance.now();
    await call(b, SENDERS.supervisor, 'stats:section', { period: YEAR, section: 'hotline' });
    if (i >= r.warmup) samples.push(performance.now() - t);
  }
  return result('stats.hotlineFirstReport', 'annual statistics, hotline, no day counted yet (once after an upgrade)', samples, {
    notes: ['informational: idle time counts the days before anyone asks (db/maintenance.ts)'],
  });
}

/** The trend tables (13 months): no target in the issue, measured so a regression shows. */
export async function trends(b: Bench, quick: boolean): Promise<MeasureResult> {
  const samples = await time(runs(20, quick), () => call(b, SENDERS.supervisor, 'stats:section', { period: YEAR, section: 'trends' }));
  return result('stats.trends', 'statistics trends (stats:section, trends of 2025)', samples, { notes: ['informational: the issue sets no target'] });
}

export type SearchKind = keyof typeof SEARCH_TERMS;
export const SEARCH_KINDS = Object.keys(SEARCH_TERMS) as SearchKind[];

export async function searchNotes(b: Bench, kind: SearchKind, quick: boolean): Promise<MeasureResult> {
  const terms = SEARCH_TERMS[kind];
  const totals = new Map<string, number>();
  const samples = await time(runs(100, quick), async (i) => {
    const text = terms[i % terms.length] as string;
    const out = await call(b, SENDERS.operator, 'hotline:searchCalls', { text });
    totals.set(text, out.total);
  });
  const notes = [[...totals].map(([term, n]) => `「${term}」 ${n.toLocaleString('en')} calls`).join(', ')];
  return result(`hotline.search.${kind}`, `call notes search: ${kind} terms (hotline:searchCalls, first page)`, samples, { target: { stat: 'p99', max: 50 }, notes });
}
