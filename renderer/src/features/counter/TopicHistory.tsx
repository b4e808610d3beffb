import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TopicRevision } from '../../../../shared/api/channels/counter';
import type { TopicContent } from '../../../../shared/domain/counter';
import { formatDateTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { useTopicHistory, useTopicSearch } from './hooks';
import { useReference } from '../reference/useReference';
import { refName } from '../../../../shared/domain/reference';
import { useFieldLabel } from './TopicFields';


/** Every revision of a topic, newest first: who, when, what changed, and the text as it was. */
export function TopicHistory({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation('counter');
  const { lang } = useLanguage();
  const label = useFieldLabel();
  const history = useTopicHistory(id);
  const [open, setOpen] = useState<TopicRevision | null>(null);
  const sep = t('editor.listSeparator');
  const topics = useTopicSearch('', 'all').data ?? [];
  const units = useReference().data?.guidanceUnit ?? [];
  const show = (c: TopicContent, f: keyof TopicContent): string => {
    if (f === 'relatedIds') return c.relatedIds.map((id) => topics.find((x) => x.id === id)).map((x) => (x ? (lang === 'en' ? x.titleEn : x.titleZh) : '?')).join(sep) || '—';
    if (f === 'unitId') {
      const u = units.find((x) => x.id === c.unitId);
      return u ? refName(u, lang) : '—';
    }
    return c[f] === '' ? '—' : String(c[f]);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('editor.history')}</DialogTitle>
      <DialogContent dividers>
        <List dense data-testid="topic-history">
          {(history.data ?? []).map((r) => (
            <ListItemButton key={r.revision} selected={open?.revision === r.revision} onClick={() => setOpen(open?.revision === r.revision ? null : r)}>
              <ListItemText
                primary={`${t('history.revision', { n: r.revision })} · ${t(`history.action.${r.action}`)} · ${formatDateTime(r.at, lang)} · ${r.byName ?? t('history.system')}`}
                secondary={r.changed.length > 0 ? t('history.changed', { fields: r.changed.map((f) => label(f)).join(sep) }) : t(`status.${r.status}`)}
              />
            </ListItemButton>
          ))}
        </List>
        {open && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
              {t('history.asOf', { n: open.revision })}
            </Typography>
            {(open.changed.length > 0 ? open.changed : Object.keys(open.content)).map((f) => (
              <Box key={f} sx={{ mb: 1 }}>
                <Typography variant="subtitle2" color="primary">
                  {label(f)}
                </Typography>
                <Typography sx={{ whiteSpace: 'pre-line' }}>{show(open.content, f as keyof TopicContent)}</Typography>
              </Box>
            ))}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
