import path from 'node:path';
import type { CoreDeps } from './context';
import { openDatabase, type Db } from './db/open';
import { createIdleMaintenance, type IdleMaintenance } from './db/maintenance';
import { createDispatcher, type CoreDispatcher } from './dispatch';
import { discardStaged, stagedPath } from './safety/backup';
import { createSafetyRuntime, type SafetyOptions, type SafetyRuntime } from './safety/runtime';
import { createSafetyJobs, type SafetyJobs } from './safety/jobs';
import { seedReferenceData } from './reference/seed';
import { seedGuidanceTopics } from './counter/seed';

/** Where the app's own files sit, relative to the project (or packaged app) root. */
export const APP_PATHS = {
  migrations: 'electron/core/db/migrations',
  referenceSeed: 'resources/seed/reference.json',
  printFont: 'node_modules/@fontsource/noto-sans-tc',
} as const;

export interface StartOptions extends Omit<CoreDeps, 'db' | 'fontDir' | 'safety'> {
  dbFile: string;
  /** the raw 32-byte database key (electron/main/dbKey.ts); without it the file is plain SQLite, as in most tests */
  dbKey?: Buffer;
  /** key storage, backup folder, folder chooser, restore hook (electron/core/safety/runtime.ts) */
  safety?: SafetyOptions;
  /** the project root in development and tests, app.getAppPath() when packaged */
  appRoot: string;
  log?: (e: unknown) => void;
}

export interface Core {
  db: Db;
  dispatcher: CoreDispatcher;
  safety: SafetyRuntime;
  /** the daily automatic backup and retention run; main calls runDue() at start and every hour */
  jobs: SafetyJobs;
  /** index upkeep in idle time (electron/core/db/maintenance.ts) */
  maintenance: IdleMaintenance;
  close(): void;
}

/** Opens (creating and migrating) the database, fills reference data, builds the dispatch table. */
export function startCore(options: StartOptions): Core {
  const migrationsDir = path.join(options.appRoot, APP_PATHS.migrations);
  const { db } = openDatabase(options.dbFile, { migrationsDir, key: options.dbKey });
  try {
    seedReferenceData(db, path.join(options.appRoot, APP_PATHS.referenceSeed), options.clock().toISOString());
    seedGuidanceTopics(db, path.join(options.appRoot, 'resources/seed/guidance-topics.json'), options.clock().toISOString());
  } catch (e) {
    db.close();
    throw e;
  }
  const { dbFile, dbKey, safety: safetyOptions, appRoot, log, ...deps } = options;
  const safety = createSafetyRuntime(dbFile, migrationsDir, dbKey, safetyOptions);
  // A restore or key change the app did not live to finish left its staged copy: a whole
  // encrypted database that nothing else would remove.
  if (discardStaged(safety)) log?.(`discarded ${stagedPath(safety)}, left by an unfinished restore or key change`);
  const coreDeps: CoreDeps = { ...deps, db, fontDir: path.join(appRoot, APP_PATHS.printFont), safety };
  const inner = createDispatcher(coreDeps, log);
  const maintenance = createIdleMaintenance(db, log, deps.clock);
  // Every call restarts the idle clock; index upkeep runs only once the app has been quiet.
  const dispatcher: CoreDispatcher = {
    ...inner,
    dispatch: (sender, channel, payload) => inner.dispatch(sender, channel, payload).finally(() => maintenance.touch()),
  };
  return {
    db,
    dispatcher,
    safety,
    jobs: createSafetyJobs(coreDeps, log),
    maintenance,
    close: () => {
      maintenance.stop();
      safety.backups.stop();
      // A restore closes the file itself before the app relaunches.
      if (!db.open) return;
      try {
        // Lets SQLite refresh its statistics for the query planner, as its docs advise on close.
        db.pragma('optimize');
      } catch (e) {
        // A full or failing disk: the statistics wait for another day; the file must still close.
        log?.(e);
      }
      db.close();
    },
  };
}
