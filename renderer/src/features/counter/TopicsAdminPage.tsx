import { useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { TOPIC_STATUSES, type TopicStatus } from '../../../../shared/domain/counter';
import { formatDateTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useTopicSearch } from './hooks';
import { TopicEditor } from './TopicEditor';

const STATUS_COLOR: Record<TopicStatus, 'default' | 'success' | 'warning'> = { draft: 'warning', published: 'success', retired: 'default' };

/** The supervisor's list of guidance topics: status, completeness, how often asked; opens the editor. */
export default function TopicsAdminPage() {
  const { t } = useTranslation('counter');
  const { lang } = useLanguage();
  const [filter, setFilter] = useState<TopicStatus | 'all'>('all');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<number | null | 'new'>(null);
  const search = useTopicSearch(query.trim(), 'all');
  const rows = (search.data ?? []).filter((h) => filter === 'all' || h.status === filter);

  return (
    <Box>
      <PageHeader
        title={t('topics.title')}
        subtitle={t('topics.subtitle')}
        actions={
          <>
            <ExportButton kind="counter.topics" params={{ query: query.trim(), status: filter }} size="medium" variant="text" testId="topics-export" />
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="topic-add">
              {t('topics.add')}
            </Button>
          </>
        }
      />
      <Paper variant="outlined" sx={{ mb: 2, px: 2, pt: 1 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Tabs value={filter} onChange={(_, v: TopicStatus | 'all') => setFilter(v)}>
            <Tab value="all" label={t('topics.filterAll')} />
            {TOPIC_STATUSES.map((s) => (
              <Tab key={s} value={s} label={t(`status.${s}`)} />
            ))}
          </Tabs>
          <TextField label={t('topics.search')} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ maxWidth: 320, pb: 1 }} />
        </Stack>
      </Paper>
      <Paper variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('topics.columns.title')}</TableCell>
              <TableCell>{t('topics.columns.status')}</TableCell>
              <TableCell>{t('topics.columns.missing')}</TableCell>
              <TableCell align="right">{t('topics.columns.asks')}</TableCell>
              <TableCell>{t('topics.columns.updated')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((h) => (
              <TableRow key={h.id} hover onClick={() => setEditing(h.id)} sx={{ cursor: 'pointer' }} data-testid="topic-row">
                <TableCell>
                  <Typography sx={{ fontWeight: 700 }}>{(lang === 'en' ? h.titleEn : h.titleZh) || (lang === 'en' ? h.titleZh : h.titleEn)}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {lang === 'en' ? h.titleZh : h.titleEn}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Chip size="small" color={STATUS_COLOR[h.status]} label={t(`status.${h.status}`)} />
                </TableCell>
                <TableCell>
                  {h.missing === 0 ? (
                    <Chip size="small" variant="outlined" label={t('topics.complete')} />
                  ) : (
                    <Chip size="small" color="warning" variant="outlined" label={t('topics.missingCount', { count: h.missing })} />
                  )}
                </TableCell>
                <TableCell align="right">{h.asks}</TableCell>
                <TableCell>{formatDateTime(h.updatedAt, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {search.isSuccess && rows.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('desk.noResults')}
          </Typography>
        )}
      </Paper>
      {editing !== null && <TopicEditor id={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}
