import { useEffect, useState } from 'react';
import { Box, Button, Chip, Grid, List, ListItemButton, ListItemText, Paper, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../shared/domain/lectureSeries';
import { addDays, taipeiDateKey } from '../../../../shared/lib/time';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useSessions } from './hooks';
import { useDayLabel, useVenueName } from './labels';
import { SessionCalendar } from './SessionCalendar';
import { SessionFormDialog } from './SessionFormDialog';
import { SessionDetail } from './SessionDetail';

// The chosen session survives a reload (the page is the coordinator's workbench all day).
const SELECTED_KEY = 'lectures.selectedSession';

/** 講習場次: calendar, upcoming sessions with booked/capacity, and the chosen session's workbench. */
export default function SessionsPage() {
  const { t } = useTranslation('lectures');
  const today = taipeiDateKey(new Date());
  const [month, setMonth] = useState(`${today.slice(0, 7)}-01`);
  const [selected, setSelected] = useState<number | null>(() => Number(sessionStorage.getItem(SELECTED_KEY)) || null);
  const [creating, setCreating] = useState<string | null>(null);
  const monthEnd = addDays(addMonths(month, 1), -1);
  const upcomingEnd = addDays(today, 60);
  const monthSessions = useSessions(month, monthEnd);
  const upcoming = useSessions(today, upcomingEnd);
  const dayLabel = useDayLabel();
  const venueName = useVenueName();

  useEffect(() => {
    if (selected) sessionStorage.setItem(SELECTED_KEY, String(selected));
  }, [selected]);

  return (
    <Box>
      <PageHeader
        title={t('sessions.title')}
        subtitle={t('sessions.subtitle')}
        actions={
          <>
            <ExportButton kind="lectures.sessions" params={{ from: month, to: monthEnd }} label={t('exports.button.month')} size="medium" variant="text" testId="sessions-export" />
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(today)} data-testid="session-new">
              {t('sessions.new')}
            </Button>
          </>
        }
      />
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <SessionCalendar
            month={month}
            sessions={monthSessions.data ?? []}
            today={today}
            selectedId={selected}
            onMonth={setMonth}
            onSelect={setSelected}
            onNewOn={setCreating}
          />
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Box sx={{ display: 'flex', alignItems: 'center' }}>
              <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
                {t('sessions.upcoming')}
              </Typography>
              <ExportButton kind="lectures.sessions" params={{ from: today, to: upcomingEnd }} label={t('exports.button.upcoming')} variant="text" testId="upcoming-export" />
            </Box>
            <List dense data-testid="upcoming-sessions">
              {(upcoming.data ?? []).map((s) => (
                <ListItemButton key={s.id} selected={s.id === selected} onClick={() => setSelected(s.id)} data-testid="upcoming-session">
                  <ListItemText
                    primary={`${dayLabel(s.date)} ${s.startTime}–${s.endTime} · ${t(`kind.${s.kind}`)}`}
                    secondary={venueName(s.venueId)}
                    sx={{ textDecoration: s.cancelled ? 'line-through' : undefined }}
                  />
                  {s.cancelled ? (
                    <Chip size="small" label={t('sessions.cancelled')} />
                  ) : (
                    <Chip size="small" color={s.booked >= s.capacity ? 'error' : 'default'} label={t('sessions.bookedOf', { booked: s.booked, capacity: s.capacity })} />
                  )}
                </ListItemButton>
              ))}
              {upcoming.data?.length === 0 && <Typography color="text.secondary">{t('sessions.noneUpcoming')}</Typography>}
            </List>
          </Paper>
        </Grid>
      </Grid>
      {selected !== null && <SessionDetail sessionId={selected} onGone={() => setSelected(null)} />}
      {creating !== null && (
        <SessionFormDialog
          session={null}
          initialDate={creating}
          onClose={() => setCreating(null)}
          onSaved={(id) => {
            setCreating(null);
            setSelected(id);
          }}
        />
      )}
    </Box>
  );
}
