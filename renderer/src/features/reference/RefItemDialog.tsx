import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REF_EXTRA_FIELDS, type RefExtra, type RefItem, type RefKind } from '../../../../shared/domain/reference';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { REFERENCE_KEY } from './useReference';

interface Props {
  kind: RefKind;
  item: RefItem | null;
  onClose(): void;
}

type Draft = { nameZh: string; nameEn: string; extra: Record<string, string | boolean> };

function toDraft(kind: RefKind, item: RefItem | null): Draft {
  const extra: Record<string, string | boolean> = {};
  for (const f of REF_EXTRA_FIELDS[kind]) {
    const v = item?.extra[f.key];
    extra[f.key] = f.type === 'boolean' ? v === true : v == null ? '' : String(v);
  }
  return { nameZh: item?.nameZh ?? '', nameEn: item?.nameEn ?? '', extra };
}

/** Typed text → the values the contract expects; a non-number stays text so main reports it at the field. */
function toExtra(kind: RefKind, draft: Draft): RefExtra {
  const out: RefExtra = {};
  for (const f of REF_EXTRA_FIELDS[kind]) {
    const v = draft.extra[f.key];
    if (f.type === 'number') out[f.key] = v === '' ? null : Number.isNaN(Number(v)) ? String(v) : Number(v);
    else if (f.type === 'time' && v === '' && !f.required) continue;
    else out[f.key] = v ?? '';
  }
  return out;
}

export function RefItemDialog({ kind, item, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(kind, item));
  const extraFields = REF_EXTRA_FIELDS[kind];
  const save = useMutation({
    mutationFn: () => {
      const payload = { nameZh: draft.nameZh, nameEn: draft.nameEn, extra: toExtra(kind, draft) };
      return unwrap(item ? api().reference.update({ id: item.id, ...payload }) : api().reference.create({ kind, ...payload }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REFERENCE_KEY });
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['nameZh', 'nameEn', ...extraFields.map((f) => `extra.${f.key}`)]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t(item ? 'reference.editTitle' : 'reference.addTitle', { kind: t(`reference.kinds.${kind}`) })}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <TextField
              label={t('reference.nameZh')}
              name="nameZh"
              autoFocus
              value={draft.nameZh}
              onChange={(e) => setDraft((d) => ({ ...d, nameZh: e.target.value }))}
              {...errors.field('nameZh')}
            />
            <TextField
              label={t('reference.nameEn')}
              name="nameEn"
              value={draft.nameEn}
              onChange={(e) => setDraft((d) => ({ ...d, nameEn: e.target.value }))}
              {...errors.field('nameEn')}
            />
            {extraFields.map((f) =>
              f.type === 'boolean' ? (
                <FormControlLabel
                  key={f.key}
                  control={
                    <Checkbox
                      name={`extra.${f.key}`}
                      checked={draft.extra[f.key] === true}
                      onChange={(e) => setDraft((d) => ({ ...d, extra: { ...d.extra, [f.key]: e.target.checked } }))}
                    />
                  }
                  label={t(`reference.extra.${f.key}`)}
                />
              ) : (
                <TextField
                  key={f.key}
                  name={`extra.${f.key}`}
                  label={t(`reference.extra.${f.key}`) + (f.required ? ' *' : '')}
                  placeholder={f.type === 'time' ? 'HH:mm' : undefined}
                  inputMode={f.type === 'number' ? 'numeric' : undefined}
                  multiline={f.key.startsWith('action')}
                  value={String(draft.extra[f.key] ?? '')}
                  onChange={(e) => setDraft((d) => ({ ...d, extra: { ...d.extra, [f.key]: e.target.value } }))}
                  {...errors.field(`extra.${f.key}`)}
                />
              ),
            )}
            {errors.general && <Alert severity="error">{errors.general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
