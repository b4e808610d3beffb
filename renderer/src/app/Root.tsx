import { Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useSession } from './session';
import { SetupPage } from '../features/auth/SetupPage';
import { SignInPage } from '../features/auth/SignInPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { Shell } from './Shell';
import { SessionGuard } from '../features/safety/SessionGuard';
import { publicPageFor } from './routes';

/** First run → supervisor setup; signed out → sign-in; reset password → change it; else the shell. */
export function Root() {
  const { status, account } = useSession();
  const PublicPage = publicPageFor(window.location.hash);
  if (PublicPage) {
    return (
      <Suspense fallback={null}>
        <PublicPage />
      </Suspense>
    );
  }
  if (!status) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="loading" />
      </Box>
    );
  }
  if (status.needsSetup) return <SetupPage />;
  if (!account) return <SignInPage />;
  if (account.mustChangePassword) return <ChangePasswordPage />;
  return (
    <SessionGuard account={account}>
      <Shell account={account} />
    </SessionGuard>
  );
}
