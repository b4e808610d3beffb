import type { Db } from './db/open';
import type { Role } from '../../shared/domain/roles';
import type { Preferences } from '../../shared/api/channels/prefs';
import type { PrintHost } from './print/host';
import type { SafetyRuntime } from './safety/runtime';

export type Clock = () => Date;

export interface PreferencesStore {
  get(): Preferences;
  set(patch: Partial<Preferences>): Preferences;
}

/** Everything a service may touch, passed in — never imported — so tests run it under plain Node. */
export interface CoreDeps {
  db: Db;
  clock: Clock;
  prefs: PreferencesStore;
  printHost: PrintHost;
  /** folder of the bundled print font (@fontsource/noto-sans-tc) */
  fontDir: string;
  /** waits before answering a repeated failed sign-in; injectable so tests need not wait */
  sleep: (ms: number) => Promise<void>;
  /** scrypt cost; lower only in tests */
  scryptCost?: number;
  /** writes exported files (XLSX, CSV) where the person chooses; absent where nothing can be saved */
  fileSaver?: FileSaver;
  /** extra windows only the app can open (the visitor-facing screen); absent where there are none */
  windows?: DeskWindows;
  /** the database file, its key, backup and restore hooks (electron/core/safety/runtime.ts) */
  safety: SafetyRuntime;
}

export interface FileFilter {
  /** shown in the save dialog, e.g. 'Excel' */
  name: string;
  /** without the dot */
  extensions: string[];
}

/** What the core needs to hand a finished file to the person: the app asks where (a dialog), tests write to a temp folder. */
export interface FileSaver {
  /** the path written, or null when the person cancels */
  saveFile(bytes: Uint8Array, suggestedName: string, filters: FileFilter[]): Promise<string | null>;
}

/** Windows the core may ask the host to open. */
export interface DeskWindows {
  /** opens (or brings back) the visitor-facing screen; false when the host cannot */
  openVisitorScreen(): Promise<boolean>;
}

export interface Actor {
  id: number;
  loginName: string;
  displayName: string;
  roles: Role[];
}

/** One signed-in window. The dispatch table keeps one per sender. */
export interface SessionSlot {
  accountId: number | null;
  /** idle lock (issue 7 §5): the window stays signed in but may only unlock or sign out */
  locked?: boolean;
}

export interface HandlerContext extends CoreDeps {
  /** null only on 'public' channels */
  actor: Actor | null;
  session: SessionSlot;
  now: () => string;
}

export function requireActor(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new Error('handler needs a signed-in actor but the channel is public');
  return ctx.actor;
}
