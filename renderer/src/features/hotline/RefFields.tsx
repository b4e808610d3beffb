import { Autocomplete, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, MenuItem, Radio, RadioGroup, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { refName, type RefItem, type RefKind } from '../../../../shared/domain/reference';
import { useLanguage } from '../../app/language';
import { useReference } from '../reference/useReference';

/**
 * Active entries of a kind, plus any retired ones the record already holds: an old record
 * still shows what it was saved with, a new choice only offers what is in use.
 */
export function useChoices(kind: RefKind, keep: readonly (number | null)[] = []): RefItem[] {
  const { data } = useReference();
  return (data?.[kind] ?? []).filter((i) => !i.retired || keep.includes(i.id));
}

interface SingleProps {
  kind: RefKind;
  label: string;
  value: number | null;
  onChange(id: number | null): void;
  error?: string | null;
  name?: string;
}

/** A drop-down of one reference kind, with an explicit "not recorded" entry. */
export function RefSelect({ kind, label, value, onChange, error, name }: SingleProps) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const items = useChoices(kind, [value]);
  return (
    <TextField
      select
      name={name}
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      error={Boolean(error)}
      helperText={error ?? ' '}
    >
      <MenuItem value="">
        <em>{t('form.notRecorded')}</em>
      </MenuItem>
      {items.map((i) => (
        <MenuItem key={i.id} value={i.id}>
          {refName(i, lang)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Type to find: the city has 38 districts. */
export function RefAutocomplete({ kind, label, value, onChange, error, name }: SingleProps) {
  const { lang } = useLanguage();
  const items = useChoices(kind, [value]);
  const selected = items.find((i) => i.id === value) ?? null;
  return (
    <Autocomplete
      options={items}
      value={selected}
      onChange={(_e, item) => onChange(item?.id ?? null)}
      getOptionLabel={(i) => refName(i, lang)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      autoHighlight
      renderInput={(params) => <TextField {...params} name={name} label={label} error={Boolean(error)} helperText={error ?? ' '} />}
    />
  );
}

/** One choice out of a short list, as radio buttons (arrow keys move, no menu to open). */
export function RefRadios({ kind, label, value, onChange, error }: SingleProps) {
  const { lang } = useLanguage();
  const items = useChoices(kind, [value]);
  return (
    <FormControl component="fieldset" error={Boolean(error)}>
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup row value={value === null ? '' : String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {items.map((i) => (
          <FormControlLabel key={i.id} value={String(i.id)} control={<Radio size="small" />} label={refName(i, lang)} />
        ))}
      </RadioGroup>
      <FormHelperText>{error ?? ' '}</FormHelperText>
    </FormControl>
  );
}

interface MultiProps {
  kind: RefKind;
  label: string;
  value: readonly number[];
  onChange(ids: number[]): void;
  error?: string | null;
}

/** Any number of entries (no artificial maximum), as checkboxes in reference order. */
export function RefChecks({ kind, label, value, onChange, error }: MultiProps) {
  const { lang } = useLanguage();
  const items = useChoices(kind, value);
  const toggle = (id: number) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  return (
    <FormControl component="fieldset" error={Boolean(error)}>
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row>
        {items.map((i) => (
          <FormControlLabel
            key={i.id}
            control={<Checkbox size="small" checked={value.includes(i.id)} onChange={() => toggle(i.id)} />}
            label={refName(i, lang)}
          />
        ))}
      </FormGroup>
      <FormHelperText>{error ?? ' '}</FormHelperText>
    </FormControl>
  );
}
