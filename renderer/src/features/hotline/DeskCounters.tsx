import { Grid, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav';
import { useOverview, useRefNames } from './queries';

function Counter({ label, value, color, testId, onClick }: { label: string; value: number | undefined; color?: 'error' | 'warning'; testId: string; onClick(): void }) {
  return (
    <Paper
      variant="outlined"
      component="button"
      onClick={onClick}
      sx={{ p: 1.5, width: '100%', textAlign: 'left', cursor: 'pointer', font: 'inherit', bgcolor: 'background.paper', borderColor: value && color ? `${color}.main` : undefined }}
    >
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h2" component="p" color={value && color ? color : undefined} data-testid={testId}>
        {value ?? '–'}
      </Typography>
    </Paper>
  );
}

/** The shift's figures at a glance: calls so far, follow-ups due and overdue, referrals waiting. */
export function DeskCounters() {
  const { t } = useTranslation('hotline');
  const { go } = useNav();
  const name = useRefNames();
  const o = useOverview().data;
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 0.5 }}>
        {o ? t('desk.shiftCounters', { shift: o.shiftId === null ? t('handover.wholeDay') : name(o.shiftId) }) : ''}
      </Typography>
      <Grid container spacing={1} sx={{ mb: 2 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Counter label={t('desk.callsThisShift')} value={o?.callsThisShift} testId="count-calls" onClick={() => go('hotline-calls')} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Counter label={t('desk.followUpsDue')} value={o?.followUpsDue} color="warning" testId="count-due" onClick={() => go('hotline-followups')} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Counter label={t('desk.followUpsOverdue')} value={o?.followUpsOverdue} color="error" testId="count-overdue" onClick={() => go('hotline-followups')} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Counter label={t('desk.pendingReferrals')} value={o?.pendingReferrals} color="warning" testId="count-referrals" onClick={() => go('hotline-followups')} />
        </Grid>
      </Grid>
    </>
  );
}
