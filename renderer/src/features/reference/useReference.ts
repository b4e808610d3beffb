import { useQuery } from '@tanstack/react-query';
import type { RefItem, RefKind } from '../../../../shared/domain/reference';
import { api, unwrap } from '../../app/api';

export const REFERENCE_KEY = ['reference'] as const;

/** All reference lists, cached; every feature reads its pick-lists from here, never from constants. */
export function useReference() {
  return useQuery({ queryKey: REFERENCE_KEY, queryFn: () => unwrap(api().reference.all({})) });
}

/** The active (not retired) entries of one kind, in the supervisor's order. */
export function useActiveRef(kind: RefKind): RefItem[] {
  const { data } = useReference();
  return (data?.[kind] ?? []).filter((i) => !i.retired);
}
