import { Autocomplete, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TopicHit } from '../../../../shared/api/channels/counter';
import {
  REQUIRED_TEXT_FIELDS,
  TEXT_MAX,
  TOPIC_TEXT_FIELDS,
  textKey,
  type MissingField,
  type TopicContent,
  type TopicTextField,
} from '../../../../shared/domain/counter';
import type { RefItem } from '../../../../shared/domain/reference';
import { refName } from '../../../../shared/domain/reference';
import { useLanguage } from '../../app/language';

const MULTILINE: ReadonlySet<TopicTextField> = new Set(['summary', 'eligibility', 'documents']);

export interface FieldErrors {
  field(name: string): { error: boolean; helperText: string };
  message(name: string): string | null;
}

/** Label of an editor field, e.g. "說明（英文）" for summaryEn. */
export function useFieldLabel() {
  const { t } = useTranslation('counter');
  return (name: string): string => {
    const m = /^(.*)(Zh|En)$/.exec(name);
    if (!m) return t(`fields.${name}`);
    return t(m[2] === 'Zh' ? 'editor.fieldZh' : 'editor.fieldEn', { field: t(`fields.${m[1]}`) });
  };
}

/**
 * The editor's fields, Chinese and English side by side. A field the topic still needs
 * before it may be published says so under itself; a refusal from main replaces that hint.
 */
export function TopicFields({
  value,
  onChange,
  missing,
  errors,
  units,
  topics,
  selfId,
}: {
  value: TopicContent;
  onChange(next: TopicContent): void;
  missing: readonly MissingField[];
  errors: FieldErrors;
  units: RefItem[];
  topics: TopicHit[];
  selfId: number | null;
}) {
  const { t } = useTranslation('counter');
  const { lang } = useLanguage();
  const label = useFieldLabel();
  const set = <K extends keyof TopicContent>(key: K, v: TopicContent[K]) => onChange({ ...value, [key]: v });
  const WARN = { sx: { color: 'warning.dark' } };
  /** helper text of a field: main's refusal, else "needed before publishing", else the fallback */
  const hint = (name: string, fallback = ' ') => {
    const server = errors.field(name);
    if (server.error) return { ...server, warn: undefined };
    const needed = missing.includes(name as MissingField);
    return { error: false, helperText: needed ? t('editor.requiredHint') : fallback, warn: needed ? WARN : undefined };
  };
  const textField = (f: TopicTextField, l: 'zh-TW' | 'en') => {
    const key = textKey(f, l);
    const h = hint(key, f === 'keywords' ? t('editor.keywordsHint') : ' ');
    return (
      <TextField
        label={label(key)}
        value={value[key]}
        onChange={(e) => set(key, e.target.value)}
        multiline={MULTILINE.has(f)}
        minRows={MULTILINE.has(f) ? 3 : undefined}
        required={REQUIRED_TEXT_FIELDS.includes(f)}
        error={h.error}
        helperText={h.helperText}
        slotProps={{ htmlInput: { maxLength: TEXT_MAX[f], lang: l, 'data-field': key }, formHelperText: h.warn }}
      />
    );
  };
  const unitHint = hint('unitId');
  const urlHint = hint('webUrl', t('editor.urlHint'));
  const others = topics.filter((x) => x.id !== selfId);
  const chosen = value.relatedIds.map((id) => others.find((x) => x.id === id)).filter((x): x is TopicHit => x !== undefined);
  const related = errors.field('relatedIds');

  return (
    <Grid container spacing={2}>
      {TOPIC_TEXT_FIELDS.map((f) => (
        <Grid key={f} size={12} container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>{textField(f, 'zh-TW')}</Grid>
          <Grid size={{ xs: 12, md: 6 }}>{textField(f, 'en')}</Grid>
        </Grid>
      ))}
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          select
          required
          label={label('unitId')}
          value={value.unitId ?? ''}
          onChange={(e) => set('unitId', e.target.value === '' ? null : Number(e.target.value))}
          error={unitHint.error}
          helperText={unitHint.helperText}
          slotProps={{ htmlInput: { 'data-field': 'unitId' }, formHelperText: unitHint.warn }}
        >
          <MenuItem value="">{t('editor.noUnit')}</MenuItem>
          {units.map((u) => (
            <MenuItem key={u.id} value={u.id} disabled={u.retired}>
              {refName(u, lang)} {String((lang === 'en' ? u.extra.floorRoomEn : u.extra.floorRoomZh) ?? '')}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          required
          label={label('webUrl')}
          value={value.webUrl}
          onChange={(e) => set('webUrl', e.target.value.trim())}
          error={urlHint.error}
          helperText={urlHint.helperText}
          placeholder="https://dsacp.kcg.gov.tw/"
          slotProps={{ htmlInput: { maxLength: 500, inputMode: 'url', 'data-field': 'webUrl' }, formHelperText: urlHint.warn }}
        />
      </Grid>
      <Grid size={12}>
        <Autocomplete
          multiple
          options={others}
          value={chosen}
          getOptionLabel={(o) => (lang === 'en' ? o.titleEn || o.titleZh : o.titleZh || o.titleEn)}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_, v) => set('relatedIds', v.map((x) => x.id))}
          renderInput={(params) => <TextField {...params} label={label('relatedIds')} error={related.error} helperText={related.helperText} />}
        />
        <Typography variant="caption" color="text.secondary">
          {t('editor.relatedHint')}
        </Typography>
      </Grid>
    </Grid>
  );
}
