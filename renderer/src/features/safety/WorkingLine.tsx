import type { ReactNode } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';

/** "Working on it" under a button whose job runs in the background for a while (a backup, a retention run). */
export function WorkingLine({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }} role="status" data-testid={testId}>
      <CircularProgress size={18} />
      <Typography>{children}</Typography>
    </Box>
  );
}
