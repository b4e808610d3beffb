import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';

/** Query keys of this feature; every change invalidates the whole 'lectures' family. */
export const LECTURES_KEY = ['lectures'] as const;

export function useSessions(from: string, to: string) {
  return useQuery({ queryKey: [...LECTURES_KEY, 'sessions', from, to], queryFn: () => unwrap(api().lectures.listSessions({ from, to })) });
}

export function useSessionDetail(id: number | null) {
  return useQuery({
    queryKey: [...LECTURES_KEY, 'session', id],
    queryFn: () => unwrap(api().lectures.getSession({ id: id ?? 0 })),
    enabled: id !== null,
  });
}

export function useRefreshLectures() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: LECTURES_KEY });
}

/** Today on the Taipei calendar, as 'YYYY-MM-DD'. */
export { taipeiDateKey } from '../../../../shared/lib/time';
