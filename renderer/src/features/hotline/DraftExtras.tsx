import { Box, Button, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import type { DraftFollowUp, DraftPayload, DraftReferral } from '../../../../shared/domain/hotline';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import type { FormErrors } from './formErrors';
import { useStaff } from './queries';
import { RefSelect } from './RefFields';

interface Props {
  value: DraftPayload;
  onChange(update: (p: DraftPayload) => DraftPayload): void;
  errors: FormErrors;
}

/** Referrals and follow-ups decided during the call, saved together with it. */
export function DraftExtras({ value, onChange, errors }: Props) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const { account } = useSession();
  const staff = useStaff().data ?? [];
  const today = formatDateForLang(new Date(), lang, 'short');

  const setReferral = (i: number, patch: Partial<DraftReferral>) =>
    onChange((p) => ({ ...p, referrals: p.referrals.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const setFollowUp = (i: number, patch: Partial<DraftFollowUp>) =>
    onChange((p) => ({ ...p, followUps: p.followUps.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
          {t('referrals.title')}
        </Typography>
        {value.referrals.map((r, i) => (
          <Box key={i} data-testid="draft-referral" sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr 2fr auto', gap: 1, alignItems: 'start' }}>
            <RefSelect kind="referralUnit" label={t('referrals.unit')} value={r.unitId} onChange={(unitId) => setReferral(i, { unitId })} error={errors.message(`referrals.${i}.unitId`)} />
            <TextField label={t('referrals.contactPerson')} value={r.contactPerson} onChange={(e) => setReferral(i, { contactPerson: e.target.value })} {...errors.field(`referrals.${i}.contactPerson`)} />
            <TextField label={t('referrals.referredOn')} value={r.referredOn} onChange={(e) => setReferral(i, { referredOn: e.target.value })} {...errors.field(`referrals.${i}.referredOn`)} />
            <TextField label={t('referrals.note')} value={r.note} onChange={(e) => setReferral(i, { note: e.target.value })} {...errors.field(`referrals.${i}.note`)} />
            <Tooltip title={t('form.remove')}>
              <IconButton aria-label={t('form.remove')} onClick={() => onChange((p) => ({ ...p, referrals: p.referrals.filter((_, j) => j !== i) }))}>
                <DeleteIcon />
              </IconButton>
            </Tooltip>
          </Box>
        ))}
        <Button
          startIcon={<AddIcon />}
          onClick={() => onChange((p) => ({ ...p, referrals: [...p.referrals, { unitId: null, contactPerson: '', referredOn: today, note: '' }] }))}
        >
          {t('referrals.add')}
        </Button>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
          {t('followUps.title')}
        </Typography>
        {value.followUps.map((f, i) => (
          <Box key={i} data-testid="draft-follow-up" sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.5fr 2fr auto', gap: 1, alignItems: 'start' }}>
            <TextField label={t('followUps.dueDate')} value={f.dueDate} onChange={(e) => setFollowUp(i, { dueDate: e.target.value })} {...errors.field(`followUps.${i}.dueDate`)} />
            <TextField label={t('followUps.dueTime')} value={f.dueTime} onChange={(e) => setFollowUp(i, { dueTime: e.target.value })} {...errors.field(`followUps.${i}.dueTime`)} />
            <TextField
              select
              label={t('followUps.owner')}
              value={f.ownerId ?? ''}
              onChange={(e) => setFollowUp(i, { ownerId: e.target.value === '' ? null : Number(e.target.value) })}
              {...errors.field(`followUps.${i}.ownerId`)}
            >
              {staff.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.displayName}
                </MenuItem>
              ))}
            </TextField>
            <TextField label={t('followUps.note')} value={f.note} onChange={(e) => setFollowUp(i, { note: e.target.value })} {...errors.field(`followUps.${i}.note`)} />
            <Tooltip title={t('form.remove')}>
              <IconButton aria-label={t('form.remove')} onClick={() => onChange((p) => ({ ...p, followUps: p.followUps.filter((_, j) => j !== i) }))}>
                <DeleteIcon />
              </IconButton>
            </Tooltip>
          </Box>
        ))}
        <Button
          startIcon={<AddIcon />}
          onClick={() => onChange((p) => ({ ...p, followUps: [...p.followUps, { dueDate: today, dueTime: '', ownerId: account?.id ?? null, note: '' }] }))}
        >
          {t('followUps.add')}
        </Button>
      </Paper>
    </Stack>
  );
}
