import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react';
import { Box, InputAdornment, List, ListItemButton, ListItemText, Paper, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/api/common';
import type { TopicHit } from '../../../../shared/api/channels/counter';
import { useTopicSearch } from './hooks';

interface Props {
  lang: Lang;
  openId: number | null;
  onOpen(id: number): void;
}

/** Search box and results: type, ↑/↓ to choose, Enter to open. The box keeps focus throughout. */
export const TopicSearchList = forwardRef<HTMLInputElement, Props>(function TopicSearchList({ lang, openId, onOpen }, ref) {
  const { t } = useTranslation('counter');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useTopicSearch(query.trim());
  const hits: TopicHit[] = search.data ?? [];

  useEffect(() => setActive(0), [query]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) onOpen(hit.id);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 1.5, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <TextField
        inputRef={ref}
        autoFocus
        label={t('desk.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        helperText={t('desk.searchHint')}
        slotProps={{
          htmlInput: { 'data-testid': 'topic-search', 'aria-controls': 'topic-results' },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
        }}
      />
      <List id="topic-results" dense sx={{ overflowY: 'auto', maxHeight: 'calc(100vh - 300px)' }} data-testid="topic-results">
        {hits.map((h, i) => (
          <ListItemButton
            key={h.id}
            selected={i === active || h.id === openId}
            onClick={() => onOpen(h.id)}
            data-testid="topic-hit"
            sx={i === active ? { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } : undefined}
          >
            <ListItemText
              primary={lang === 'en' ? h.titleEn : h.titleZh}
              secondary={
                <>
                  {lang === 'en' ? h.titleZh : h.titleEn}
                  {h.asks > 0 && (
                    <Typography component="span" variant="caption" sx={{ display: 'block' }} color="secondary">
                      {t('desk.asks', { count: h.asks })}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItemButton>
        ))}
      </List>
      {search.isSuccess && hits.length === 0 && (
        <Box sx={{ p: 2 }}>
          <Typography color="text.secondary">{t('desk.noResults')}</Typography>
        </Box>
      )}
    </Paper>
  );
});
