import { Box, Button, Chip, List, ListItem, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiveCounts, LookupResult, LookupRow, RosterRow } from '../../../../shared/api/channels/lecturesTypes';
import { formatTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { LECTURES_KEY } from './hooks';
import { FlagChips, StatusChip, useDayLabel } from './labels';

export function CheckInCounts({ counts }: { counts: LiveCounts }) {
  const { t } = useTranslation('lectures');
  const items: [keyof LiveCounts, 'default' | 'success' | 'warning' | 'error'][] = [
    ['due', 'default'],
    ['checkedIn', 'success'],
    ['onLeave', 'warning'],
    ['missing', 'error'],
    ['late', 'warning'],
  ];
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 2 }} data-testid="live-counts">
      {items.map(([k, color]) => (
        <Paper key={k} variant="outlined" sx={{ px: 3, py: 1.5, minWidth: 120, borderColor: color === 'default' ? undefined : `${color}.main` }}>
          <Typography variant="body2" color="text.secondary">
            {t(`checkin.count.${k}`)}
          </Typography>
          <Typography variant="h2" component="p" data-testid={`live-${k}`}>
            {counts[k]}
          </Typography>
        </Paper>
      ))}
    </Stack>
  );
}

/** The matches of the search field; the highlighted one is what Enter acts on. */
export function CheckInResults({ result, active, mode, onPick, onAct }: { result: LookupResult; active: number; mode: 'in' | 'out'; onPick(i: number): void; onAct(row: LookupRow): void }) {
  const { t } = useTranslation('lectures');
  const dayLabel = useDayLabel();
  if (result.rows.length === 0) return <Typography sx={{ mt: 2 }} color="text.secondary">{t('checkin.noMatch')}</Typography>;
  const hint = (r: LookupRow) =>
    r.action === 'checkIn' && mode === 'in'
      ? t('checkin.enterToCheckIn')
      : r.action === 'transferIn' && mode === 'in'
        ? t('checkin.enterToTransfer', { date: dayLabel(r.sessionDate) })
        : r.action === 'alreadyIn'
          ? mode === 'out'
            ? t('checkin.enterToSignOut')
            : t('checkin.alreadyAt', { time: r.checkedInAt ? formatTime(r.checkedInAt) : '' })
          : t('checkin.cannot');
  return (
    <List data-testid="checkin-results" sx={{ mt: 1 }}>
      {result.rows.map((r, i) => (
        <ListItem key={r.enrolmentId} disablePadding>
          <ListItemButton
            selected={i === active}
            onMouseEnter={() => onPick(i)}
            onClick={() => onAct(r)}
            data-testid="checkin-result"
            data-action={r.action}
            sx={{ borderLeft: 4, borderColor: i === active ? 'primary.main' : 'transparent' }}
          >
            <ListItemText
              primary={
                <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography component="span" variant="h3">
                    {r.name}
                  </Typography>
                  <FlagChips flags={r} late={r.late} />
                </Box>
              }
              secondary={[r.maskedId, r.phone, r.action === 'transferIn' ? t('checkin.bookedFor', { date: dayLabel(r.sessionDate), time: r.startTime }) : ''].filter(Boolean).join(' · ')}
            />
            <Stack spacing={0.5} sx={{ alignItems: 'flex-end' }}>
              <StatusChip status={r.status} />
              <Typography variant="caption" color={r.action === 'transferIn' ? 'warning.main' : 'text.secondary'}>
                {hint(r)}
              </Typography>
            </Stack>
          </ListItemButton>
        </ListItem>
      ))}
      {result.capped && (
        <Typography component="li" variant="body2" color="warning.main" sx={{ listStyle: 'none', mt: 1 }} data-testid="checkin-capped">
          {t('checkin.capped', { count: result.rows.length })}
        </Typography>
      )}
    </List>
  );
}

/** The latest check-ins, each with sign-out and undo (a wrong row or a double scan). */
export function RecentCheckIns({ sessionId, rows, onChanged }: { sessionId: number; rows: RosterRow[]; onChanged(): void }) {
  const { t } = useTranslation('lectures');
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: ({ id, what }: { id: number; what: 'undo' | 'out' }) =>
      unwrap(what === 'undo' ? api().lectures.undoCheckIn({ sessionId, enrolmentId: id }) : api().lectures.signOut({ sessionId, enrolmentId: id })),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: LECTURES_KEY });
      onChanged();
    },
  });
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h3" component="h2">
        {t('checkin.recent')}
      </Typography>
      <List dense data-testid="recent-checkins">
        {rows.map((r) => (
          <ListItem
            key={r.enrolmentId}
            disableGutters
            secondaryAction={
              r.status === 'checkedIn' && (
                <Stack direction="row" spacing={0.5}>
                  {!r.signedOutAt && (
                    <Button size="small" tabIndex={-1} onClick={() => change.mutate({ id: r.enrolmentId, what: 'out' })}>
                      {t('checkin.signOut')}
                    </Button>
                  )}
                  <Button size="small" color="inherit" tabIndex={-1} onClick={() => change.mutate({ id: r.enrolmentId, what: 'undo' })}>
                    {t('checkin.undo')}
                  </Button>
                </Stack>
              )
            }
          >
            <ListItemText
              primary={
                <>
                  {r.name} {r.late && <Chip size="small" color="warning" variant="outlined" label={t('flags.late')} />}
                  {r.leftEarly && <Chip size="small" color="warning" variant="outlined" label={t('flags.leftEarly')} />}
                </>
              }
              secondary={`${r.checkedInAt ? formatTime(r.checkedInAt) : ''}${r.signedOutAt ? ` – ${formatTime(r.signedOutAt)}` : ''}`}
            />
          </ListItem>
        ))}
        {rows.length === 0 && <Typography variant="body2" color="text.secondary">{t('checkin.noneYet')}</Typography>}
      </List>
    </Paper>
  );
}
