/**
 * Starts the REAL core (migrations, seed, dispatch table, services, SQL) on a SQLite file in a
 * temporary folder, with the outside world (clock, sleep, printers, preferences) replaced by
 * fakes the test can steer and inspect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionAccount } from '../../shared/api/channels/auth';
import type { PrinterInfo } from '../../shared/api/channels/print';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Role } from '../../shared/domain/roles';
import { startCore, type Core } from '../../electron/core/bootstrap';
import type { FileSaver, PreferencesStore } from '../../electron/core/context';
import type { SafetyOptions } from '../../electron/core/safety/runtime';
import { memoryPreferences } from '../../electron/core/prefs/memoryStore';
import type { PrintHost } from '../../electron/core/print/host';
import type { PrintDocument } from '../../electron/core/print/page';

/** Low scrypt cost: the real cost (2^17) would make every sign-in take ~0.5 s. */
export const TEST_SCRYPT_COST = 2 ** 10;

export const SUPERVISOR = { displayName: '王督導', loginName: 'boss', password: 'Supervisor#2025' } as const;

/** What signInAs gives new accounts: the supervisor's temporary password, then the person's own. */
export const TEMP_PASSWORD = 'Temporary#123';
export const OWN_PASSWORD = 'MyOwnPass#456';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface FakePrintHost extends PrintHost {
  printers: PrinterInfo[];
  printed: { doc: PrintDocument; options: { deviceName: string; copies: number } }[];
  saved: { doc: PrintDocument; suggestedName: string }[];
}

export function fakePrintHost(): FakePrintHost {
  const host: FakePrintHost = {
    printers: [
      { name: 'HP-Counter', displayName: 'HP LaserJet (counter)', isDefault: true },
      { name: 'Receipt-80', displayName: 'Receipt printer', isDefault: false },
    ],
    printed: [],
    saved: [],
    listPrinters: async () => host.printers,
    print: async (doc, options) => {
      host.printed.push({ doc, options });
    },
    savePdf: async (doc, suggestedName) => {
      host.saved.push({ doc, suggestedName });
      return '/tmp/x.pdf';
    },
  };
  return host;
}

export interface FakeFileSaver extends FileSaver {
  /** every file "saved": where it went (in the test's temp folder) and what was offered */
  saved: { path: string; suggestedName: string; bytes: Uint8Array }[];
  /** set to true to play a person who cancels the save dialog */
  cancel: boolean;
}

/** Stands in for the save dialog: writes into the test's temp folder, so tests open the real file. */
export function fakeFileSaver(dir: string): FakeFileSaver {
  const saver: FakeFileSaver = {
    saved: [],
    cancel: false,
    async saveFile(bytes, suggestedName) {
      if (saver.cancel) return null;
      const file = path.join(dir, `${saver.saved.length + 1}-${suggestedName.replace(/[\\/:*?"<>|]/g, '_')}`);
      fs.writeFileSync(file, bytes);
      saver.saved.push({ path: file, suggestedName, bytes });
      return file;
    },
  };
  return saver;
}

export interface MakeCoreOptions {
  /** reuse a database file (e.g. to test reopening); default: a new file in a new temp dir */
  dbFile?: string;
  start?: Date;
  /** encrypt the database with this raw key (issue 7); default: a plain file */
  dbKey?: Buffer;
  /** key storage, backup folder, folder chooser and restore hook of the safety runtime */
  safety?: SafetyOptions;
}

export type Call = <C extends ChannelName>(sender: string, channel: C, payload: InputOf<C>) => Promise<Result<OutputOf<C>>>;

export interface TestCore {
  core: Core;
  dir: string;
  dbFile: string;
  clock: TestClock;
  /** every delay the core asked `sleep` for, in order */
  sleeps: number[];
  prefs: PreferencesStore;
  printHost: FakePrintHost;
  fileSaver: FakeFileSaver;
  /** what the core logged (unexpected errors), instead of the console */
  logs: unknown[];
  call: Call;
  /** any channel name and any payload, for tests of the dispatch edge itself */
  callRaw(sender: string, channel: string, payload: unknown): Promise<Result<unknown>>;
  /** first-run setup; the sender 'admin' ends up signed in as the supervisor */
  setupSupervisor(sender?: string): Promise<SessionAccount>;
  /** creates an account with these roles (as the supervisor), signs `sender` in and sets its own password */
  signInAs(sender: string, roles: Role[], opts?: { loginName?: string; displayName?: string }): Promise<SessionAccount>;
  /** row count of every table, to show a refused call wrote nothing */
  rowCounts(): Record<string, number>;
  cleanup(): void;
}

/** Unwraps an ok result or fails the test with the error it got instead. */
export function okValue<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function makeTempDir(prefix = 'dufang-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function makeCore(opts: MakeCoreOptions = {}): TestCore {
  const dir = makeTempDir();
  const dbFile = opts.dbFile ?? path.join(dir, 'app.sqlite');
  const clock: TestClock = {
    now: opts.start ?? new Date('2025-03-05T01:00:00.000Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const sleeps: number[] = [];
  const prefs = memoryPreferences();
  const printHost = fakePrintHost();
  const fileSaver = fakeFileSaver(dir);
  const logs: unknown[] = [];
  const core = startCore({
    dbFile,
    appRoot: process.cwd(),
    clock: () => clock.now,
    prefs,
    printHost,
    fileSaver,
    dbKey: opts.dbKey,
    safety: opts.safety,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    scryptCost: TEST_SCRYPT_COST,
    log: (e) => {
      logs.push(e);
    },
  });

  const callRaw = (sender: string, channel: string, payload: unknown) => core.dispatcher.dispatch(sender, channel, payload);
  const call: Call = (sender, channel, payload) =>
    callRaw(sender, channel, payload) as Promise<Result<OutputOf<typeof channel>>>;

  let supervisorSender: string | null = null;
  let counter = 0;

  async function setupSupervisor(sender = 'admin'): Promise<SessionAccount> {
    const account = okValue(await call(sender, 'auth:setupSupervisor', { ...SUPERVISOR, passwordConfirm: SUPERVISOR.password }));
    supervisorSender = sender;
    return account;
  }

  async function signInAs(sender: string, roles: Role[], o: { loginName?: string; displayName?: string } = {}): Promise<SessionAccount> {
    if (supervisorSender === null) await setupSupervisor();
    const loginName = o.loginName ?? `user${++counter}`;
    const temporary = TEMP_PASSWORD;
    const own = OWN_PASSWORD;
    okValue(
      await call(supervisorSender ?? 'admin', 'accounts:create', {
        displayName: o.displayName ?? `${roles.join('+')} ${counter}`,
        loginName,
        roles,
        password: temporary,
        passwordConfirm: temporary,
      }),
    );
    okValue(await call(sender, 'auth:signIn', { loginName, password: temporary }));
    return okValue(await call(sender, 'auth:changePassword', { currentPassword: temporary, password: own, passwordConfirm: own }));
  }

  function rowCounts(): Record<string, number> {
    const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, (core.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  }

  let closed = false;
  return {
    core,
    dir,
    dbFile,
    clock,
    sleeps,
    prefs,
    printHost,
    fileSaver,
    logs,
    call,
    callRaw,
    setupSupervisor,
    signInAs,
    rowCounts,
    cleanup() {
      if (!closed) {
        closed = true;
        if (core.db.open) core.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
