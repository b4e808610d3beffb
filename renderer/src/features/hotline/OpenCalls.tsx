import { useState, type RefObject } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Tab, Tabs, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../../shared/lib/time';
import { CallForm } from './CallForm';
import { problemsOf } from './formConvert';
import { isFormField, useFormErrors } from './formErrors';
import { useRefNames } from './queries';
import type { DeskDraft, useDraftDesk } from './useDraftDesk';

interface Props {
  desk: ReturnType<typeof useDraftDesk>;
  notesRef: RefObject<HTMLTextAreaElement | null>;
  onSave(): void;
  onOpenCall(id: number): void;
}

/** "Saved 14:32:05" / "Saving…" / why it could not be saved: the operator always knows. */
function DraftStatus({ draft }: { draft: DeskDraft }) {
  const { t } = useTranslation('hotline');
  const s = draft.save;
  if (s.state === 'error') {
    return (
      <Typography color="error" data-testid="draft-status" data-state="error">
        {t('desk.draftError', { reason: t(s.error?.messageKey ?? 'common:errors.internal', s.error?.params ?? {}) })}
      </Typography>
    );
  }
  const text = s.state === 'saved' && s.at ? t('desk.draftSaved', { time: new Date(s.at).toLocaleTimeString('en-GB', { timeZone: 'Asia/Taipei', hour12: false }) }) : t('desk.draftSaving');
  return (
    <Typography color="text.secondary" data-testid="draft-status" data-state={s.state}>
      {text}
    </Typography>
  );
}

/** The open calls as tabs (a second line may ring), and the form of the one in front. */
export function OpenCalls({ desk, notesRef, onSave, onOpenCall }: Props) {
  const { t } = useTranslation('hotline');
  const name = useRefNames();
  const [confirm, setConfirm] = useState(false);
  const drafts = desk.drafts ?? [];
  const active = desk.active;
  // A refused autosave (e.g. a note over the limit) is shown at its field like a refused save.
  const errors = useFormErrors([...(active?.problems ?? []), ...problemsOf(active?.save.error ?? null)]);
  if (!active) return null;
  const fieldProblems = active.problems.filter((p) => isFormField(p.field)).length;

  const label = (d: DeskDraft, i: number) => {
    const who = d.payload.callerTypeId !== null ? name(d.payload.callerTypeId) : d.payload.phone || t('desk.newCallTab');
    return `${i + 1}. ${formatTime(d.startedAt)} ${who}`;
  };

  return (
    <Box>
      <Paper variant="outlined" sx={{ mb: 2, display: 'flex', alignItems: 'center', gap: 2, pr: 2, flexWrap: 'wrap' }}>
        <Tabs value={active.id} onChange={(_e, id: number) => desk.setActiveId(id)} variant="scrollable" aria-label={t('desk.openCalls')} sx={{ flex: 1 }}>
          {drafts.map((d, i) => (
            <Tab key={d.id} value={d.id} label={label(d, i)} data-testid="draft-tab" />
          ))}
        </Tabs>
        <DraftStatus draft={active} />
        <Button color="inherit" onClick={() => setConfirm(true)}>
          {t('desk.discard')}
        </Button>
        <Button variant="contained" color="primary" startIcon={<SaveIcon />} onClick={onSave} data-testid="save-call">
          {t('desk.saveCall')} (Ctrl+Enter)
        </Button>
      </Paper>
      {active.problems.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="save-refused">
          {/* Fields to correct are counted; a reason that is no field's (a full disk) is shown right below. */}
          {fieldProblems > 0 ? t('desk.notSaved', { count: fieldProblems }) : t('desk.notSavedKept')}
        </Alert>
      )}
      <CallForm
        key={active.id}
        value={active.payload}
        onChange={(update) => desk.update(active.id, update)}
        errors={errors}
        mode="new"
        onEndCall={() => desk.endCall(active.id)}
        onOpenCall={onOpenCall}
        notesRef={notesRef}
      />
      {confirm && (
        <Dialog open onClose={() => setConfirm(false)}>
          <DialogTitle>{t('desk.discard')}</DialogTitle>
          <DialogContent>{t('desk.discardConfirm')}</DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirm(false)} autoFocus>
              {t('common:common.cancel')}
            </Button>
            <Button
              color="error"
              variant="contained"
              onClick={() => {
                setConfirm(false);
                void desk.discard(active.id);
              }}
            >
              {t('desk.discard')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}
