import { useState } from 'react';
import { Box, Button, Chip, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralInput } from '../../../../shared/api/channels/hotline';
import { REFERRAL_TRANSITIONS, type Referral, type ReferralStatus } from '../../../../shared/domain/hotline';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { problemsOf, referralInput, type FormProblem } from './formConvert';
import { useFormErrors } from './formErrors';
import { HOTLINE_KEY, useRefNames } from './queries';
import { RefSelect } from './RefFields';
import { ErrorLines } from './ErrorLines';

const STATUS_COLOR = { pending: 'warning', replied: 'info', closed: 'default' } as const;
const FIELDS = [/^referral\.(unitId|contactPerson|referredOn|note)$/, /^(status|note)$/];

/** One referral: its status, the way it got there, and the next moves it allows. */
export function ReferralItem({ referral, callLabel }: { referral: Referral; callLabel?: string }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const name = useRefNames();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: (status: ReferralStatus) => unwrap(api().hotline.setReferralStatus({ id: referral.id, status, note })),
    onSuccess: async () => {
      setNote('');
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
    },
  });
  const errors = useFormErrors(problemsOf(apiErrorOf(move.error)), FIELDS);
  const next = REFERRAL_TRANSITIONS[referral.status];
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="referral">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 700 }}>{name(referral.unitId)}</Typography>
        <Chip size="small" color={STATUS_COLOR[referral.status]} label={t(`referrals.status.${referral.status}`)} data-testid="referral-status" />
        <Typography color="text.secondary">
          {formatDateForLang(referral.referredOn, lang, 'short')}
          {referral.contactPerson ? ` · ${t('referrals.contactPerson')}：${referral.contactPerson}` : ''}
          {callLabel ? ` · ${callLabel}` : ''}
        </Typography>
      </Box>
      {referral.note && <Typography variant="body2">{referral.note}</Typography>}
      <Box component="ol" sx={{ m: 0, pl: 3, color: 'text.secondary', fontSize: '0.85rem' }}>
        {referral.history.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.at, lang)} {h.byName}：{t(`referrals.status.${h.toStatus}`)}
            {h.note ? `（${h.note}）` : ''}
          </li>
        ))}
      </Box>
      {next.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}>
          <TextField label={t('referrals.statusNote')} value={note} onChange={(e) => setNote(e.target.value)} {...errors.field('note')} />
          {next.map((s) => (
            <Button key={s} variant="outlined" sx={{ whiteSpace: 'nowrap' }} disabled={move.isPending} onClick={() => move.mutate(s)}>
              {t(`referrals.moveTo.${s}`)}
            </Button>
          ))}
        </Box>
      )}
      <ErrorLines messages={[...errors.general, errors.message('status')]} />
    </Paper>
  );
}

/** The referrals of a saved call, and a form for another one. */
export function ReferralsPanel({ callId, referrals }: { callId: number; referrals: Referral[] }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const empty = () => ({ unitId: null as number | null, contactPerson: '', referredOn: formatDateForLang(new Date(), lang, 'short'), note: '' });
  const [form, setForm] = useState(empty);
  const [local, setLocal] = useState<FormProblem[]>([]);
  const add = useMutation({
    mutationFn: (referral: ReferralInput) => unwrap(api().hotline.addReferral({ callId, referral })),
    onSuccess: async () => {
      setForm(empty());
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
    },
  });
  const errors = useFormErrors([...local, ...problemsOf(apiErrorOf(add.error))], FIELDS);
  const submit = () => {
    const problems: FormProblem[] = [];
    const input = referralInput(form, 'referral.', problems);
    setLocal(problems);
    if (input) add.mutate(input);
  };
  return (
    <Stack spacing={1}>
      {referrals.map((r) => (
        <ReferralItem key={r.id} referral={r} />
      ))}
      <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr 2fr auto', gap: 1, alignItems: 'start' }} data-testid="referral-add">
        <RefSelect kind="referralUnit" label={t('referrals.unit')} value={form.unitId} onChange={(unitId) => setForm((f) => ({ ...f, unitId }))} error={errors.message('referral.unitId')} />
        <TextField label={t('referrals.contactPerson')} value={form.contactPerson} onChange={(e) => setForm((f) => ({ ...f, contactPerson: e.target.value }))} {...errors.field('referral.contactPerson')} />
        <TextField label={t('referrals.referredOn')} value={form.referredOn} onChange={(e) => setForm((f) => ({ ...f, referredOn: e.target.value }))} {...errors.field('referral.referredOn')} />
        <TextField label={t('referrals.note')} value={form.note} onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))} {...errors.field('referral.note')} />
        <Button variant="contained" onClick={submit} disabled={add.isPending} sx={{ mt: 0.5, whiteSpace: 'nowrap' }}>
          {t('referrals.add')}
        </Button>
      </Box>
      <ErrorLines messages={errors.general} />
    </Stack>
  );
}
