import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/api/common';
import type { InquiryResult } from '../../../../shared/api/channels/counter';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { PageHeader } from '../../components/PageHeader';
import { PrintDialog } from '../../components/PrintDialog';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useHotkeys } from './hooks';
import { Kbd, NO_CAPS } from './Kbd';
import { SlipLayoutToggle, slipKind, useSlipLayout } from './slipLayout';

/**
 * 進度查詢: the visitor's own lecture sessions and statuses. The typed ID is cleared from the
 * screen as soon as the answer comes back (only the masked form stays), Esc clears the answer.
 */
export default function InquiryPage() {
  const { t } = useTranslation('counter');
  const { lang } = useLanguage();
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<InquiryResult | null>(null);
  const [printing, setPrinting] = useState(false);
  const [first, setFirst] = useState<Lang>('zh-TW');
  const [layout, setLayout] = useSlipLayout();
  const inputRef = useRef<HTMLInputElement>(null);

  const lookup = useMutation({
    mutationFn: (nationalId: string) => unwrap(api().counter.inquiry({ nationalId })),
    onSuccess: (r) => {
      setResult(r);
      setTyped('');
    },
  });
  const errors = useFieldErrors(apiErrorOf(lookup.error), ['nationalId']);

  const clear = () => {
    setResult(null);
    setTyped('');
    lookup.reset();
    inputRef.current?.focus();
  };
  const hotkeys = useMemo(() => ({ Escape: clear, F2: () => setFirst('zh-TW'), F3: () => setFirst('en') }), []);
  useHotkeys(hotkeys, !printing);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    lookup.mutate(typed);
  };

  const label = (group: 'status' | 'kind', code: string) => t(`lectures:${group}.${code}`, { defaultValue: code });

  return (
    <Box>
      <PageHeader title={t('inquiry.title')} subtitle={t('inquiry.subtitle')} />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <form onSubmit={submit} noValidate>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField
              inputRef={inputRef}
              autoFocus
              label={t('inquiry.id')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              sx={{ maxWidth: 360 }}
              slotProps={{ htmlInput: { maxLength: 20, 'data-testid': 'inquiry-id' } }}
              {...errors.field('nationalId')}
            />
            <Button type="submit" variant="contained" disabled={lookup.isPending}>
              {t('inquiry.search')}
            </Button>
            <Button onClick={clear}>
              {t('inquiry.clear')} <Kbd>Esc</Kbd>
            </Button>
          </Stack>
        </form>
        <Typography variant="body2" color="text.secondary">
          {t('inquiry.privacy')}
        </Typography>
        {errors.general && <Alert severity="error">{errors.general}</Alert>}
      </Paper>

      {result && !result.found && (
        <Alert severity="info" data-testid="inquiry-not-found">
          {t('inquiry.notFound', { id: result.maskedId })}
        </Alert>
      )}
      {result?.found && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="inquiry-result">
          <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h2" component="h2">
              {result.name}
            </Typography>
            <Chip label={result.maskedId} data-testid="inquiry-masked-id" />
            <Box sx={{ flex: 1 }} />
            <Typography variant="body2">{t('inquiry.slipLang')}</Typography>
            <ToggleButtonGroup sx={NO_CAPS} exclusive size="small" value={first} onChange={(_, v: Lang | null) => v && setFirst(v)} aria-label={t('inquiry.slipLang')}>
              <ToggleButton value="zh-TW">
                中文 <Kbd>F2</Kbd>
              </ToggleButton>
              <ToggleButton value="en">
                English <Kbd>F3</Kbd>
              </ToggleButton>
            </ToggleButtonGroup>
            <SlipLayoutToggle value={layout} onChange={setLayout} />
            <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => setPrinting(true)} data-testid="print-status-slip">
              {t('inquiry.print')}
            </Button>
          </Stack>
          {result.enrolments.length === 0 ? (
            <Typography>{t('inquiry.noEnrolments')}</Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  {(['date', 'time', 'venue', 'kind', 'status', 'since'] as const).map((c) => (
                    <TableCell key={c}>{t(`inquiry.columns.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {result.enrolments.map((e) => (
                  <TableRow key={e.enrolmentId} data-testid="inquiry-row">
                    <TableCell>{formatDateForLang(e.sessionDate, lang, 'short')}</TableCell>
                    <TableCell>
                      {e.startTime}–{e.endTime}
                    </TableCell>
                    <TableCell>{e.venue ? (lang === 'en' ? e.venue.nameEn : e.venue.nameZh) : '—'}</TableCell>
                    <TableCell>{label('kind', e.sessionKind)}</TableCell>
                    <TableCell sx={{ fontWeight: 700 }}>{label('status', e.status)}</TableCell>
                    <TableCell>{formatDateTime(e.statusChangedAt, lang)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      )}
      {printing && result?.found && (
        <PrintDialog
          kind={slipKind('counter.statusSlip', layout)}
          params={{ inquiryId: result.inquiryId, first }}
          onClose={() => {
            setPrinting(false);
            inputRef.current?.focus();
          }}
        />
      )}
    </Box>
  );
}
