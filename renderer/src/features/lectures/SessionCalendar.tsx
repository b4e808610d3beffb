import { Box, Button, IconButton, Paper, Tooltip, Typography } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/api/channels/lecturesTypes';
import { addMonths, weekdayOf } from '../../../../shared/domain/lectureSeries';
import { daysInMonth, rocYear } from '../../../../shared/lib/calendar';
import { addDays } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';

interface Props {
  /** first day of the month shown, 'YYYY-MM-01' */
  month: string;
  sessions: SessionSummary[];
  today: string;
  selectedId: number | null;
  onMonth(month: string): void;
  onSelect(id: number): void;
  onNewOn(date: string): void;
}

/** A month of sessions; a day without one offers to create one there. */
export function SessionCalendar({ month, sessions, today, selectedId, onMonth, onSelect, onNewOn }: Props) {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  const year = Number(month.slice(0, 4));
  const mon = Number(month.slice(5, 7));
  const lead = weekdayOf(month);
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 0; d < daysInMonth(year, mon); d++) cells.push(addDays(month, d));
  const title = lang === 'zh-TW' ? t('calendar.titleRoc', { year: rocYear(year), month: mon }) : t('calendar.title', { year, month: mon });
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <IconButton aria-label={t('calendar.prev')} onClick={() => onMonth(addMonths(month, -1))}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography variant="h3" component="h2" sx={{ flex: 1, textAlign: 'center' }} data-testid="calendar-title">
          {title}
        </Typography>
        <IconButton aria-label={t('calendar.next')} onClick={() => onMonth(addMonths(month, 1))}>
          <ChevronRightIcon />
        </IconButton>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5 }}>
        {[0, 1, 2, 3, 4, 5, 6].map((d) => (
          <Typography key={d} variant="caption" sx={{ textAlign: 'center', color: d === 0 || d === 6 ? 'error.main' : 'text.secondary' }}>
            {t(`weekdayShort.${d}`)}
          </Typography>
        ))}
        {cells.map((date, i) => {
          if (!date) return <Box key={`blank-${i}`} />;
          const day = sessions.filter((s) => s.date === date);
          return (
            <Box
              key={date}
              sx={{ minHeight: 64, border: 1, borderColor: date === today ? 'primary.main' : 'divider', borderRadius: 1, p: 0.5, bgcolor: date === today ? 'action.hover' : undefined }}
            >
              <Tooltip title={t('calendar.newOn')}>
                <Button size="small" sx={{ minWidth: 0, p: 0, fontWeight: 700 }} onClick={() => onNewOn(date)}>
                  {Number(date.slice(8))}
                </Button>
              </Tooltip>
              {day.map((s) => (
                <Button
                  key={s.id}
                  size="small"
                  fullWidth
                  variant={s.id === selectedId ? 'contained' : 'outlined'}
                  color={s.cancelled ? 'inherit' : s.kind === 'repeatGroup' ? 'secondary' : 'primary'}
                  onClick={() => onSelect(s.id)}
                  sx={{ display: 'block', p: '0 4px', mb: 0.25, fontSize: 11, textDecoration: s.cancelled ? 'line-through' : undefined }}
                  data-testid="calendar-session"
                >
                  {s.startTime} {s.booked}/{s.capacity}
                </Button>
              ))}
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}
