import { useState, type FormEvent } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  ListSubheader,
  MenuItem,
  Radio,
  RadioGroup,
  Rating,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NO_CAPS } from './Kbd';
import type { Lang } from '../../../../shared/api/common';
import type { TopicLink } from '../../../../shared/api/channels/counter';
import { VISIT_OUTCOMES, type Visit, type VisitOutcome } from '../../../../shared/domain/counter';
import { refName } from '../../../../shared/domain/reference';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useActiveRef } from '../reference/useReference';
import { useTopicSearch } from './hooks';

type TopicOption = Pick<TopicLink, 'id' | 'titleZh' | 'titleEn'>;

export interface VisitDraft {
  topics: TopicOption[];
  lang: Lang;
  /** the unit of the topic on screen, offered when the visitor is referred */
  suggestedUnitId: number | null;
}

const FIELDS = ['topicIds', 'lang', 'unitId', 'outcome', 'satisfaction', 'note'];

/**
 * Logging a visit in a few seconds: everything is prefilled from what the desk just did
 * (topics opened, visitor's language), the Save button has the focus, Enter logs it.
 */
export function VisitDialog({ draft, onClose, onLogged }: { draft: VisitDraft; onClose(): void; onLogged(v: Visit): void }) {
  const { t } = useTranslation('counter');
  const { lang: uiLang } = useLanguage();
  const [topics, setTopics] = useState<TopicOption[]>(draft.topics);
  const [lang, setLang] = useState<Lang>(draft.lang);
  const [outcome, setOutcome] = useState<VisitOutcome>('answered');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const options = useTopicSearch('').data ?? [];
  const guidanceUnits = useActiveRef('guidanceUnit');
  const referralUnits = useActiveRef('referralUnit');

  const log = useMutation({
    mutationFn: () => unwrap(api().counter.logVisit({ topicIds: topics.map((x) => x.id), lang, unitId, outcome, satisfaction, note })),
    onSuccess: onLogged,
  });
  const errors = useFieldErrors(apiErrorOf(log.error), FIELDS);
  const title = (o: TopicOption) => (uiLang === 'en' ? o.titleEn : o.titleZh);

  const chooseOutcome = (next: VisitOutcome) => {
    setOutcome(next);
    if (next === 'referred' && unitId === null) setUnitId(draft.suggestedUnitId);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!log.isPending) log.mutate();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('visit.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Autocomplete
              multiple
              options={options}
              value={topics}
              getOptionLabel={title}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              onChange={(_, v) => setTopics(v)}
              renderInput={(params) => <TextField {...params} label={t('visit.topics')} {...errors.field('topicIds')} />}
              data-testid="visit-topics"
            />
            <Box>
              <FormLabel>{t('visit.lang')}</FormLabel>
              <ToggleButtonGroup exclusive size="small" value={lang} onChange={(_, v: Lang | null) => v && setLang(v)} sx={{ ml: 2, ...NO_CAPS }}>
                <ToggleButton value="zh-TW">中文</ToggleButton>
                <ToggleButton value="en">English</ToggleButton>
              </ToggleButtonGroup>
            </Box>
            <Box>
              <FormLabel id="visit-outcome">{t('visit.outcome')}</FormLabel>
              <RadioGroup row aria-labelledby="visit-outcome" value={outcome} onChange={(e) => chooseOutcome(e.target.value as VisitOutcome)}>
                {VISIT_OUTCOMES.map((o) => (
                  <FormControlLabel key={o} value={o} control={<Radio />} label={t(`visit.outcomes.${o}`)} />
                ))}
              </RadioGroup>
            </Box>
            <TextField
              select
              label={t('visit.unit')}
              value={unitId ?? ''}
              onChange={(e) => setUnitId(e.target.value === '' ? null : Number(e.target.value))}
              {...errors.field('unitId')}
              slotProps={{ htmlInput: { 'data-testid': 'visit-unit' } }}
            >
              <MenuItem value="">{t('visit.none')}</MenuItem>
              <ListSubheader>{t('visit.unitGroups.guidanceUnit')}</ListSubheader>
              {guidanceUnits.map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {refName(u, uiLang)}
                </MenuItem>
              ))}
              <ListSubheader>{t('visit.unitGroups.referralUnit')}</ListSubheader>
              {referralUnits.map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {refName(u, uiLang)}
                </MenuItem>
              ))}
            </TextField>
            <Box>
              <FormLabel id="visit-satisfaction">{t('visit.satisfaction')}</FormLabel>
              <Box>
                <Rating
                  name="satisfaction"
                  aria-labelledby="visit-satisfaction"
                  value={satisfaction}
                  onChange={(_, v) => setSatisfaction(v)}
                  size="large"
                />
              </Box>
              {errors.message('satisfaction') && <FormHelperText error>{errors.message('satisfaction')}</FormHelperText>}
            </Box>
            <TextField
              label={t('visit.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={errors.field('note').error}
              helperText={errors.message('note') ?? t('visit.noteHint')}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            {errors.general && <Alert severity="error">{errors.general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:common.cancel')}</Button>
          <Button type="submit" variant="contained" autoFocus disabled={log.isPending} data-testid="visit-save">
            {t('visit.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
