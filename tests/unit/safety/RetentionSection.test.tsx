// @vitest-environment jsdom
/**
 * Running retention on demand, mocked only at the typed window.api seam. The run walks the
 * records in short steps (electron/core/safety/retention/index.ts), so the desk keeps answering
 * for the ~half minute a first run takes at ten years of data: the page says it is working, then
 * how many records it anonymised.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { RetentionReport, SafetySettings } from '../../../shared/api/channels/safety';
import { initI18n } from '../../../renderer/src/app/i18n';
import { RetentionSection } from '../../../renderer/src/features/safety/RetentionSection';

const SETTINGS: SafetySettings = {
  idleMinutes: 10,
  backupFolder: null,
  defaultBackupFolder: 'C:\\desk\\backups',
  backupKeep: 14,
  retention: { hotlineCalls: 60, lectureAttendees: 60, counterVisits: null },
};

const REPORT: RetentionReport = {
  ranAt: '2026-11-24T01:00:00.000Z',
  kinds: [
    { kind: 'hotlineCalls', months: 60, cutoff: '2021-11-24T01:00:00.000Z', anonymised: 228_372 },
    { kind: 'lectureAttendees', months: 60, cutoff: '2021-11-24T01:00:00.000Z', anonymised: 72_822 },
    { kind: 'counterVisits', months: null, cutoff: null, anonymised: 0 },
  ],
};

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<RetentionSection>', () => {
  it('says it is anonymising while the run walks, then how many records it anonymised', async () => {
    let finish: (r: Result<RetentionReport>) => void = () => undefined;
    const runRetention = vi.fn(() => new Promise<Result<RetentionReport>>((resolve) => (finish = resolve)));
    window.api = { safety: { runRetention } } as unknown as Api;
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <RetentionSection settings={SETTINGS} />
      </QueryClientProvider>,
    );
    expect(screen.queryByTestId('retention-running')).toBeNull();
    fireEvent.click(screen.getByTestId('retention-run'));
    const running = await screen.findByTestId('retention-running');
    expect(running.textContent).toBe('正在清理。第一次執行或資料多時約需半分鐘，這段時間大家可以照常作業。');
    expect((screen.getByTestId('retention-run') as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: true, value: REPORT });
    await waitFor(() => expect(screen.getByTestId('retention-ran').textContent).toBe('已執行：301,194 筆紀錄匿名化'));
    expect(screen.queryByTestId('retention-running')).toBeNull();
    expect(runRetention).toHaveBeenCalledTimes(1);
  });
});
