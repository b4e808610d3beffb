import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StatsSection } from '../../../../shared/api/channels/stats';
import { textOf, type Text } from '../../../../shared/domain/reportTable';
import type { Period } from '../../../../shared/domain/statsPeriod';
import { api, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';

export const STATS_KEY = ['stats'] as const;

/** One part of the statistics; figures are computed in main from the records on every ask. */
export function useStatsSection(period: Period, section: StatsSection, enabled = true) {
  return useQuery({
    queryKey: [...STATS_KEY, section, period],
    queryFn: () => unwrap(api().stats.section({ period, section })),
    enabled,
    // Records change all day; a statistic older than a minute is refreshed when looked at again.
    staleTime: 60_000,
  });
}

/** Language-neutral texts of a table (keys, reference names, data) in the interface language. */
export function useTextOf(): (text: Text) => string {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : currentLang();
  return useCallback((text: Text) => textOf(text, lang, (key, params) => t(key, params ?? {})), [lang, t]);
}
