import { useState } from 'react';
import { Box, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/hotline';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { followUpInput, problemsOf, type FormProblem } from './formConvert';
import { useFormErrors } from './formErrors';
import { HOTLINE_KEY, useStaff } from './queries';
import { ErrorLines } from './ErrorLines';

const FIELDS = [/^followUp\.(ownerId|note|dueDate|dueTime)$/, /^(outcome)$/];

/** One follow-up: open (overdue in red) with "done" and an outcome, or done with its outcome. */
export function FollowUpItem({ followUp: f, now }: { followUp: FollowUp; now: number }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const done = useMutation({
    mutationFn: () => unwrap(api().hotline.completeFollowUps({ ids: [f.id], outcome })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: HOTLINE_KEY }),
  });
  const errors = useFormErrors(problemsOf(apiErrorOf(done.error)), FIELDS);
  const overdue = f.doneAt === null && Date.parse(f.dueAt) < now;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="follow-up">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 700 }} color={overdue ? 'error' : undefined}>
          {formatDateTime(f.dueAt, lang)}
        </Typography>
        <Chip size="small" color={f.doneAt ? 'default' : overdue ? 'error' : 'info'} label={t(f.doneAt ? 'followUps.done' : overdue ? 'followUps.overdue' : 'followUps.open')} />
        <Typography color="text.secondary">
          {t('followUps.owner')}：{f.ownerName}
        </Typography>
      </Box>
      {f.note && <Typography variant="body2">{f.note}</Typography>}
      {f.doneAt ? (
        <Typography variant="body2" color="text.secondary">
          {t('followUps.doneBy', { name: f.doneByName ?? '', time: formatDateTime(f.doneAt, lang) })}：{f.outcome}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}>
          <TextField label={t('followUps.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} {...errors.field('outcome')} />
          <Button variant="outlined" disabled={done.isPending} onClick={() => done.mutate()} sx={{ whiteSpace: 'nowrap' }}>
            {t('followUps.markDone')}
          </Button>
        </Box>
      )}
      <ErrorLines messages={errors.general} />
    </Paper>
  );
}

/** The follow-ups of a saved call, and a form for another one. */
export function FollowUpsPanel({ callId, followUps }: { callId: number; followUps: FollowUp[] }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const { account } = useSession();
  const staff = useStaff().data ?? [];
  const queryClient = useQueryClient();
  const empty = () => ({ dueDate: formatDateForLang(new Date(), lang, 'short'), dueTime: '', ownerId: account?.id ?? null, note: '' });
  const [form, setForm] = useState(empty);
  const [local, setLocal] = useState<FormProblem[]>([]);
  const add = useMutation({
    mutationFn: (input: { dueAt: string; ownerId: number; note: string }) => unwrap(api().hotline.addFollowUp({ callId, followUp: input })),
    onSuccess: async () => {
      setForm(empty());
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
    },
  });
  const errors = useFormErrors([...local, ...problemsOf(apiErrorOf(add.error))], FIELDS);
  const submit = () => {
    const problems: FormProblem[] = [];
    const input = followUpInput(form, 'followUp.', problems);
    setLocal(problems);
    if (input) add.mutate(input);
  };
  const now = Date.now();
  return (
    <Stack spacing={1}>
      {followUps.map((f) => (
        <FollowUpItem key={f.id} followUp={f} now={now} />
      ))}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.5fr 2fr auto', gap: 1, alignItems: 'start' }} data-testid="follow-up-add">
        <TextField label={t('followUps.dueDate')} value={form.dueDate} onChange={(e) => setForm((f) => ({ ...f, dueDate: e.target.value }))} {...errors.field('followUp.dueDate')} />
        <TextField label={t('followUps.dueTime')} value={form.dueTime} onChange={(e) => setForm((f) => ({ ...f, dueTime: e.target.value }))} {...errors.field('followUp.dueTime')} />
        <TextField
          select
          label={t('followUps.owner')}
          value={form.ownerId ?? ''}
          onChange={(e) => setForm((f) => ({ ...f, ownerId: e.target.value === '' ? null : Number(e.target.value) }))}
          {...errors.field('followUp.ownerId')}
        >
          {staff.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.displayName}
            </MenuItem>
          ))}
        </TextField>
        <TextField label={t('followUps.note')} value={form.note} onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))} {...errors.field('followUp.note')} />
        <Button variant="contained" onClick={submit} disabled={add.isPending} sx={{ mt: 0.5, whiteSpace: 'nowrap' }}>
          {t('followUps.add')}
        </Button>
      </Box>
      <ErrorLines messages={errors.general} />
    </Stack>
  );
}
