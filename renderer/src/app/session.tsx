import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AuthStatus, SessionAccount } from '../../../shared/api/channels/auth';
import { api, unwrap } from './api';

interface SessionValue {
  status: AuthStatus | null;
  account: SessionAccount | null;
  /** after setup, sign-in or a password change */
  setAccount(account: SessionAccount | null): void;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const queryClient = useQueryClient();

  const refresh = useCallback(async () => {
    setStatus(await unwrap(api().auth.status({})));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const setAccount = useCallback((account: SessionAccount | null) => {
    setStatus((s) => (s ? { ...s, needsSetup: false, account } : s));
  }, []);

  const signOut = useCallback(async () => {
    await api().auth.signOut({});
    // Nothing of the previous person's data may stay in memory for the next one.
    queryClient.clear();
    await refresh();
  }, [queryClient, refresh]);

  const value = useMemo(
    () => ({ status, account: status?.account ?? null, setAccount, signOut, refresh }),
    [status, setAccount, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
