import { useMemo, useState } from 'react';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../../shared/api/channels/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useFieldErrors } from '../../components/useFieldErrors';
import { AuditFilters, EMPTY_FILTER, toFilter, type FilterForm } from './AuditFilters';
import { auditLabel } from './auditLabels';
import { SAFETY_KEYS } from './keys';

const PAGE_SIZE = 50;

/** `{"a":1}` → `a: 1`, so a row reads as text; the export keeps the JSON as stored. */
function detailsText(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join('; ');
    }
  } catch {
    // Stored text that is not JSON is shown as it is.
  }
  return json;
}

/** Supervisor: who read, changed, printed or exported what, and when (issue 7 §4). */
export default function AuditLogPage() {
  const { t } = useTranslation('safety');
  const lang = currentLang();
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilter>({});
  const [dateErrors, setDateErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const [page, setPage] = useState(0);
  const facets = useQuery({ queryKey: SAFETY_KEYS.auditFacets, queryFn: () => unwrap(api().safety.auditFacets({})) });
  const rows = useQuery({
    queryKey: [...SAFETY_KEYS.audit, applied, page],
    queryFn: () => unwrap(api().safety.auditSearch({ ...applied, offset: page * PAGE_SIZE, limit: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
  const exporter = useMutation({ mutationFn: () => unwrap(api().safety.auditExport({ ...applied, lang })) });
  const errors = useFieldErrors(apiErrorOf(rows.error ?? exporter.error), ['from', 'to', 'entityId', 'text']);
  const fieldProps = useMemo(
    () => (name: string) => {
      const local = dateErrors[name as 'from' | 'to'];
      return local ? { error: true, helperText: t(local) } : errors.field(name);
    },
    [dateErrors, errors, t],
  );

  const search = () => {
    const { filter, dateErrors: bad } = toFilter(form);
    setDateErrors(bad);
    if (Object.keys(bad).length) return;
    setApplied(filter);
    setPage(0);
    exporter.reset();
  };

  return (
    <Box>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button startIcon={<DownloadIcon />} variant="outlined" onClick={() => exporter.mutate()} disabled={exporter.isPending} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        }
      />
      <AuditFilters facets={facets.data} form={form} onChange={setForm} onSearch={search} fieldProps={fieldProps} />
      {errors.general && <Alert severity="error" sx={{ mb: 2 }}>{errors.general}</Alert>}
      {exporter.data?.saved && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="audit-exported">
          {t('audit.exported', { count: exporter.data.rows, path: exporter.data.path ?? '' })}
        </Alert>
      )}
      <Paper variant="outlined">
        <Table size="small" data-testid="audit-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('audit.columns.at')}</TableCell>
              <TableCell>{t('audit.columns.accountName')}</TableCell>
              <TableCell>{t('audit.columns.action')}</TableCell>
              <TableCell>{t('audit.columns.entity')}</TableCell>
              <TableCell>{t('audit.columns.entityId')}</TableCell>
              <TableCell>{t('audit.columns.details')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows.data?.rows ?? []).map((r) => (
              <TableRow key={r.id} hover data-testid="audit-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at, lang)}</TableCell>
                <TableCell>{r.accountName ?? t('audit.system')}</TableCell>
                <TableCell title={r.action}>{auditLabel(t, 'actions', r.action)}</TableCell>
                <TableCell title={r.entity}>{auditLabel(t, 'entities', r.entity)}</TableCell>
                <TableCell>{r.entityId ?? ''}</TableCell>
                <TableCell sx={{ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.details}>
                  {detailsText(r.details)}
                </TableCell>
              </TableRow>
            ))}
            {rows.data && rows.data.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography color="text.secondary">{t('audit.empty')}</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={rows.data?.total ?? 0}
          page={page}
          onPageChange={(_e, p) => setPage(p)}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          labelDisplayedRows={({ from, to, count }) => `${from}–${to} / ${t('audit.total', { count })}`}
        />
      </Paper>
    </Box>
  );
}
