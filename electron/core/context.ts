import type { Db } from './db/open';
import type { Role } from '../../shared/domain/roles';
import type { Preferences } from '../../shared/api/channels/prefs';
import type { PrintHost } from './print/host';

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
