import { useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Tab, Tabs, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import SaveIcon from '@mui/icons-material/Save';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime, formatTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { PrintDialog } from '../../components/PrintDialog';
import { useFieldErrors } from '../../components/useFieldErrors';
import { HandoverSummaryView } from './HandoverSummaryView';
import { PendingHandover } from './PendingHandover';
import { HOTLINE_KEY, hotlineKey, useOverview, useRefNames } from './queries';
import { ShortcutHelp } from './ShortcutHelp';
import { useHotlineKeys } from './useHotlineKeys';

type Which = 'current' | 'previous';

const JUST_CHANGED_MS = 60 * 60_000;

/** The operator closes the shift: the summary as it stands, notes for the next shift, save and print. */
function Composer({ onSaved }: { onSaved(id: number): void }) {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const overview = useOverview().data;
  const [chosen, setWhich] = useState<Which | null>(null);
  // Writing the handover just after the shift changed means the shift that just ended.
  const which: Which = chosen ?? (overview && Date.now() - Date.parse(overview.windowStart) < JUST_CHANGED_MS ? 'previous' : 'current');
  const [notes, setNotes] = useState('');
  const preview = useQuery({ queryKey: hotlineKey('handoverPreview', which), queryFn: () => unwrap(api().hotline.handoverPreview({ which })), staleTime: 0 });
  const save = useMutation({
    mutationFn: () => unwrap(api().hotline.saveHandover({ which, notes })),
    onSuccess: async (h) => {
      setNotes('');
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
      onSaved(h.id);
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['notes']);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
      <Tabs value={which} onChange={(_e, v: Which) => setWhich(v)} sx={{ mb: 2 }}>
        <Tab value="current" label={t('handover.which.current')} />
        <Tab value="previous" label={t('handover.which.previous')} />
      </Tabs>
      {preview.data && <HandoverSummaryView summary={preview.data} />}
      <TextField
        label={t('handover.notes')}
        placeholder={t('handover.notesHint')}
        multiline
        minRows={4}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        sx={{ mt: 2 }}
        {...errors.field('notes')}
      />
      {errors.general && <Alert severity="error">{errors.general}</Alert>}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={() => save.mutate()} disabled={save.isPending} data-testid="save-handover">
          {t('handover.save')}
        </Button>
      </Box>
    </Paper>
  );
}

/** 交班: write (operators) and read (everyone on the line) the shift handovers. */
export default function HandoverPage() {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const { account } = useSession();
  const name = useRefNames();
  const keys = useHotlineKeys();
  const [printing, setPrinting] = useState<number | null>(null);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const list = useQuery({ queryKey: hotlineKey('handovers'), queryFn: () => unwrap(api().hotline.handovers({})) });
  const isOperator = account?.roles.includes('operator') ?? false;

  return (
    <Box>
      <PageHeader title={t('handover.title')} subtitle={t('handover.subtitle')} />
      {isOperator && <PendingHandover />}
      {isOperator && (
        <Composer
          onSaved={(id) => {
            setJustSaved(id);
            setPrinting(id);
          }}
        />
      )}
      {justSaved !== null && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="handover-saved">
          {t('handover.saved')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" component="h2" sx={{ flex: 1 }}>
          {t('handover.past')}
        </Typography>
        <ExportButton kind="hotline.handovers" params={{}} testId="handovers-export" />
      </Box>
      <Paper variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('fields.shift')}</TableCell>
              <TableCell>{t('handover.writtenBy')}</TableCell>
              <TableCell>{t('handover.totalCalls')}</TableCell>
              <TableCell>{t('handover.notes')}</TableCell>
              <TableCell>{t('handover.acknowledgedBy')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(list.data ?? []).map((h) => (
              <TableRow key={h.id} data-testid="handover-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {h.shiftId === null ? t('handover.wholeDay') : name(h.shiftId)} {formatDateForLang(new Date(h.windowStart), lang, 'short')} {formatTime(h.windowStart)}–{formatTime(h.windowEnd)}
                </TableCell>
                <TableCell>
                  {h.createdByName} {formatDateTime(h.createdAt, lang)}
                </TableCell>
                <TableCell>{h.summary.totalCalls}</TableCell>
                <TableCell sx={{ maxWidth: 320, whiteSpace: 'pre-wrap' }}>{h.notes}</TableCell>
                <TableCell>{h.acknowledgedAt ? `${h.acknowledgedByName ?? ''} ${formatDateTime(h.acknowledgedAt, lang)}` : <Chip size="small" color="warning" label={t('handover.notAcknowledged')} />}</TableCell>
                <TableCell>
                  <Button size="small" startIcon={<PrintIcon />} onClick={() => setPrinting(h.id)}>
                    {t('handover.print')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {(list.data ?? []).length === 0 && (
          <Stack sx={{ p: 2 }}>
            <Typography color="text.secondary">{t('handover.none')}</Typography>
          </Stack>
        )}
      </Paper>
      {printing !== null && <PrintDialog kind="hotline.handover" params={{ id: printing }} onClose={() => setPrinting(null)} />}
      {keys.help && <ShortcutHelp onClose={keys.closeHelp} />}
    </Box>
  );
}
