import { useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Stack, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { AuthCard } from '../../components/AuthCard';
import { PrintDialog } from '../../components/PrintDialog';
import { useFieldErrors } from '../../components/useFieldErrors';

/**
 * Right after the first supervisor is created: the recovery key, shown this once, printable
 * through the one print path, and a box to tick before the app opens (issue 7 §2).
 */
export function RecoveryKeyPage({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('safety');
  const key = useQuery({ queryKey: ['safety', 'recoveryKey'], queryFn: () => unwrap(api().safety.recoveryKey({})), staleTime: Infinity, gcTime: 0 });
  const [stored, setStored] = useState(false);
  const [printing, setPrinting] = useState(false);
  const confirm = useMutation({
    mutationFn: () => unwrap(api().safety.confirmRecoveryKey({ stored: stored as true })),
    onSuccess: onDone,
  });
  const errors = useFieldErrors(apiErrorOf(confirm.error ?? key.error), ['stored']);
  const groups = key.data?.recoveryKey.split('-') ?? [];
  return (
    <AuthCard title={t('recoveryKey.title')}>
      <Stack spacing={2}>
        <Typography>{t('recoveryKey.intro')}</Typography>
        <Paper variant="outlined" sx={{ p: 2, bgcolor: 'action.hover' }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('recoveryKey.keyLabel')}
          </Typography>
          <Box
            data-testid="recovery-key"
            aria-label={key.data?.recoveryKey}
            sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, auto)', gap: 1, justifyContent: 'center', fontFamily: 'monospace', fontSize: 20, fontWeight: 700, letterSpacing: '0.1em' }}
          >
            {groups.map((g, i) => (
              <span key={i}>{g}</span>
            ))}
          </Box>
        </Paper>
        <Button startIcon={<PrintIcon />} variant="outlined" onClick={() => setPrinting(true)} disabled={!key.data}>
          {t('recoveryKey.printButton')}
        </Button>
        <FormControlLabel
          control={<Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)} />}
          label={t('recoveryKey.stored')}
        />
        {(errors.message('stored') ?? errors.general) && <Alert severity="error">{errors.message('stored') ?? errors.general}</Alert>}
        <Button variant="contained" size="large" onClick={() => confirm.mutate()} disabled={confirm.isPending || !key.data}>
          {t('recoveryKey.continue')}
        </Button>
      </Stack>
      {printing && <PrintDialog kind="safety.recoveryKey" onClose={() => setPrinting(false)} />}
    </AuthCard>
  );
}
