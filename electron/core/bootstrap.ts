import path from 'node:path';
import type { CoreDeps } from './context';
import { openDatabase, type Db } from './db/open';
import { createDispatcher, type Dispatcher } from './dispatch';
import { seedReferenceData } from './reference/seed';

/** Where the app's own files sit, relative to the project (or packaged app) root. */
export const APP_PATHS = {
  migrations: 'electron/core/db/migrations',
  referenceSeed: 'resources/seed/reference.json',
  printFont: 'node_modules/@fontsource/noto-sans-tc',
} as const;

export interface StartOptions extends Omit<CoreDeps, 'db' | 'fontDir'> {
  dbFile: string;
  /** the project root in development and tests, app.getAppPath() when packaged */
  appRoot: string;
  log?: (e: unknown) => void;
}

export interface Core {
  db: Db;
  dispatcher: Dispatcher;
  close(): void;
}

/** Opens (creating and migrating) the database, fills reference data, builds the dispatch table. */
export function startCore(options: StartOptions): Core {
  const { db } = openDatabase(options.dbFile, { migrationsDir: path.join(options.appRoot, APP_PATHS.migrations) });
  try {
    seedReferenceData(db, path.join(options.appRoot, APP_PATHS.referenceSeed), options.clock().toISOString());
  } catch (e) {
    db.close();
    throw e;
  }
  const { dbFile: _dbFile, appRoot, log, ...deps } = options;
  const dispatcher = createDispatcher({ ...deps, db, fontDir: path.join(appRoot, APP_PATHS.printFont) }, log);
  return {
    db,
    dispatcher,
    close: () => {
      // Lets SQLite refresh its statistics for the query planner, as its docs advise on close.
      db.pragma('optimize');
      db.close();
    },
  };
}
