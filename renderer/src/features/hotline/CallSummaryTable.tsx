import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDuration, type CallSummary } from '../../../../shared/domain/hotline';
import { formatDateTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { useRefNames } from './queries';

interface Props {
  rows: readonly CallSummary[];
  onOpen(id: number): void;
  dense?: boolean;
  /** what an empty list says (default: nothing matches the filters) */
  emptyText?: string;
}

/** Calls newest first; a row opens with a click or Enter (rows are in the tab order). */
export function CallSummaryTable({ rows, onOpen, dense, emptyText }: Props) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const name = useRefNames();
  const sep = lang === 'zh-TW' ? '、' : ', ';
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }} data-testid="calls-empty">
        {emptyText ?? t('calls.empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="call-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('calls.columns.id')}</TableCell>
          <TableCell>{t('fields.startedAt')}</TableCell>
          <TableCell>{t('fields.kind')}</TableCell>
          <TableCell>{t('fields.callerType')}</TableCell>
          {!dense && <TableCell>{t('fields.phone')}</TableCell>}
          <TableCell>{t('fields.operator')}</TableCell>
          <TableCell>{t('calls.columns.status')}</TableCell>
          {!dense && <TableCell>{t('fields.notes')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((c) => (
          <TableRow
            key={c.id}
            hover
            tabIndex={0}
            data-testid="call-row"
            sx={{ cursor: 'pointer' }}
            onClick={() => onOpen(c.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onOpen(c.id);
            }}
          >
            <TableCell>#{c.id}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(c.startedAt, lang)}
              <Typography variant="caption" component="div" color="text.secondary">
                {formatDuration(c.durationSec)} · {t(`direction.${c.direction}`)}
              </Typography>
            </TableCell>
            <TableCell>
              {c.kind === 'nonService' ? <Chip size="small" label={name(c.nonServiceTypeId)} /> : c.serviceItemIds.map((id) => name(id)).join(sep)}
            </TableCell>
            <TableCell>{name(c.callerTypeId)}</TableCell>
            {!dense && <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.phoneMasked}</TableCell>}
            <TableCell>{c.operatorName}</TableCell>
            <TableCell>
              <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                {c.flagIds.map((id) => (
                  <Chip key={`f${id}`} size="small" color="error" variant="outlined" label={name(id)} />
                ))}
                {c.referralStatuses.map((s, i) => (
                  <Chip key={`r${i}`} size="small" color={s === 'pending' ? 'warning' : 'default'} variant="outlined" label={t(`referrals.status.${s}`)} />
                ))}
                {c.openFollowUps > 0 && <Chip size="small" color="info" variant="outlined" label={t('calls.openFollowUps', { count: c.openFollowUps })} />}
              </Box>
            </TableCell>
            {!dense && (
              <TableCell sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{c.notesExcerpt}</TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
