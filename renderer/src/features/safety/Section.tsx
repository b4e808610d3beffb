import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';

/** One framed part of the data-safety page. */
export function Section({ title, subtitle, children, testId }: { title: string; subtitle?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid={testId}>
      <Typography variant="h3" component="h2">
        {title}
      </Typography>
      {subtitle && (
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {subtitle}
        </Typography>
      )}
      <Box sx={{ mt: 2 }}>{children}</Box>
    </Paper>
  );
}
