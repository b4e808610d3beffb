import { useState } from 'react';
import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import BackupIcon from '@mui/icons-material/Backup';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, SafetySettings } from '../../../../shared/api/channels/safety';
import { formatBytes } from '../../../../shared/domain/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { useFieldErrors } from '../../components/useFieldErrors';
import { SAFETY_KEYS } from './keys';
import { RestoreDialog } from './RestoreDialog';
import { SpaceLines } from './SpaceLines';
import { Section } from './Section';
import { numberOrNaN } from './SessionSection';
import { WorkingLine } from './WorkingLine';

const KIND_COLOR = { auto: 'default', manual: 'primary', preRestore: 'warning' } as const;

export function BackupSection({ settings }: { settings: SafetySettings }) {
  const { t } = useTranslation('safety');
  const lang = currentLang();
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: SAFETY_KEYS.backups, queryFn: () => unwrap(api().safety.backups({})) });
  const [folder, setFolder] = useState(settings.backupFolder ?? '');
  const [keep, setKeep] = useState(String(settings.backupKeep));
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: SAFETY_KEYS.backups });

  const savePolicy = useMutation({
    mutationFn: () => unwrap(api().safety.setBackupPolicy({ folder: folder.trim() === '' ? null : folder, keep: numberOrNaN(keep) })),
    onSuccess: (next) => {
      queryClient.setQueryData(SAFETY_KEYS.settings, next);
      void refresh();
    },
  });
  const pick = useMutation({
    mutationFn: () => unwrap(api().safety.pickBackupFolder({})),
    onSuccess: (r) => r.folder && setFolder(r.folder),
  });
  const backupNow = useMutation({ mutationFn: () => unwrap(api().safety.backupNow({})), onSuccess: () => void refresh() });
  const policyErrors = useFieldErrors(apiErrorOf(savePolicy.error), ['folder', 'keep']);
  const failure = apiErrorOf(backupNow.error ?? overview.error);
  const data = overview.data;

  return (
    <Section title={t('backup.title')} subtitle={t('backup.subtitle')} testId="backup-section">
      <Box component="form" sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }} onSubmit={(e) => (e.preventDefault(), savePolicy.mutate())} noValidate>
        <TextField
          label={t('backup.folder')}
          value={folder}
          onChange={(e) => {
            setFolder(e.target.value);
            savePolicy.reset();
          }}
          placeholder={settings.defaultBackupFolder}
          sx={{ flex: 1, minWidth: 320 }}
          {...policyErrors.field('folder')}
          helperText={policyErrors.message('folder') ?? t('backup.folderHint', { folder: settings.defaultBackupFolder })}
        />
        <Button startIcon={<FolderOpenIcon />} onClick={() => pick.mutate()} sx={{ mt: 1 }}>
          {t('backup.choose')}
        </Button>
        <TextField label={t('backup.keep')} type="number" value={keep} onChange={(e) => setKeep(e.target.value)} sx={{ width: 150 }} {...policyErrors.field('keep')} />
        <Button type="submit" variant="outlined" sx={{ mt: 1 }} disabled={savePolicy.isPending}>
          {t('backup.savePolicy')}
        </Button>
      </Box>
      {savePolicy.isSuccess && <Alert severity="success" sx={{ mb: 1 }}>{t('backup.policySaved')}</Alert>}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }}>
        <Button variant="contained" startIcon={<BackupIcon />} onClick={() => backupNow.mutate()} disabled={backupNow.isPending} data-testid="backup-now">
          {t('backup.now')}
        </Button>
        <Typography color="text.secondary">
          {data?.lastAutomaticAt ? t('backup.lastAutomatic', { at: formatDateTime(data.lastAutomaticAt, lang) }) : t('backup.neverAutomatic')}
        </Typography>
      </Box>
      {backupNow.isPending && <WorkingLine testId="backup-making">{t('backup.making')}</WorkingLine>}
      {backupNow.data && <Alert severity="success" sx={{ mb: 1 }} data-testid="backup-made">{t('backup.made', { name: backupNow.data.name })}</Alert>}
      {failure && <Alert severity="error" sx={{ mb: 1 }}>{t(failure.messageKey, failure.params ?? {})}</Alert>}
      {data?.folderProblem && <Alert severity="error" sx={{ mb: 1 }}>{t(data.folderProblem, { folder: data.folder })}</Alert>}
      {data && <SpaceLines space={data.space} />}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('backup.columns.createdAt')}</TableCell>
            <TableCell>{t('backup.columns.kind')}</TableCell>
            <TableCell align="right">{t('backup.columns.size')}</TableCell>
            <TableCell>{t('backup.columns.name')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.backups ?? []).map((b) => (
            <TableRow key={b.name} hover data-testid="backup-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt, lang)}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" color={KIND_COLOR[b.kind]} label={t(`backup.kinds.${b.kind}`)} />
              </TableCell>
              <TableCell align="right">{formatBytes(b.sizeBytes)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{b.name}</TableCell>
              <TableCell align="right">
                <Button size="small" color="warning" onClick={() => setRestoring(b)}>
                  {t('backup.restore')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
          {data && data.backups.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>
                <Typography color="text.secondary">{t('backup.empty')}</Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </Section>
  );
}
