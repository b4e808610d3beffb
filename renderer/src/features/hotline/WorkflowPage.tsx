import { useState } from 'react';
import { Box, Button, MenuItem, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../shared/domain/hotline';
import { api, unwrap } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { CallDetailDialog } from './CallDetailDialog';
import { FollowUpList } from './FollowUpList';
import { hotlineKey } from './queries';
import { ReferralItem } from './ReferralsPanel';
import { ShortcutHelp } from './ShortcutHelp';
import { useHotlineKeys } from './useHotlineKeys';

function ReferralList({ onOpenCall }: { onOpenCall(id: number): void }) {
  const { t } = useTranslation('hotline');
  const [status, setStatus] = useState<ReferralStatus | ''>('pending');
  const list = useQuery({
    queryKey: hotlineKey('referrals', status),
    queryFn: () => unwrap(api().hotline.referrals(status ? { status } : {})),
  });
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <TextField select label={t('referrals.statusLabel')} value={status} onChange={(e) => setStatus(e.target.value as ReferralStatus | '')} sx={{ width: 240 }}>
          <MenuItem value="">{t('calls.any')}</MenuItem>
          {REFERRAL_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`referrals.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        <ExportButton kind="hotline.referrals" params={status ? { status } : {}} testId="referrals-export" />
      </Box>
      {(list.data ?? []).length === 0 && <Typography color="text.secondary">{t('referrals.none')}</Typography>}
      <Stack spacing={1}>
        {(list.data ?? []).map((r) => (
          <Box key={r.id} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1 }}>
              <ReferralItem referral={r} callLabel={`#${r.callId} ${r.phoneMasked}`} />
            </Box>
            <Button onClick={() => onOpenCall(r.callId)} sx={{ mt: 1, whiteSpace: 'nowrap' }}>
              {t('referrals.openCall', { id: r.callId })}
            </Button>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}

/** 追蹤與轉介: what the shift must pick up — follow-ups (bulk done) and referrals by status. */
export default function WorkflowPage() {
  const { t } = useTranslation('hotline');
  const [tab, setTab] = useState<'followUps' | 'referrals'>('followUps');
  const [openCall, setOpenCall] = useState<number | null>(null);
  const keys = useHotlineKeys();
  return (
    <Box>
      <PageHeader title={t('workflow.title')} subtitle={t('workflow.subtitle')} />
      <Tabs value={tab} onChange={(_e, v: 'followUps' | 'referrals') => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="followUps" label={t('followUps.title')} />
        <Tab value="referrals" label={t('referrals.title')} />
      </Tabs>
      {tab === 'followUps' ? <FollowUpList onOpenCall={setOpenCall} /> : <ReferralList onOpenCall={setOpenCall} />}
      {openCall !== null && <CallDetailDialog callId={openCall} onClose={() => setOpenCall(null)} onOpenCall={setOpenCall} />}
      {keys.help && <ShortcutHelp onClose={keys.closeHelp} />}
    </Box>
  );
}
