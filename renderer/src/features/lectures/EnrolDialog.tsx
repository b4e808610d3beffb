import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/api/channels/lecturesTypes';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useDebounced } from '../../components/useDebounced';
import { useFieldErrors } from '../../components/useFieldErrors';
import { LECTURES_KEY, useRefreshLectures } from './hooks';
import { FlagChips, StatusChip, useDayLabel } from './labels';

/** More candidates than this are not listed; the dialog says so. */
const CANDIDATES_LIMIT = 500;

/** Enrol people waiting for a session; repeat offenders are suggested for the repeat-offender group. */
export function EnrolDialog({ session, onClose }: { session: SessionSummary; onClose(): void }) {
  const { t } = useTranslation('lectures');
  const refresh = useRefreshLectures();
  const dayLabel = useDayLabel();
  const [query, setQuery] = useState('');
  const [waitingOnly, setWaitingOnly] = useState(true);
  const [picked, setPicked] = useState<number[]>([]);
  const searched = useDebounced(query, 250);
  const people = useQuery({
    queryKey: [...LECTURES_KEY, 'candidates', searched, waitingOnly],
    queryFn: () => unwrap(api().lectures.searchAttendees({ query: searched, waitingOnly, limit: CANDIDATES_LIMIT })),
  });
  const free = Math.max(0, session.capacity - session.booked);
  const group = session.kind === 'repeatGroup';
  const list = [...(people.data ?? [])].sort((a, b) => (group ? Number(b.repeatOffender) - Number(a.repeatOffender) : 0));
  const save = useMutation({
    mutationFn: () => unwrap(api().lectures.enrol({ sessionId: session.id, attendeeIds: picked })),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), []);
  const toggle = (id: number) => setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);
  const selectable = list.filter((p) => p.current?.sessionId !== session.id);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('enrol.title', { date: dayLabel(session.date), time: session.startTime })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <Typography data-testid="enrol-free">{t('enrol.free', { free, capacity: session.capacity })}</Typography>
          {group ? <Alert severity="info">{t('enrol.groupHint')}</Alert> : <Typography variant="body2" color="text.secondary">{t('enrol.repeatHint')}</Typography>}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField autoFocus size="small" label={t('enrol.search')} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ flex: 1 }} />
            <FormControlLabel control={<Checkbox checked={waitingOnly} onChange={(e) => setWaitingOnly(e.target.checked)} />} label={t('enrol.waitingOnly')} />
            <Button onClick={() => setPicked(selectable.slice(0, free).map((p) => p.id))} data-testid="enrol-pick-all">
              {t('enrol.pickAll', { count: Math.min(free, selectable.length) })}
            </Button>
            {group && (
              <Button onClick={() => setPicked(selectable.filter((p) => p.repeatOffender).slice(0, free).map((p) => p.id))}>{t('enrol.pickRepeat')}</Button>
            )}
          </Stack>
          <List dense sx={{ maxHeight: 420, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="enrol-list">
            {list.map((p) => (
              <ListItem key={p.id} disablePadding>
                <ListItemButton onClick={() => toggle(p.id)} disabled={p.current?.sessionId === session.id}>
                  <ListItemIcon>
                    <Checkbox edge="start" size="small" checked={picked.includes(p.id)} tabIndex={-1} />
                  </ListItemIcon>
                  <ListItemText
                    primary={
                      <>
                        {p.name} <FlagChips flags={p} />
                        {!group && p.repeatOffender && (
                          <Typography component="span" variant="caption" color="secondary" sx={{ ml: 1 }}>
                            {t('enrol.suggestGroup')}
                          </Typography>
                        )}
                      </>
                    }
                    secondary={`${p.maskedId} · ${p.phone}${p.current ? ` · ${dayLabel(p.current.sessionDate)}` : ''}`}
                  />
                  {p.current && <StatusChip status={p.current.status} />}
                </ListItemButton>
              </ListItem>
            ))}
            {list.length === 0 && <Typography sx={{ p: 2 }} color="text.secondary">{t('enrol.nobody')}</Typography>}
            {list.length === CANDIDATES_LIMIT && (
              <Typography sx={{ p: 2 }} color="text.secondary" data-testid="enrol-capped">
                {t('attendees.capped', { count: CANDIDATES_LIMIT })}
              </Typography>
            )}
          </List>
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.cancel')}</Button>
        <Button variant="contained" disabled={picked.length === 0 || save.isPending} onClick={() => save.mutate()} data-testid="enrol-save">
          {t('enrol.save', { count: picked.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
