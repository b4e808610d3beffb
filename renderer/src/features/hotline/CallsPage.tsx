import { useRef, useState } from 'react';
import { Alert, Box, Pagination, Paper, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useSession } from '../../app/session';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { CallDetailDialog } from './CallDetailDialog';
import { CallFilters, type CallQuery } from './CallFilters';
import { CallSummaryTable } from './CallSummaryTable';
import { hotlineKey } from './queries';
import { SettingsCard } from './SettingsCard';
import { ShortcutHelp } from './ShortcutHelp';
import { useHotlineKeys } from './useHotlineKeys';

const PAGE_SIZE = 25;

/** Call list and search: filters, Chinese substring search over notes, paged; open, edit, print. */
export default function CallsPage() {
  const { t } = useTranslation('hotline');
  const { account } = useSession();
  const [query, setQuery] = useState<CallQuery>({});
  const [page, setPage] = useState(1);
  const [openCall, setOpenCall] = useState<number | null>(null);
  const textRef = useRef<HTMLInputElement>(null);
  const keys = useHotlineKeys((e) => {
    if (e.ctrlKey && e.key.toLowerCase() === 'k') {
      textRef.current?.focus();
      return true;
    }
    return false;
  });
  const result = useQuery({
    queryKey: hotlineKey('search', query, page),
    queryFn: () => unwrap(api().hotline.searchCalls({ ...query, page, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
  const failure = apiErrorOf(result.error);
  const serverErrors: Record<string, string> = {};
  for (const f of failure?.fields ?? []) serverErrors[f.field] = t(f.messageKey, f.params ?? {});
  const total = result.data?.total ?? 0;

  return (
    <Box>
      <PageHeader title={t('calls.title')} subtitle={t('calls.subtitle')} />
      {account?.roles.includes('supervisor') && <SettingsCard />}
      <CallFilters
        textRef={textRef}
        serverErrors={serverErrors}
        onSearch={(q) => {
          setQuery(q);
          setPage(1);
        }}
      />
      {failure && !failure.fields?.length && <Alert severity="error">{t(failure.messageKey)}</Alert>}
      <Paper variant="outlined">
        <Box sx={{ display: 'flex', alignItems: 'center', p: 1.5, gap: 1 }}>
          <Typography sx={{ flex: 1 }} data-testid="calls-total">
            {t('calls.total', { count: total })}
          </Typography>
          {/* the filter the list shows, all pages of it */}
          <ExportButton kind="hotline.calls" params={query} testId="calls-export" />
        </Box>
        <CallSummaryTable rows={result.data?.rows ?? []} onOpen={setOpenCall} />
        {total > PAGE_SIZE && (
          <Box sx={{ display: 'flex', justifyContent: 'center', p: 1 }}>
            <Pagination count={Math.ceil(total / PAGE_SIZE)} page={page} onChange={(_e, p) => setPage(p)} />
          </Box>
        )}
      </Paper>
      {openCall !== null && <CallDetailDialog callId={openCall} onClose={() => setOpenCall(null)} onOpenCall={setOpenCall} />}
      {keys.help && <ShortcutHelp onClose={keys.closeHelp} />}
    </Box>
  );
}
