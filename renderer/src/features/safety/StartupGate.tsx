import type { ReactNode } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { AuthCard } from '../../components/AuthCard';
import { SAFETY_KEYS } from './keys';
import { RecoveryPage } from './RecoveryPage';

/** Restarting after a restore: nothing to do but wait for main to relaunch the app. */
export function RestartingScreen() {
  const { t } = useTranslation('safety');
  return (
    <AuthCard title={t('startup.restarting')}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }} data-testid="safety-restarting">
        <CircularProgress size={24} />
        <Typography color="text.secondary">{t('startup.restartingHint')}</Typography>
      </Box>
    </AuthCard>
  );
}

/**
 * Before anything else: could main open the database? If the key was lost (recovery mode) the
 * recovery screen is all there is; after a restore, the "restarting" screen.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const startup = useQuery({ queryKey: SAFETY_KEYS.startup, queryFn: () => unwrap(api().safety.startup({})), staleTime: Infinity });
  // An older main without the channel, or a transient failure: the app itself shows what is wrong.
  if (startup.isError) return <>{children}</>;
  if (!startup.data) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="loading" />
      </Box>
    );
  }
  if (startup.data.mode === 'recovery') return <RecoveryPage reason={startup.data.reason} dbFile={startup.data.dbFile} />;
  if (startup.data.mode === 'restarting') return <RestartingScreen />;
  return <>{children}</>;
}
