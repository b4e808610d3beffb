import { Chip, Stack, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { EnrolmentStatus } from '../../../../shared/domain/lectures';
import type { PersonFlags } from '../../../../shared/api/channels/lecturesTypes';
import { refName } from '../../../../shared/domain/reference';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { weekdayOf } from '../../../../shared/domain/lectureSeries';
import { useLanguage } from '../../app/language';
import { useReference } from '../reference/useReference';

const STATUS_COLOR: Record<EnrolmentStatus, ChipProps['color']> = {
  scheduled: 'default',
  notified: 'info',
  leaveRequested: 'warning',
  toReschedule: 'warning',
  checkedIn: 'success',
  completed: 'success',
  transferredSession: 'secondary',
  transferredCity: 'secondary',
  noShow: 'error',
  renotified: 'error',
  returned: 'error',
};

export function StatusChip({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation('lectures');
  return <Chip size="small" color={STATUS_COLOR[status]} variant={status === 'completed' ? 'filled' : 'outlined'} label={t(`status.${status}`)} data-status={status} />;
}

/** The attention flags of a person (repeat offender, minor, needs interpreter) as small chips. */
export function FlagChips({ flags, late, leftEarly }: { flags: PersonFlags; late?: boolean; leftEarly?: boolean }) {
  const { t } = useTranslation('lectures');
  return (
    <Stack direction="row" spacing={0.5} component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap' }}>
      {flags.minor && <Chip size="small" color="warning" label={t('flags.minor')} />}
      {flags.repeatOffender && <Chip size="small" color="secondary" label={t('flags.repeatOffender')} />}
      {flags.needsInterpreter && (
        <Chip size="small" color="info" label={flags.interpreterLanguage ? t('flags.interpreterIn', { language: flags.interpreterLanguage }) : t('flags.needsInterpreter')} />
      )}
      {late && <Chip size="small" color="warning" variant="outlined" label={t('flags.late')} />}
      {leftEarly && <Chip size="small" color="warning" variant="outlined" label={t('flags.leftEarly')} />}
    </Stack>
  );
}

export function useVenueName() {
  const { data } = useReference();
  const { lang } = useLanguage();
  return (id: number | null): string => {
    const v = id === null ? undefined : data?.venue.find((x) => x.id === id);
    return v ? refName(v, lang) : '';
  };
}

export function useRefName() {
  const { data } = useReference();
  const { lang } = useLanguage();
  return (id: number): string => {
    for (const items of Object.values(data ?? {})) {
      const hit = items.find((x) => x.id === id);
      if (hit) return refName(hit, lang);
    }
    return '';
  };
}

/** 114/03/08（六） or 2025-03-08 (Sat) */
export function useDayLabel() {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  return (date: string): string => {
    const w = t(`weekdayShort.${weekdayOf(date)}`);
    return lang === 'zh-TW' ? `${formatDateForLang(date, lang, 'short')}（${w}）` : `${formatDateForLang(date, lang, 'short')} (${w})`;
  };
}
