import { useQuery } from '@tanstack/react-query';
import { refName, type RefItem } from '../../../../shared/domain/reference';
import { api, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useReference } from '../reference/useReference';

/** Every hotline query key starts here, so one invalidation refreshes counters, lists and details. */
export const HOTLINE_KEY = ['hotline'] as const;
export const hotlineKey = (...rest: unknown[]) => [...HOTLINE_KEY, ...rest];

export function useOverview() {
  return useQuery({ queryKey: hotlineKey('overview'), queryFn: () => unwrap(api().hotline.overview({})), refetchInterval: 60_000 });
}

export function useStaff() {
  return useQuery({ queryKey: hotlineKey('staff'), queryFn: () => unwrap(api().hotline.staff({})), staleTime: 5 * 60_000 });
}

export function useSettings() {
  return useQuery({ queryKey: hotlineKey('settings'), queryFn: () => unwrap(api().hotline.settings({})) });
}

/** Reference id → name in the UI language; retired entries still resolve (old records point at them). */
export function useRefNames(): (id: number | null | undefined) => string {
  const { data } = useReference();
  const { lang } = useLanguage();
  const byId = new Map<number, RefItem>();
  for (const list of Object.values(data ?? {})) for (const item of list) byId.set(item.id, item);
  return (id) => {
    if (id === null || id === undefined) return '';
    const item = byId.get(id);
    return item ? refName(item, lang) : `#${id}`;
  };
}
