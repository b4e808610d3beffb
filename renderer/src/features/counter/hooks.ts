import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../../../shared/api/common';
import type { TopicDetail } from '../../../../shared/api/channels/counter';
import type { TopicContent, TopicStatus } from '../../../../shared/domain/counter';
import { api, unwrap } from '../../app/api';

export const COUNTER_KEY = ['counter'] as const;

export function useTopicSearch(query: string, scope: 'published' | 'all' = 'published') {
  return useQuery({
    queryKey: [...COUNTER_KEY, 'search', scope, query],
    queryFn: () => unwrap(api().counter.searchTopics({ query, scope })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export const topicQuery = (id: number) => ({
  queryKey: [...COUNTER_KEY, 'topic', id],
  queryFn: () => unwrap(api().counter.getTopic({ id })),
  staleTime: 0,
});

export function useTopic(id: number | null) {
  return useQuery({ ...topicQuery(id ?? 0), enabled: id !== null });
}

export function useTopicHistory(id: number | null) {
  return useQuery({
    queryKey: [...COUNTER_KEY, 'history', id],
    queryFn: () => unwrap(api().counter.topicHistory({ id: id ?? 0 })),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useDayVisits(date: string | undefined) {
  return useQuery({
    queryKey: [...COUNTER_KEY, 'visits', date ?? 'today'],
    queryFn: () => unwrap(api().counter.visitsOn(date ? { date } : {})),
    staleTime: 0,
  });
}

/** How many topics the FAQ screen ranks (and its export writes). */
export const FAQ_LIMIT = 30;

export function useFaq(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: [...COUNTER_KEY, 'faq', period?.from, period?.to],
    queryFn: () => unwrap(api().counter.faq({ from: period?.from ?? '', to: period?.to ?? '', limit: FAQ_LIMIT })),
    enabled: period !== null,
    staleTime: 0,
  });
}

/** After any change, every counter list (search ranking, FAQ, today) may have moved. */
export function useInvalidateCounter() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: COUNTER_KEY });
}

export function usePresent() {
  return useMutation({ mutationFn: (p: { topicId: number | null; lang: Lang }) => unwrap(api().counter.present(p)) });
}

export type TopicSave = { id: number | null; expectedRevision: number } & TopicContent;

export function useSaveTopic(onSaved: (t: TopicDetail) => void) {
  const invalidate = useInvalidateCounter();
  return useMutation({
    mutationFn: ({ id, expectedRevision, ...content }: TopicSave) =>
      unwrap(id === null ? api().counter.createTopic(content) : api().counter.updateTopic({ id, expectedRevision, ...content })),
    onSuccess: (t) => {
      onSaved(t);
      void invalidate();
    },
  });
}

export function useSetTopicStatus(onDone: (t: TopicDetail) => void) {
  const invalidate = useInvalidateCounter();
  return useMutation({
    mutationFn: (p: { id: number; expectedRevision: number; status: TopicStatus }) => unwrap(api().counter.setTopicStatus(p)),
    onSuccess: (t) => {
      onDone(t);
      void invalidate();
    },
  });
}

export type HotkeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

/**
 * Window-wide function keys for the desk. Function keys are never typed into a field, so
 * they work wherever the focus is (a scanner or a half-typed search keeps its text).
 */
export function useHotkeys(map: HotkeyMap, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const handler = map[e.key];
      if (!handler || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map, enabled]);
}
