/**
 * The bench works on a copy of the cached dataset (measures write: calls are saved, people
 * checked in), opened by the app's own startCore with the bench key, with real time. Before
 * measuring it sets up today's lecture through the API: a session with 300 people enrolled,
 * the roster the check-in desk searches and the sign-in sheet prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startCore, type Core } from '../../electron/core/bootstrap';
import { memoryPreferences } from '../../electron/core/prefs/memoryStore';
import type { PrintHost } from '../../electron/core/print/host';
import { taipeiDateKey } from '../../shared/lib/time';
import { sourceBackupWorker } from '../support/backupWorker';
import { htmlToPdf } from '../support/pdf';
import { LOGINS, dispatchOk, signIn } from './genAccounts';
import { BENCH_KEY, ROOT, type Dataset } from './generate';
import { Rng } from './rng';

export const SENDERS = { operator: 'bench-operator', coordinator: 'bench-coordinator', supervisor: 'bench-supervisor' } as const;

export interface RosterPerson {
  enrolmentId: number;
  attendeeId: number;
  name: string;
  nationalId: string;
  phoneKey: string;
  code: string;
}

export interface Bench {
  dir: string;
  dbFile: string;
  core: Core;
  operatorId: number;
  todaySessionId: number;
  roster: RosterPerson[];
  /** where the PDF host writes */
  pdfs: string[];
  close(): void;
}

/** Prints as the e2e harness does: the document's HTML becomes a real PDF in Chromium. */
function pdfHost(dir: string, pdfs: string[]): PrintHost {
  return {
    listPrinters: async () => [{ name: 'Office_A4', displayName: 'Office A4', isDefault: true }],
    print: async () => undefined,
    async savePdf(doc, suggestedName) {
      const file = path.join(dir, `${pdfs.length + 1}-${suggestedName.replace(/[\\/:*?"<>|]/g, '_')}`);
      await htmlToPdf(doc.html, file);
      pdfs.push(file);
      return file;
    },
  };
}

/** A fresh copy of the dataset in a temporary folder (the cached file stays as generated). */
export function workingCopy(dataset: Dataset): { dir: string; dbFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
  const dbFile = path.join(dir, 'desk.sqlite3');
  fs.copyFileSync(dataset.file, dbFile);
  return { dir, dbFile };
}

export function startBenchCore(dbFile: string, printHost: PrintHost, dir: string, backupWorker: () => Worker = sourceBackupWorker): Core {
  return startCore({
    dbFile,
    appRoot: ROOT,
    clock: () => new Date(),
    prefs: memoryPreferences(),
    printHost,
    sleep: async () => undefined,
    dbKey: BENCH_KEY,
    safety: { defaultBackupDir: path.join(dir, 'backups'), backupWorker },
  });
}

/** Today's session (Taipei date) with `size` people who have no open enrolment, through lectures:createSession and lectures:enrol. */
async function todaysLecture(core: Core, size: number): Promise<{ sessionId: number; roster: RosterPerson[] }> {
  const session = await dispatchOk(core, SENDERS.coordinator, 'lectures:createSession', {
    date: taipeiDateKey(new Date()),
    startTime: '09:00',
    endTime: '13:00',
    // None of the bureau's own rooms seats 300 (the largest, 120): a rented hall, no venue entry.
    venueId: null,
    capacity: Math.max(size, 1),
    kind: 'weekday',
    hours: 4,
  });
  const candidates = core.db
    .prepare(
      `SELECT a.id FROM lecture_attendees a
        WHERE NOT EXISTS (SELECT 1 FROM lecture_enrolments e WHERE e.attendee_id = a.id
                            AND e.status IN ('scheduled', 'notified', 'leaveRequested', 'checkedIn', 'toReschedule', 'noShow', 'renotified'))
          AND length(a.name) BETWEEN 3 AND 4 AND a.phone_key <> ''
        ORDER BY a.id`,
    )
    .all() as { id: number }[];
  const rng = new Rng(300);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(size, candidates.length)) chosen.add((candidates[rng.int(candidates.length)] as { id: number }).id);
  await dispatchOk(core, SENDERS.coordinator, 'lectures:enrol', { sessionId: session.id, attendeeIds: [...chosen] });
  const roster = core.db
    .prepare(
      `SELECT e.id AS enrolmentId, a.id AS attendeeId, a.name, a.national_id AS nationalId, a.phone_key AS phoneKey, e.code
         FROM lecture_enrolments e JOIN lecture_attendees a ON a.id = e.attendee_id WHERE e.session_id = ? ORDER BY e.id`,
    )
    .all(session.id) as RosterPerson[];
  return { sessionId: session.id, roster };
}

export async function openBench(dataset: Dataset, opts: { rosterSize?: number; backupWorker?: () => Worker } = {}): Promise<Bench> {
  const { dir, dbFile } = workingCopy(dataset);
  const pdfs: string[] = [];
  const core = startBenchCore(dbFile, pdfHost(dir, pdfs), dir, opts.backupWorker);
  try {
    const operatorId = await signIn(core, SENDERS.operator, LOGINS.operator);
    await signIn(core, SENDERS.coordinator, LOGINS.coordinator);
    await signIn(core, SENDERS.supervisor, LOGINS.supervisor);
    const today = await todaysLecture(core, opts.rosterSize ?? 300);
    return {
      dir,
      dbFile,
      core,
      operatorId,
      todaySessionId: today.sessionId,
      roster: today.roster,
      pdfs,
      close() {
        if (core.db.open) core.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
