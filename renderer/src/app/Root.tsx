import { Box, CircularProgress } from '@mui/material';
import { useSession } from './session';
import { SetupPage } from '../features/auth/SetupPage';
import { SignInPage } from '../features/auth/SignInPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { Shell } from './Shell';

/** First run → supervisor setup; signed out → sign-in; reset password → change it; else the shell. */
export function Root() {
  const { status, account } = useSession();
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
  return <Shell account={account} />;
}
