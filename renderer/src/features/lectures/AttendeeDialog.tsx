import { useState } from 'react';
import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Grid, MenuItem, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttendeeRecord } from '../../../../shared/api/channels/lecturesTypes';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useRefreshLectures } from './hooks';

const TEXT_FIELDS = ['name', 'nationalId', 'birthDate', 'phone', 'address', 'penaltyDocNo', 'issuingAgency', 'interpreterLanguage', 'note'] as const;
const ALL_FIELDS = [...TEXT_FIELDS, 'drugClass', 'penaltyCount'];

/** What the check-in desk already knows of someone it could not find. */
export type AttendeePrefill = Partial<Record<'name' | 'nationalId' | 'phone', string>>;

/**
 * Add or edit a person; the ID checksum and dates are checked in main and shown at the field.
 * `prefill` and `intro` serve the check-in desk, which adds someone it could not find and then
 * books them in: `onSaved` gets the saved record before the dialog closes.
 */
export function AttendeeDialog({ attendee, onClose, prefill = {}, intro, onSaved }: {
  attendee: AttendeeRecord | null;
  onClose(): void;
  prefill?: AttendeePrefill;
  intro?: string;
  onSaved?(saved: AttendeeRecord): void;
}) {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  const refresh = useRefreshLectures();
  const [f, setF] = useState({
    name: attendee?.name ?? prefill.name ?? '',
    nationalId: attendee?.nationalId ?? prefill.nationalId ?? '',
    birthDate: attendee?.birthDate ? formatDateForLang(attendee.birthDate, lang, 'short') : '',
    phone: attendee?.phone ?? prefill.phone ?? '',
    address: attendee?.address ?? '',
    penaltyDocNo: attendee?.penaltyDocNo ?? '',
    issuingAgency: attendee?.issuingAgency ?? '',
    interpreterLanguage: attendee?.interpreterLanguage ?? '',
    note: attendee?.note ?? '',
  });
  const [drugClass, setDrugClass] = useState<string>(attendee?.drugClass ? String(attendee.drugClass) : '');
  const [penaltyCount, setPenaltyCount] = useState(String(attendee?.penaltyCount ?? 1));
  const [needsInterpreter, setNeedsInterpreter] = useState(attendee?.needsInterpreter ?? false);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api().lectures.saveAttendee({
          ...(attendee ? { id: attendee.id } : {}),
          ...f,
          drugClass: drugClass === '3' ? 3 : drugClass === '4' ? 4 : null,
          penaltyCount: Number(penaltyCount),
          needsInterpreter,
        }),
      ),
    onSuccess: async (saved) => {
      await refresh();
      onSaved?.(saved);
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ALL_FIELDS);
  const text = (k: (typeof TEXT_FIELDS)[number], size: number, extra: object = {}) => (
    <Grid size={{ xs: 12, md: size }}>
      <TextField fullWidth label={t(`attendee.${k}`)} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} {...errors.field(k)} {...extra} />
    </Grid>
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{attendee ? t('attendee.editTitle') : t('attendee.newTitle')}</DialogTitle>
      <DialogContent>
        {intro && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="attendee-intro">
            {intro}
          </Alert>
        )}
        <Grid container spacing={2} sx={{ pt: 1 }}>
          {text('name', 4, { autoFocus: true })}
          {text('nationalId', 4)}
          {text('birthDate', 4, { placeholder: t('dateHint') })}
          {text('phone', 4)}
          {text('address', 8)}
          {text('penaltyDocNo', 6)}
          {text('issuingAgency', 6)}
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField select fullWidth label={t('attendee.drugClass')} value={drugClass} onChange={(e) => setDrugClass(e.target.value)} {...errors.field('drugClass')}>
              <MenuItem value="">—</MenuItem>
              <MenuItem value="3">{t('drugClass.3')}</MenuItem>
              <MenuItem value="4">{t('drugClass.4')}</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField fullWidth type="number" label={t('attendee.penaltyCount')} value={penaltyCount} onChange={(e) => setPenaltyCount(e.target.value)} {...errors.field('penaltyCount')} />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <FormControlLabel control={<Checkbox checked={needsInterpreter} onChange={(e) => setNeedsInterpreter(e.target.checked)} />} label={t('attendee.needsInterpreter')} />
          </Grid>
          {needsInterpreter && text('interpreterLanguage', 3)}
          {text('note', 12)}
        </Grid>
        {errors.general && <Alert severity="error">{errors.general}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.cancel')}</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending} data-testid="attendee-save">
          {t('common:common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
