import { useState } from 'react';
import { Alert, Button, List, ListItem, ListItemText, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsultationRow, RosterRow } from '../../../../shared/api/channels/lecturesTypes';
import { ATTENDED } from '../../../../shared/domain/lectures';
import { refName } from '../../../../shared/domain/reference';
import { formatTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useActiveRef } from '../reference/useReference';
import { useRefreshLectures } from './hooks';
import { useRefName } from './labels';

/** 新心小棧: individual consultations at this session, by category (issue 4 §8). */
export function CounsellingPanel({ sessionId, roster, consultations, disabled }: { sessionId: number; roster: RosterRow[]; consultations: ConsultationRow[]; disabled: boolean }) {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  const categories = useActiveRef('counsellingCategory');
  const refLabel = useRefName();
  const refresh = useRefreshLectures();
  const present = roster.filter((r) => ATTENDED.includes(r.status));
  const [enrolmentId, setEnrolmentId] = useState<number | ''>('');
  const [categoryId, setCategoryId] = useState<number | ''>('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(api().lectures.logConsultation({ sessionId, enrolmentId: Number(enrolmentId), categoryId: Number(categoryId), note })),
    onSuccess: async () => {
      setEnrolmentId('');
      setNote('');
      await refresh();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['enrolmentId', 'categoryId', 'note']);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="counselling">
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        {t('counselling.title')}
      </Typography>
      {!disabled && (
        <Stack spacing={1}>
          <TextField select size="small" label={t('counselling.person')} value={enrolmentId} onChange={(e) => setEnrolmentId(Number(e.target.value))} {...errors.field('enrolmentId')}>
            {present.map((r) => (
              <MenuItem key={r.enrolmentId} value={r.enrolmentId}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={t('counselling.category')} value={categoryId} onChange={(e) => setCategoryId(Number(e.target.value))} {...errors.field('categoryId')}>
            {categories.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {refName(c, lang)}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" label={t('counselling.note')} value={note} onChange={(e) => setNote(e.target.value)} {...errors.field('note')} />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          <Button variant="outlined" disabled={enrolmentId === '' || categoryId === '' || save.isPending} onClick={() => save.mutate()} data-testid="counselling-save">
            {t('counselling.save')}
          </Button>
        </Stack>
      )}
      <List dense>
        {consultations.map((c) => (
          <ListItem key={c.id} disableGutters>
            <ListItemText primary={`${formatTime(c.at)} ${c.name} · ${refLabel(c.categoryId)}`} secondary={c.note || undefined} />
          </ListItem>
        ))}
        {consultations.length === 0 && <Typography variant="body2" color="text.secondary">{t('counselling.none')}</Typography>}
      </List>
    </Paper>
  );
}
