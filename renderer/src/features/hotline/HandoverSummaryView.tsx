import { Box, Chip, Grid, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { HandoverSummary } from '../../../../shared/domain/hotline';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime, formatTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { useRefNames } from './queries';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, textAlign: 'center' }}>
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h2" component="p" data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}

/** What a handover says: the shift's calls by kind, and what the next shift must pick up. */
export function HandoverSummaryView({ summary: s }: { summary: HandoverSummary }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const name = useRefNames();
  return (
    <Box>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {s.shiftId === null ? t('handover.wholeDay') : name(s.shiftId)} · {formatDateForLang(new Date(s.windowStart), lang, 'short')} {formatTime(s.windowStart)}–{formatTime(s.windowEnd)}
      </Typography>
      <Grid container spacing={1} sx={{ mb: 2 }}>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t('handover.totalCalls')} value={s.totalCalls} testId="handover-total" />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t('kind.service')} value={s.serviceCalls} testId="handover-service" />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t('kind.nonService')} value={s.nonServiceCalls} testId="handover-non-service" />
        </Grid>
        {s.nonServiceByType.map((c) => (
          <Grid key={c.typeId} size={{ xs: 6, md: 1.5 }}>
            <Figure label={name(c.typeId)} value={c.count} testId={`handover-type-${c.typeId}`} />
          </Grid>
        ))}
      </Grid>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Typography variant="h3" component="h3">
            {t('handover.openFollowUps')} <Chip size="small" label={s.openFollowUps.length} />
          </Typography>
          <List dense>
            {s.openFollowUps.map((f) => (
              <ListItem key={f.id} disableGutters>
                <ListItemText primary={`${formatDateTime(f.dueAt, lang)} · ${f.ownerName}`} secondary={`#${f.callId} ${f.phoneMasked} ${f.note}`} />
              </ListItem>
            ))}
          </List>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Typography variant="h3" component="h3">
            {t('handover.pendingReferrals')} <Chip size="small" label={s.pendingReferrals.length} />
          </Typography>
          <List dense>
            {s.pendingReferrals.map((r) => (
              <ListItem key={r.id} disableGutters>
                <ListItemText primary={name(r.unitId)} secondary={`#${r.callId} ${formatDateForLang(r.referredOn, lang, 'short')} ${r.contactPerson}`} />
              </ListItem>
            ))}
          </List>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Typography variant="h3" component="h3">
            {t('handover.flaggedCalls')} <Chip size="small" label={s.flaggedCalls.length} />
          </Typography>
          <List dense>
            {s.flaggedCalls.map((c) => (
              <ListItem key={c.id} disableGutters>
                <ListItemText primary={`#${c.id} ${formatDateTime(c.startedAt, lang)} · ${c.flagIds.map((id) => name(id)).join('、')}`} secondary={c.actions.join('；')} />
              </ListItem>
            ))}
          </List>
        </Grid>
      </Grid>
    </Box>
  );
}
