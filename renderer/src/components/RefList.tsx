import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import type { RefItem } from '../../../shared/domain/reference';
import { refName } from '../../../shared/domain/reference';
import { useLanguage } from '../app/language';

/** A titled card listing reference entries with an optional second line. */
export function RefList({ title, items, secondary }: { title: string; items: RefItem[]; secondary?: (i: RefItem) => string | null }) {
  const { lang } = useLanguage();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <List dense disablePadding>
        {items.map((i) => (
          <ListItem key={i.id} disableGutters>
            <ListItemText primary={refName(i, lang)} secondary={secondary?.(i) ?? undefined} />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
