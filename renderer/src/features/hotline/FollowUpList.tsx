import { useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, Paper, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { ExportButton } from '../../components/ExportButton';
import { CompleteFollowUpsDialog } from './CompleteFollowUpsDialog';
import { hotlineKey } from './queries';

/** Follow-ups due, soonest first (overdue in red); tick several and mark them done at once. */
export function FollowUpList({ onOpenCall }: { onOpenCall(id: number): void }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const [mine, setMine] = useState(false);
  const [showDone, setShowDone] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [completing, setCompleting] = useState<number[] | null>(null);
  const list = useQuery({
    queryKey: hotlineKey('followUps', !showDone, mine),
    queryFn: () => unwrap(api().hotline.followUps({ open: !showDone, mine })),
  });
  const rows = list.data ?? [];
  const now = Date.now();
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const openIds = rows.filter((f) => !f.doneAt).map((f) => f.id);
  const allChecked = openIds.length > 0 && openIds.every((id) => selected.includes(id));

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <FormControlLabel control={<Switch checked={mine} onChange={(e) => setMine(e.target.checked)} />} label={t('followUps.mine')} />
        <FormControlLabel
          control={
            <Switch
              checked={showDone}
              onChange={(e) => {
                setShowDone(e.target.checked);
                setSelected([]);
              }}
            />
          }
          label={t('followUps.showDone')}
        />
        <Box sx={{ flex: 1 }} />
        <ExportButton kind="hotline.followUps" params={{ open: !showDone, mine }} testId="follow-ups-export" />
        {!showDone && (
          <Button variant="contained" startIcon={<DoneAllIcon />} disabled={selected.length === 0} onClick={() => setCompleting(selected)} data-testid="bulk-done">
            {t('followUps.bulkDone', { count: selected.length })}
          </Button>
        )}
      </Box>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t(showDone ? 'followUps.noneDone' : 'followUps.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {!showDone && (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allChecked}
                    onChange={() => setSelected(allChecked ? [] : openIds)}
                    slotProps={{ input: { 'aria-label': t('followUps.selectAll') } }}
                  />
                </TableCell>
              )}
              <TableCell>{t('followUps.dueAt')}</TableCell>
              <TableCell>{t('followUps.owner')}</TableCell>
              <TableCell>{t('followUps.call')}</TableCell>
              <TableCell>{t('followUps.note')}</TableCell>
              <TableCell>{showDone ? t('followUps.outcome') : t('common:common.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((f) => {
              const overdue = !f.doneAt && Date.parse(f.dueAt) < now;
              return (
                <TableRow key={f.id} data-testid="follow-up-row" selected={selected.includes(f.id)}>
                  {!showDone && (
                    <TableCell padding="checkbox">
                      <Checkbox checked={selected.includes(f.id)} onChange={() => toggle(f.id)} slotProps={{ input: { 'aria-label': t('followUps.select', { id: f.callId, note: f.note }) } }} />
                    </TableCell>
                  )}
                  <TableCell sx={{ whiteSpace: 'nowrap', color: overdue ? 'error.main' : undefined, fontWeight: overdue ? 700 : undefined }}>
                    {formatDateTime(f.dueAt, lang)}
                    {overdue ? ` · ${t('followUps.overdue')}` : ''}
                  </TableCell>
                  <TableCell>{f.ownerName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => onOpenCall(f.callId)}>
                      #{f.callId}
                    </Button>
                    {f.phoneMasked}
                  </TableCell>
                  <TableCell>{f.note}</TableCell>
                  <TableCell>
                    {f.doneAt ? (
                      `${f.outcome ?? ''}（${f.doneByName ?? ''} ${formatDateTime(f.doneAt, lang)}）`
                    ) : (
                      <Button size="small" variant="outlined" onClick={() => setCompleting([f.id])}>
                        {t('followUps.markDone')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {completing && (
        <CompleteFollowUpsDialog
          ids={completing}
          onClose={(done) => {
            setCompleting(null);
            if (done) setSelected([]);
          }}
        />
      )}
    </Paper>
  );
}
