import { useEffect, useState, type KeyboardEvent } from 'react';
import { Box, Button, IconButton, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, formatPeriod, formatPeriodDays, periodDays, periodProblem, shiftPeriod, type Period, type PeriodKind } from '../../../../shared/domain/statsPeriod';
import { formatDateForLang, parseDateInput } from '../../../../shared/lib/rocDate';
import { currentLang } from '../../app/i18n';

interface Props {
  value: Period;
  onChange(period: Period): void;
  /** today's Taipei date, for the year list */
  today: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The same days seen as another kind of period: a month becomes its quarter, its year, or a custom range. */
export function convertPeriod(p: Period, kind: PeriodKind): Period {
  const { from, to } = periodDays(p);
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: Math.floor((month - 1) / 3) + 1 };
    case 'year':
      return { kind, year };
    case 'custom':
      return { kind, from, to };
  }
}

function monthName(month: number, lang: 'zh-TW' | 'en'): string {
  // The locale's own month names (三月 / March), not a list of ours.
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** Month, quarter, year or custom range; the choice is shown in ROC dates in zh-TW. */
export function PeriodPicker({ value, onChange, today }: Props) {
  const { t } = useTranslation('stats');
  const lang = currentLang();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
  const shown = (date: string) => formatDateForLang(date, lang, 'short');
  const [fromText, setFromText] = useState(value.kind === 'custom' ? shown(value.from) : '');
  const [toText, setToText] = useState(value.kind === 'custom' ? shown(value.to) : '');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  useEffect(() => {
    if (value.kind !== 'custom') return;
    setFromText(formatDateForLang(value.from, lang, 'short'));
    setToText(formatDateForLang(value.to, lang, 'short'));
  }, [value, lang]);

  const applyCustom = () => {
    const from = parseDateInput(fromText);
    const to = parseDateInput(toText);
    const next: { from?: string; to?: string } = {};
    if (!from.ok) next.from = t('errors.date');
    if (!to.ok) next.to = t('errors.date');
    if (from.ok && to.ok) {
      const period: Period = { kind: 'custom', from: from.date, to: to.date };
      const problem = periodProblem(period);
      if (problem) next[problem.field] = t(problem.messageKey);
      else onChange(period);
    }
    setErrors(next);
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') applyCustom();
  };
  const helper = (text: string, error: string | undefined) => {
    if (error) return error;
    const parsed = parseDateInput(text);
    return parsed.ok ? formatDateForLang(parsed.date, lang, 'long') : t('period.dateHint');
  };

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }} role="group" aria-label={t('period.label')}>
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        value={value.kind}
        onChange={(_, kind: PeriodKind | null) => kind && onChange(convertPeriod(value, kind))}
        aria-label={t('period.label')}
      >
        {PERIOD_KINDS.map((k) => (
          <ToggleButton key={k} value={k} data-testid={`period-kind-${k}`} sx={{ px: 2 }}>
            {t(`period.kind.${k}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>

      {value.kind !== 'custom' && (
        <TextField
          select
          label={t('period.year')}
          value={value.year}
          onChange={(e) => onChange({ ...value, year: Number(e.target.value) })}
          sx={{ width: 150 }}
          slotProps={{ htmlInput: { 'data-testid': 'period-year' } }}
        >
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {formatPeriod({ kind: 'year', year: y }, lang)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {value.kind === 'month' && (
        <TextField
          select
          label={t('period.month')}
          value={value.month}
          onChange={(e) => onChange({ ...value, month: Number(e.target.value) })}
          sx={{ width: 130 }}
          slotProps={{ htmlInput: { 'data-testid': 'period-month' } }}
        >
          {MONTHS.map((m) => (
            <MenuItem key={m} value={m}>
              {monthName(m, lang)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {value.kind === 'quarter' && (
        <TextField select label={t('period.quarter')} value={value.quarter} onChange={(e) => onChange({ ...value, quarter: Number(e.target.value) })} sx={{ width: 130 }}>
          {[1, 2, 3, 4].map((q) => (
            <MenuItem key={q} value={q}>
              {t('period.quarterN', { n: q })}
            </MenuItem>
          ))}
        </TextField>
      )}
      {value.kind === 'custom' && (
        <>
          <TextField
            label={t('period.from')}
            value={fromText}
            onChange={(e) => setFromText(e.target.value)}
            onKeyDown={onEnter}
            error={Boolean(errors.from)}
            helperText={helper(fromText, errors.from)}
            sx={{ width: 190 }}
            slotProps={{ htmlInput: { 'data-testid': 'period-from', inputMode: 'numeric' } }}
          />
          <TextField
            label={t('period.to')}
            value={toText}
            onChange={(e) => setToText(e.target.value)}
            onKeyDown={onEnter}
            error={Boolean(errors.to)}
            helperText={helper(toText, errors.to)}
            sx={{ width: 190 }}
            slotProps={{ htmlInput: { 'data-testid': 'period-to', inputMode: 'numeric' } }}
          />
          <Button variant="contained" onClick={applyCustom} data-testid="period-apply" sx={{ mt: 0.25 }}>
            {t('period.apply')}
          </Button>
        </>
      )}

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, ml: { md: 'auto' } }}>
        <Tooltip title={`${t('period.prev')} (Alt+←)`}>
          <IconButton onClick={() => onChange(shiftPeriod(value, -1))} aria-label={t('period.prev')} data-testid="period-prev">
            <ChevronLeftIcon />
          </IconButton>
        </Tooltip>
        <Box sx={{ textAlign: 'center', minWidth: 220 }}>
          <Typography variant="h3" component="p" data-testid="period-label">
            {formatPeriod(value, lang)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {formatPeriodDays(value, lang)}
          </Typography>
        </Box>
        <Tooltip title={`${t('period.next')} (Alt+→)`}>
          <IconButton onClick={() => onChange(shiftPeriod(value, 1))} aria-label={t('period.next')} data-testid="period-next">
            <ChevronRightIcon />
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
}
