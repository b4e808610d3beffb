import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../shared/api/channels/lecturesTypes';
import { refName } from '../../../../shared/domain/reference';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { taipeiDateKey } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useActiveRef } from '../reference/useReference';
import { useRefreshLectures } from './hooks';
import { useRefName } from './labels';

/** 請假: record a request (reason, when the proof arrived) or decide a pending one. */
export function LeaveDialog({ row, onClose }: { row: RosterRow; onClose(): void }) {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  const reasons = useActiveRef('leaveReason');
  const refLabel = useRefName();
  const refresh = useRefreshLectures();
  const pending = row.pendingLeave;
  const todayText = formatDateForLang(taipeiDateKey(new Date()), lang, 'short');
  const [reasonId, setReasonId] = useState<number | ''>(reasons[0]?.id ?? '');
  const [requestedOn, setRequestedOn] = useState(todayText);
  const [documentOn, setDocumentOn] = useState(pending?.documentReceivedOn ? formatDateForLang(pending.documentReceivedOn, lang, 'short') : '');
  const [note, setNote] = useState('');

  const save = useMutation({
    mutationFn: (decision: 'request' | 'approve' | 'refuse') => {
      if (decision === 'request') {
        return unwrap(api().lectures.requestLeave({ enrolmentId: row.enrolmentId, reasonId: Number(reasonId), requestedOn, documentReceivedOn: documentOn, note }));
      }
      return unwrap(api().lectures.decideLeave({ leaveId: pending?.leaveId ?? 0, approve: decision === 'approve', documentReceivedOn: documentOn, note }));
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['reasonId', 'requestedOn', 'documentReceivedOn', 'note']);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{pending ? t('leave.decideTitle', { name: row.name }) : t('leave.requestTitle', { name: row.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {pending ? (
            <Typography>
              {t('leave.pendingSummary', { reason: refLabel(pending.reasonId), date: formatDateForLang(pending.requestedOn, lang, 'short') })}
              {pending.note ? ` · ${pending.note}` : ''}
            </Typography>
          ) : (
            <>
              <TextField select label={t('leave.reason')} value={reasonId} onChange={(e) => setReasonId(Number(e.target.value))} {...errors.field('reasonId')}>
                {reasons.map((r) => (
                  <MenuItem key={r.id} value={r.id}>
                    {refName(r, lang)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField label={t('leave.requestedOn')} value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} {...errors.field('requestedOn')} />
            </>
          )}
          <TextField
            label={t('leave.documentReceivedOn')}
            placeholder={todayText}
            value={documentOn}
            onChange={(e) => setDocumentOn(e.target.value)}
            {...errors.field('documentReceivedOn')}
            helperText={errors.message('documentReceivedOn') ?? t('leave.documentHint')}
          />
          <TextField label={t('leave.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} {...errors.field('note')} />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.cancel')}</Button>
        {pending ? (
          <>
            <Button color="error" onClick={() => save.mutate('refuse')} disabled={save.isPending} data-testid="leave-refuse">
              {t('leave.refuse')}
            </Button>
            <Button variant="contained" onClick={() => save.mutate('approve')} disabled={save.isPending} data-testid="leave-approve">
              {t('leave.approve')}
            </Button>
          </>
        ) : (
          <Button variant="contained" onClick={() => save.mutate('request')} disabled={save.isPending} data-testid="leave-save">
            {t('leave.save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
