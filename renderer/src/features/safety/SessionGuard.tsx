import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionAccount } from '../../../../shared/api/channels/auth';
import { IDLE_MINUTES } from '../../../../shared/domain/safety';
import { api, unwrap } from '../../app/api';
import { SAFETY_KEYS } from './keys';
import { LockContext } from './LockButton';
import { LockScreen } from './LockScreen';
import { RecoveryKeyPage } from './RecoveryKeyPage';
import { useIdleLock } from './useIdleLock';
import { WeakKeyringPage } from './WeakKeyringPage';

/** How often a window asks main whether it was locked behind its back (screen lock, sleep). */
const STATUS_POLL_MS = 30_000;

/**
 * Around everything a signed-in person sees: the one-time recovery key page for the first
 * supervisor, the weak-keyring acceptance, and the idle lock over the (still mounted) app.
 */
export function SessionGuard({ account, children }: { account: SessionAccount; children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: [...SAFETY_KEYS.status, account.id],
    queryFn: () => unwrap(api().safety.status({})),
    refetchInterval: STATUS_POLL_MS,
    refetchOnWindowFocus: true,
  });
  const [locked, setLocked] = useState(false);
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: SAFETY_KEYS.status }), [queryClient]);

  // Main locked this window (the screen locked, the computer slept): show it at once.
  useEffect(() => {
    if (status.data?.locked) setLocked(true);
  }, [status.data?.locked]);
  useEffect(() => window.api.on('safety:locked', () => setLocked(true)), []);

  const lockNow = useCallback(() => {
    setLocked(true);
    void api().safety.lock({});
  }, []);
  useIdleLock(status.data?.idleMinutes ?? IDLE_MINUTES.default, !locked, lockNow);

  const unlocked = useCallback(() => {
    setLocked(false);
    void refresh();
  }, [refresh]);

  let content: ReactNode = children;
  if (status.data?.recoveryKeyPending) content = <RecoveryKeyPage onDone={refresh} />;
  else if (status.data?.blocked) content = <WeakKeyringPage account={account} status={status.data} onDone={refresh} />;
  return (
    <LockContext.Provider value={lockNow}>
      {/* Hidden, not unmounted: forms keep what was typed, and nothing shows around or below the lock card. */}
      <div style={{ visibility: locked ? 'hidden' : undefined }} data-testid="app-content">
        {content}
      </div>
      <LockScreen open={locked} name={account.displayName} onUnlocked={unlocked} />
    </LockContext.Provider>
  );
}
