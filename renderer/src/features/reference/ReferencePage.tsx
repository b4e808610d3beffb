import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  IconButton,
  Paper,
  Switch,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Tooltip,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import EditIcon from '@mui/icons-material/Edit';
import ArchiveIcon from '@mui/icons-material/Archive';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REF_EXTRA_FIELDS, REF_KINDS, type RefItem, type RefKind } from '../../../../shared/domain/reference';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';
import { RefItemDialog } from './RefItemDialog';
import { REFERENCE_KEY, useReference } from './useReference';

function extraSummary(item: RefItem, t: (k: string) => string): string {
  return REF_EXTRA_FIELDS[item.kind]
    .map((f) => {
      const v = item.extra[f.key];
      if (v === '' || v == null || v === false) return null;
      return `${t(`reference.extra.${f.key}`)}: ${v === true ? '✓' : String(v)}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** Supervisor: every pick-list of the app, bilingual, ordered, retired rather than deleted. */
export default function ReferencePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data, error } = useReference();
  const [kind, setKind] = useState<RefKind>('serviceItem');
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<RefItem | 'new' | null>(null);
  const all = data?.[kind] ?? [];
  const rows = showRetired ? all : all.filter((i) => !i.retired);

  const refresh = () => queryClient.invalidateQueries({ queryKey: REFERENCE_KEY });
  const reorder = useMutation({
    mutationFn: (orderedIds: number[]) => unwrap(api().reference.reorder({ kind, orderedIds })),
    onSettled: refresh,
  });
  const retire = useMutation({
    mutationFn: (v: { id: number; retired: boolean }) => unwrap(api().reference.setRetired(v)),
    onSettled: refresh,
  });
  const failure = apiErrorOf(reorder.error ?? retire.error ?? error);

  // Moves within the full list (retired entries keep their place), swapping with the
  // nearest visible neighbour so the move is what the supervisor sees.
  const move = (item: RefItem, dir: -1 | 1) => {
    const ids = all.map((i) => i.id);
    const visible = rows.map((i) => i.id);
    const neighbour = visible[visible.indexOf(item.id) + dir];
    if (neighbour === undefined) return;
    const a = ids.indexOf(item.id);
    const b = ids.indexOf(neighbour);
    [ids[a], ids[b]] = [ids[b] as number, ids[a] as number];
    reorder.mutate(ids);
  };

  return (
    <Box>
      <PageHeader
        title={t('reference.title')}
        subtitle={t('reference.subtitle')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="ref-add">
            {t('reference.add')}
          </Button>
        }
      />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ flexShrink: 0 }}>
          <Tabs orientation="vertical" value={kind} onChange={(_, v: RefKind) => setKind(v)} aria-label={t('reference.kindsLabel')}>
            {REF_KINDS.map((k) => (
              <Tab key={k} value={k} label={t(`reference.kinds.${k}`)} sx={{ alignItems: 'flex-start', textAlign: 'left' }} data-kind={k} />
            ))}
          </Tabs>
        </Paper>
        <Paper variant="outlined" sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ px: 2, pt: 1 }}>
            <FormControlLabel
              control={<Switch checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />}
              label={t('reference.showRetired')}
            />
          </Box>
          {failure && <Alert severity="error" sx={{ mx: 2 }}>{t(failure.messageKey, failure.params ?? {})}</Alert>}
          <Table size="small" aria-label={t(`reference.kinds.${kind}`)}>
            <TableHead>
              <TableRow>
                <TableCell width={56}>#</TableCell>
                <TableCell>{t('reference.nameZh')}</TableCell>
                <TableCell>{t('reference.nameEn')}</TableCell>
                <TableCell>{t('reference.details')}</TableCell>
                <TableCell width={96}>{t('reference.status')}</TableCell>
                <TableCell width={200} align="right">{t('common.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((item, index) => (
                <TableRow key={item.id} hover data-testid="ref-row" sx={item.retired ? { opacity: 0.55 } : undefined}>
                  <TableCell>{index + 1}</TableCell>
                  <TableCell>{item.nameZh}</TableCell>
                  <TableCell>{item.nameEn}</TableCell>
                  <TableCell sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>{extraSummary(item, t)}</TableCell>
                  <TableCell>
                    {item.retired ? <Chip size="small" label={t('reference.retired')} /> : <Chip size="small" color="success" variant="outlined" label={t('reference.active')} />}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={t('reference.moveUp')}>
                      <span>
                        <IconButton aria-label={t('reference.moveUp')} disabled={index === 0 || reorder.isPending} onClick={() => move(item, -1)}>
                          <ArrowUpwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={t('reference.moveDown')}>
                      <span>
                        <IconButton aria-label={t('reference.moveDown')} disabled={index === rows.length - 1 || reorder.isPending} onClick={() => move(item, 1)}>
                          <ArrowDownwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={t('common.edit')}>
                      <IconButton aria-label={t('common.edit')} onClick={() => setEditing(item)}>
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t(item.retired ? 'reference.restore' : 'reference.retire')}>
                      <IconButton
                        aria-label={t(item.retired ? 'reference.restore' : 'reference.retire')}
                        onClick={() => retire.mutate({ id: item.id, retired: !item.retired })}
                      >
                        {item.retired ? <UnarchiveIcon fontSize="small" /> : <ArchiveIcon fontSize="small" />}
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Box>
      {editing && <RefItemDialog kind={kind} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}
