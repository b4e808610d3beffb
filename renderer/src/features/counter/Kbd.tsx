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

/** Toggle buttons keep the case of what they say: 'English' and '80 mm', not 'ENGLISH' and '80 MM'. */
export const NO_CAPS = { '& .MuiToggleButton-root': { textTransform: 'none' } } as const;
