import { useEffect, useState } from 'react';
import { Alert, AppBar, Box, Button, Chip, Dialog, IconButton, Stack, Toolbar, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import HistoryIcon from '@mui/icons-material/History';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import type { TopicDetail } from '../../../../shared/api/channels/counter';
import { missingForPublish, TOPIC_TEXT_FIELDS, type MissingField, type TopicContent, type TopicStatus } from '../../../../shared/domain/counter';
import { apiErrorOf } from '../../app/api';
import { PrintDialog } from '../../components/PrintDialog';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useReference } from '../reference/useReference';
import { useSaveTopic, useSetTopicStatus, useTopic, useTopicSearch } from './hooks';
import { TopicFields, useFieldLabel } from './TopicFields';
import { TopicHistory } from './TopicHistory';

const EMPTY: TopicContent = {
  ...(Object.fromEntries(TOPIC_TEXT_FIELDS.flatMap((f) => [[`${f}Zh`, ''], [`${f}En`, '']])) as Omit<TopicContent, 'unitId' | 'webUrl' | 'relatedIds'>),
  unitId: null,
  webUrl: '',
  relatedIds: [],
};

const ALL_FIELDS = [...TOPIC_TEXT_FIELDS.flatMap((f) => [`${f}Zh`, `${f}En`]), 'unitId', 'webUrl', 'relatedIds'];

function contentOf(d: TopicDetail): TopicContent {
  const texts = Object.fromEntries(TOPIC_TEXT_FIELDS.flatMap((f) => [[`${f}Zh`, d[`${f}Zh`]], [`${f}En`, d[`${f}En`]]]));
  return { ...(texts as Omit<TopicContent, 'unitId' | 'webUrl' | 'relatedIds'>), unitId: d.unitId, webUrl: d.webUrl, relatedIds: d.relatedIds };
}

/** The status buttons a topic offers, by its current status. */
const NEXT: Record<TopicStatus, TopicStatus[]> = { draft: ['published', 'retired'], published: ['draft', 'retired'], retired: ['published', 'draft'] };

/** Full-screen editor of one guidance topic: both languages, completeness, publishing, history. */
export function TopicEditor({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t } = useTranslation('counter');
  const label = useFieldLabel();
  const [topicId, setTopicId] = useState<number | null>(id);
  const loaded = useTopic(topicId);
  const [form, setForm] = useState<TopicContent>(EMPTY);
  const [base, setBase] = useState<TopicDetail | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [preview, setPreview] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refs = useReference();
  const topics = useTopicSearch('', 'all').data ?? [];

  useEffect(() => {
    if (loaded.data && loaded.data.revision !== base?.revision) {
      setBase(loaded.data);
      setForm(contentOf(loaded.data));
    }
  }, [loaded.data, base?.revision]);

  const accept = (d: TopicDetail, message: string) => {
    setTopicId(d.id);
    setBase(d);
    setForm(contentOf(d));
    setNotice(message);
  };
  const save = useSaveTopic((d) => accept(d, t('editor.saved')));
  const status = useSetTopicStatus((d) => accept(d, t(`editor.now.${d.status}`)));
  const error = apiErrorOf(save.error ?? status.error);
  const errors = useFieldErrors(error, ALL_FIELDS);

  const dirty = base === null || JSON.stringify(contentOf(base)) !== JSON.stringify(form);
  const missing: MissingField[] = missingForPublish(form);
  const units = (refs.data?.guidanceUnit ?? []).filter((u) => !u.retired || u.id === form.unitId);

  const doSave = () => {
    setNotice(null);
    status.reset();
    save.mutate({ id: base?.id ?? null, expectedRevision: base?.revision ?? 1, ...form });
  };
  const changeStatus = async (next: TopicStatus) => {
    setNotice(null);
    save.reset();
    let current = base;
    // Publishing what is on screen: unsaved edits are saved first, then published.
    if (dirty) current = await save.mutateAsync({ id: base?.id ?? null, expectedRevision: base?.revision ?? 1, ...form }).catch(() => null);
    if (current) status.mutate({ id: current.id, expectedRevision: current.revision, status: next });
  };

  return (
    <Dialog open fullScreen onClose={onClose}>
      <AppBar position="sticky" color="default" elevation={1}>
        <Toolbar sx={{ gap: 1.5, flexWrap: 'wrap' }}>
          <IconButton edge="start" onClick={onClose} aria-label={t('common:common.close')}>
            <CloseIcon />
          </IconButton>
          <Typography variant="h2" component="h2" sx={{ mr: 1 }}>
            {base ? t('editor.titleEdit') : t('editor.titleNew')}
          </Typography>
          {base && <Chip label={t(`status.${base.status}`)} color={base.status === 'published' ? 'success' : 'default'} data-testid="editor-status" />}
          <Box sx={{ flex: 1 }} />
          {base && (
            <>
              <Button startIcon={<HistoryIcon />} onClick={() => setShowHistory(true)}>
                {t('editor.history')}
              </Button>
              <Button startIcon={<PrintIcon />} onClick={() => setPreview(true)}>
                {t('editor.previewSlip')}
              </Button>
            </>
          )}
          {base &&
            NEXT[base.status].map((s) => (
              <Button key={s} variant={s === 'published' ? 'contained' : 'outlined'} color={s === 'retired' ? 'warning' : 'primary'} onClick={() => void changeStatus(s)} disabled={status.isPending || save.isPending}>
                {t(`editor.to.${s}`)}
              </Button>
            ))}
          <Button variant="contained" onClick={doSave} disabled={!dirty || save.isPending} data-testid="editor-save">
            {t('common:common.save')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ p: 3, maxWidth: 1400, width: '100%', mx: 'auto' }}>
        <Stack spacing={2} sx={{ mb: 2 }}>
          {notice && <Alert severity="success" onClose={() => setNotice(null)}>{notice}</Alert>}
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          {missing.length > 0 ? (
            <Alert severity="warning" data-testid="editor-missing">
              {t('editor.missing', { count: missing.length, fields: missing.map(label).join(t('editor.listSeparator')) })}
            </Alert>
          ) : (
            <Alert severity="info">{t(base?.status === 'published' ? 'editor.completePublished' : 'editor.complete')}</Alert>
          )}
        </Stack>
        <TopicFields value={form} onChange={setForm} missing={missing} errors={errors} units={units} topics={topics} selfId={base?.id ?? null} />
      </Box>
      {showHistory && base && <TopicHistory id={base.id} onClose={() => setShowHistory(false)} />}
      {preview && base && <PrintDialog kind="counter.slip" params={{ topicId: base.id }} onClose={() => setPreview(false)} />}
    </Dialog>
  );
}
