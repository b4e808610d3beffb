import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** The key that triggers a button, shown on the button itself so nobody has to remember it. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <Box
      component="kbd"
      aria-hidden
      sx={{ ml: 0.75, px: 0.5, fontSize: '0.7rem', fontFamily: 'monospace', border: 1, borderColor: 'divider', borderRadius: 0.5, lineHeight: 1.4 }}
    >
      {children}
    </Box>
  );
}
