import { useState } from 'react';
import { Alert, Box, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Divider, FormControlLabel, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import PrintIcon from '@mui/icons-material/Print';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DraftPayload } from '../../../../shared/domain/hotline';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { PrintDialog } from '../../components/PrintDialog';
import { CallForm } from './CallForm';
import { CallHistoryDialog } from './CallHistoryDialog';
import { CallView } from './CallView';
import { FollowUpsPanel } from './FollowUpsPanel';
import { problemsOf, recordToPayload, toSaveInput, type FormProblem } from './formConvert';
import { useFormErrors } from './formErrors';
import { HOTLINE_KEY, hotlineKey, useSettings } from './queries';
import { ReferralsPanel } from './ReferralsPanel';

/** One saved call: read it, edit it (within the window), its referrals and follow-ups, print it. */
export function CallDetailDialog({ callId, onClose, onOpenCall }: { callId: number; onClose(): void; onOpenCall(id: number): void }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const { account } = useSession();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: hotlineKey('call', callId), queryFn: () => unwrap(api().hotline.getCall({ id: callId })), staleTime: 0 });
  const settings = useSettings();
  const [editing, setEditing] = useState<DraftPayload | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [showFull, setShowFull] = useState(false);
  const [history, setHistory] = useState(false);
  const errors = useFormErrors(problems);
  const isSupervisor = account?.roles.includes('supervisor') ?? false;
  const d = detail.data;

  const save = async () => {
    if (!editing || saving) return;
    const converted = toSaveInput(editing, new Date());
    if (!converted.ok) return setProblems(converted.problems);
    setSaving(true);
    const r = await api().hotline.updateCall({ id: callId, call: converted.value.call });
    setSaving(false);
    if (!r.ok) return setProblems(problemsOf(r.error));
    setProblems([]);
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
  };

  const rights = !d
    ? null
    : d.editable
      ? d.editableUntil
        ? t('detail.editableUntil', { time: formatDateTime(d.editableUntil, lang) })
        : null
      : d.editableUntil
        ? t('detail.windowClosed', { hours: settings.data?.editWindowHours ?? '' })
        : t('errors.notYourCall');

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      onKeyDown={(e) => {
        if (editing && e.ctrlKey && e.key === 'Enter') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Box sx={{ flex: 1 }}>{t('detail.title', { id: callId })}</Box>
        {d && d.editCount > 0 && <Typography color="text.secondary">{t('detail.editCount', { count: d.editCount })}</Typography>}
      </DialogTitle>
      <DialogContent dividers>
        {detail.isLoading && <CircularProgress />}
        {detail.error && <Alert severity="error">{t(apiErrorOf(detail.error)?.messageKey ?? 'common:errors.internal')}</Alert>}
        {d && (
          <>
            {rights && (
              <Alert severity={d.editable ? 'info' : 'warning'} sx={{ mb: 2 }}>
                {rights}
              </Alert>
            )}
            {editing ? (
              <CallForm
                value={editing}
                onChange={(update) => setEditing((p) => (p ? update(p) : p))}
                errors={errors}
                mode="edit"
                excludeCallId={callId}
                onOpenCall={onOpenCall}
              />
            ) : (
              <CallView call={d.call} />
            )}
            <Divider sx={{ my: 2 }} />
            <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
              {t('referrals.title')}
            </Typography>
            <ReferralsPanel callId={callId} referrals={d.referrals} />
            <Divider sx={{ my: 2 }} />
            <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
              {t('followUps.title')}
            </Typography>
            <FollowUpsPanel callId={callId} followUps={d.followUps} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        {isSupervisor && (
          <Button startIcon={<HistoryIcon />} onClick={() => setHistory(true)}>
            {t('detail.history')}
          </Button>
        )}
        <FormControlLabel control={<Checkbox checked={showFull} onChange={(e) => setShowFull(e.target.checked)} />} label={t('detail.showFull')} />
        <Button startIcon={<PrintIcon />} onClick={() => setPrinting(true)} disabled={!d}>
          {t('detail.print')}
        </Button>
        <Box sx={{ flex: 1 }} />
        {editing ? (
          <>
            <Button
              onClick={() => {
                setEditing(null);
                setProblems([]);
              }}
            >
              {t('common:common.cancel')}
            </Button>
            <Button variant="contained" onClick={() => void save()} disabled={saving}>
              {t('common:common.save')} (Ctrl+Enter)
            </Button>
          </>
        ) : (
          <>
            {d?.editable && (
              <Button startIcon={<EditIcon />} onClick={() => setEditing(recordToPayload(d.call, lang))}>
                {t('common:common.edit')}
              </Button>
            )}
            <Button variant="contained" onClick={onClose}>
              {t('common:common.close')}
            </Button>
          </>
        )}
      </DialogActions>
      {printing && <PrintDialog kind="hotline.call" params={{ id: callId, showFull }} onClose={() => setPrinting(false)} />}
      {history && <CallHistoryDialog callId={callId} onClose={() => setHistory(false)} />}
    </Dialog>
  );
}
