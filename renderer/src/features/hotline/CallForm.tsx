import { useEffect, useState, type Ref } from 'react';
import { Alert, Box, Button, FormControl, FormControlLabel, FormLabel, Grid, MenuItem, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import CallEndIcon from '@mui/icons-material/CallEnd';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, formatDuration, GENDERS, NOTE_MAX, type Direction, type DraftPayload, type Gender } from '../../../../shared/domain/hotline';
import { DraftExtras } from './DraftExtras';
import type { FormErrors } from './formErrors';
import { useStaff } from './queries';
import { RefAutocomplete, RefChecks, RefRadios, RefSelect } from './RefFields';
import { RepeatCallerBanner } from './RepeatCallerBanner';
import { RiskFlagsField } from './RiskFlagsField';

export interface CallFormProps {
  value: DraftPayload;
  onChange(update: (p: DraftPayload) => DraftPayload): void;
  errors: FormErrors;
  /** 'new' also takes referrals and follow-ups; an edit manages those on the saved record */
  mode: 'new' | 'edit';
  onEndCall?(): void;
  onOpenCall(id: number): void;
  excludeCallId?: number;
  notesRef?: Ref<HTMLTextAreaElement>;
}

/** "通話中 3:05" while the call has no end yet. */
function Running({ since }: { since: string }) {
  const { t } = useTranslation('hotline');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <Typography color="error" sx={{ fontWeight: 700 }} data-testid="call-running">
      {t('form.running', { duration: formatDuration((now - Date.parse(since)) / 1000) })}
    </Typography>
  );
}

export function CallForm({ value, onChange, errors, mode, onEndCall, onOpenCall, excludeCallId, notesRef }: CallFormProps) {
  const { t } = useTranslation('hotline');
  const staff = useStaff().data ?? [];
  const operators = staff.filter((s) => s.roles.includes('operator') || s.id === value.operatorId);
  const set = <K extends keyof DraftPayload>(key: K, v: DraftPayload[K]) => onChange((p) => ({ ...p, [key]: v }));
  const text = (key: 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'phone') => ({
    name: key,
    label: t(`fields.${key}`),
    value: value[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    // Narrow date and time boxes: the label sits on the border so it is never cut off.
    slotProps: key === 'phone' ? { htmlInput: { inputMode: 'tel' as const } } : { inputLabel: { shrink: true } },
    ...errors.field(key),
  });
  const ended = value.endTime.trim() !== '' || value.endDate.trim() !== '';

  return (
    <Stack spacing={2}>
      {errors.general.map((m) => (
        <Alert key={m} severity="error">
          {m}
        </Alert>
      ))}
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('fields.direction')}</FormLabel>
          <RadioGroup row value={value.direction} onChange={(e) => set('direction', e.target.value as Direction)}>
            {DIRECTIONS.map((d) => (
              <FormControlLabel key={d} value={d} control={<Radio size="small" />} label={t(`direction.${d}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        <TextField {...text('startDate')} sx={{ width: 125 }} />
        <TextField {...text('startTime')} sx={{ width: 92 }} />
        <TextField {...text('endDate')} sx={{ width: 125 }} />
        <TextField {...text('endTime')} sx={{ width: 92 }} />
        {!ended && (
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            {value.startStamp && <Running since={value.startStamp} />}
            {onEndCall && (
              <Button size="small" color="error" variant="outlined" startIcon={<CallEndIcon />} onClick={onEndCall}>
                {t('form.endCall')} (F4)
              </Button>
            )}
          </Stack>
        )}
        <Box sx={{ flex: 1 }} />
        <TextField
          select
          name="operatorId"
          label={t('fields.operator')}
          value={value.operatorId ?? ''}
          onChange={(e) => set('operatorId', e.target.value === '' ? null : Number(e.target.value))}
          sx={{ width: 180 }}
          {...errors.field('operatorId')}
        >
          {operators.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.displayName}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            <TextField
              name="notes"
              label={t('fields.notes')}
              multiline
              minRows={9}
              value={value.notes}
              onChange={(e) => set('notes', e.target.value)}
              inputRef={notesRef}
              error={errors.field('notes').error || value.notes.length > NOTE_MAX}
              helperText={errors.message('notes') ?? t('form.notesCount', { count: value.notes.length, max: NOTE_MAX })}
            />
            <Paper variant="outlined" sx={{ p: 2 }}>
              <RiskFlagsField value={value.flags} onChange={(flags) => set('flags', flags)} errors={errors} />
            </Paper>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <RefRadios kind="callerType" label={t('fields.callerType')} value={value.callerTypeId} onChange={(id) => set('callerTypeId', id)} error={errors.message('callerTypeId')} />
            <FormControl component="fieldset">
              <FormLabel component="legend">{t('fields.gender')}</FormLabel>
              <RadioGroup row value={value.gender ?? ''} onChange={(e) => set('gender', e.target.value === '' ? null : (e.target.value as Gender))}>
                <FormControlLabel value="" control={<Radio size="small" />} label={t('form.notRecorded')} />
                {GENDERS.map((g) => (
                  <FormControlLabel key={g} value={g} control={<Radio size="small" />} label={t(`gender.${g}`)} />
                ))}
              </RadioGroup>
            </FormControl>
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mt: 1 }}>
              <RefSelect kind="ageGroup" name="ageGroupId" label={t('fields.ageGroup')} value={value.ageGroupId} onChange={(id) => set('ageGroupId', id)} error={errors.message('ageGroupId')} />
              <RefAutocomplete kind="district" name="districtId" label={t('fields.district')} value={value.districtId} onChange={(id) => set('districtId', id)} error={errors.message('districtId')} />
            </Box>
            <TextField {...text('phone')} />
            <RepeatCallerBanner phone={value.phone} excludeCallId={excludeCallId} onOpenCall={onOpenCall} />
            <Box sx={{ mt: 1 }}>
              <RefChecks kind="serviceItem" label={t('fields.serviceItems')} value={value.serviceItemIds} onChange={(ids) => set('serviceItemIds', ids)} error={errors.message('serviceItemIds')} />
            </Box>
          </Paper>
        </Grid>
      </Grid>
      {mode === 'new' && <DraftExtras value={value} onChange={onChange} errors={errors} />}
    </Stack>
  );
}
