import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Tab, Tabs, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RosterRow, SessionSummary } from '../../../../shared/api/channels/lecturesTypes';
import { addDays, taipeiDateKey } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useRefreshLectures, useSessions } from './hooks';
import { useDayLabel, useVenueName } from './labels';

/** 轉訓 to another session (history kept) or 移轉 to another city's bureau (letter printed from the roster). */
export function TransferDialog({ row, session, onClose }: { row: RosterRow; session: SessionSummary; onClose(): void }) {
  const { t } = useTranslation('lectures');
  const today = taipeiDateKey(new Date());
  const sessions = useSessions(today, addDays(today, 180));
  const dayLabel = useDayLabel();
  const venueName = useVenueName();
  const refresh = useRefreshLectures();
  const [mode, setMode] = useState<'session' | 'city'>('session');
  const [target, setTarget] = useState<number | ''>('');
  const [city, setCity] = useState('');
  const [reason, setReason] = useState('');
  const choices = (sessions.data ?? []).filter((s) => !s.cancelled);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        mode === 'session'
          ? api().lectures.transferSession({ enrolmentId: row.enrolmentId, targetSessionId: Number(target), reason })
          : api().lectures.transferCity({ enrolmentId: row.enrolmentId, city, reason }),
      ),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['targetSessionId', 'city', 'reason']);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('transfer.title', { name: row.name })}</DialogTitle>
      <DialogContent>
        <Tabs value={mode} onChange={(_, v: 'session' | 'city') => setMode(v)} sx={{ mb: 2 }}>
          <Tab value="session" label={t('transfer.toSession')} />
          <Tab value="city" label={t('transfer.toCity')} data-testid="transfer-city-tab" />
        </Tabs>
        <Stack spacing={2}>
          {mode === 'session' ? (
            <TextField select label={t('transfer.target')} value={target} onChange={(e) => setTarget(Number(e.target.value))} {...errors.field('targetSessionId')} data-testid="transfer-target">
              {choices.map((s) => (
                <MenuItem key={s.id} value={s.id} disabled={s.booked >= s.capacity && s.id !== session.id}>
                  {dayLabel(s.date)} {s.startTime}–{s.endTime} · {t(`kind.${s.kind}`)} · {venueName(s.venueId)} · {t('sessions.bookedOf', { booked: s.booked, capacity: s.capacity })}
                  {s.id === session.id ? ` · ${t('transfer.current')}` : ''}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField label={t('transfer.city')} placeholder={t('transfer.cityHint')} value={city} onChange={(e) => setCity(e.target.value)} {...errors.field('city')} />
          )}
          <TextField label={t('transfer.reason')} value={reason} onChange={(e) => setReason(e.target.value)} {...errors.field('reason')} />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.cancel')}</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending || (mode === 'session' && target === '')} data-testid="transfer-save">
          {mode === 'session' ? t('transfer.saveSession') : t('transfer.saveCity')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
