import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Modal, Paper, Stack, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useSession } from '../../app/session';
import { LanguageToggle } from '../../components/LanguageToggle';
import { useFieldErrors } from '../../components/useFieldErrors';

/**
 * Drawn over the app, which stays mounted underneath: an open call draft, half-typed notes and
 * scroll positions are all there after unlocking (issue 7 §5). The backdrop is opaque, so
 * nothing of the work shows, and no key pressed here reaches the app's shortcuts.
 */
export function LockScreen({ open, name, onUnlocked }: { open: boolean; name: string; onUnlocked(): void }) {
  const { t } = useTranslation('safety');
  const { signOut } = useSession();
  const [password, setPassword] = useState('');
  const unlock = useMutation({
    mutationFn: () => unwrap(api().auth.unlock({ password })),
    onSuccess: () => {
      setPassword('');
      unlock.reset();
      onUnlocked();
    },
  });
  const errors = useFieldErrors(apiErrorOf(unlock.error), ['password']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    unlock.mutate();
  };
  return (
    <Modal
      open={open}
      // No onClose: neither Escape nor a click beside the card closes it, only the password.
      slotProps={{ backdrop: { sx: { bgcolor: 'background.default' } } }}
      aria-labelledby="lock-title"
      data-testid="lock-screen"
    >
      <Box
        sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', p: 2, outline: 'none' }}
        onKeyDown={(e) => e.stopPropagation()}
        onKeyUp={(e) => e.stopPropagation()}
      >
        <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 420 }}>
          <form onSubmit={submit} noValidate>
            <Stack spacing={2}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <LockIcon color="primary" />
                <Typography id="lock-title" variant="h1" component="h1" sx={{ flex: 1 }}>
                  {t('lock.title')}
                </Typography>
                <LanguageToggle color="primary" />
              </Box>
              <Typography color="text.secondary">{t('lock.subtitle', { name })}</Typography>
              <TextField
                label={t('lock.password')}
                type="password"
                autoComplete="current-password"
                autoFocus
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                {...errors.field('password')}
              />
              {errors.general && <Alert severity="error">{errors.general}</Alert>}
              <Button type="submit" variant="contained" size="large" disabled={unlock.isPending || password === ''}>
                {t('lock.unlock')}
              </Button>
              <Button onClick={() => void signOut()}>{t('lock.signOut')}</Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Modal>
  );
}
