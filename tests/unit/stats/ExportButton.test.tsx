// @vitest-environment jsdom
/**
 * The reusable export control, mocked only at the typed window.api seam: what it asks main
 * for (kind, the screen's params, the interface language, the format) and what it tells
 * the person afterwards.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { ExportOutcome } from '../../../shared/api/channels/export';
import { initI18n } from '../../../renderer/src/app/i18n';
import { ExportButton } from '../../../renderer/src/components/ExportButton';

type Run = Api['export']['run'];

function mount(run: Run, props: Partial<Parameters<typeof ExportButton>[0]> = {}) {
  window.api = { export: { run } } as unknown as Api;
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ExportButton kind="hotline.calls" params={{ dateFrom: '2025-03-01', operatorId: 7 }} testId="calls-export" {...props} />
    </QueryClientProvider>,
  );
}

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<ExportButton>', () => {
  it('offers XLSX and CSV and sends exactly the screen’s filter with the interface language', async () => {
    const run = vi.fn<Run>(async () => ({ ok: true, value: { saved: true, path: '/docs/來電紀錄.csv', rows: 12 } }) as Result<ExportOutcome>);
    mount(run);
    fireEvent.click(screen.getByTestId('calls-export'));
    expect(screen.getByTestId('calls-export-xlsx').textContent).toBe('匯出 Excel（XLSX）');
    fireEvent.click(screen.getByTestId('calls-export-csv'));
    await waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(run).toHaveBeenCalledWith({ kind: 'hotline.calls', params: { dateFrom: '2025-03-01', operatorId: 7 }, lang: 'zh-TW', format: 'csv' });
    expect((await screen.findByTestId('calls-export-notice')).textContent).toContain('已匯出 12 列：/docs/來電紀錄.csv');
  });

  it('with one format it exports on the first click, and a cancelled dialog says nothing', async () => {
    const run = vi.fn<Run>(async () => ({ ok: true, value: { saved: false, path: null, rows: 3 } }) as Result<ExportOutcome>);
    mount(run, { formats: ['xlsx'] });
    expect(screen.getByTestId('calls-export').textContent).toContain('匯出 Excel（XLSX）');
    fireEvent.click(screen.getByTestId('calls-export'));
    await waitFor(() => expect(run).toHaveBeenCalledWith(expect.objectContaining({ format: 'xlsx' })));
    expect(screen.queryByTestId('calls-export-notice')).toBeNull();
  });

  it('shows a refusal translated', async () => {
    const run = vi.fn<Run>(async () => ({ ok: false, error: { code: 'validation', messageKey: 'stats:errors.toBeforeFrom', field: 'params.period.to' } }) as Result<ExportOutcome>);
    mount(run, { formats: ['csv'] });
    fireEvent.click(screen.getByTestId('calls-export'));
    expect((await screen.findByTestId('calls-export-notice')).textContent).toContain('迄日不可早於起日');
  });
});
