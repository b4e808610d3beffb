// @vitest-environment jsdom
/**
 * Backing up on demand, mocked only at the typed window.api seam. The copy runs on a worker
 * (electron/core/safety/backupRunner.ts), so the page keeps answering for the ~half minute it
 * takes at ten years of data: it must say that it is working, and then what it made.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { BackupInfo, BackupOverview, SafetySettings } from '../../../shared/api/channels/safety';
import { initI18n } from '../../../renderer/src/app/i18n';
import { BackupSection } from '../../../renderer/src/features/safety/BackupSection';

const SETTINGS: SafetySettings = {
  idleMinutes: 10,
  backupFolder: null,
  defaultBackupFolder: 'C:\\desk\\backups',
  backupKeep: 14,
  retention: { hotlineCalls: null, lectureAttendees: null, counterVisits: null },
};

const OVERVIEW: BackupOverview = {
  folder: 'C:\\desk\\backups',
  defaultFolder: 'C:\\desk\\backups',
  keep: 14,
  lastAutomaticAt: null,
  backups: [],
  folderProblem: null,
  space: { databaseBytes: 1_200_000_000, dataFreeBytes: 70e9, backupFreeBytes: 70e9, low: [] },
};

const MADE: BackupInfo = { name: 'desk-20261124-010000-manual.sqlite3', kind: 'manual', createdAt: '2026-11-24T01:00:00.000Z', sizeBytes: 1_200_000_000 };

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<BackupSection>', () => {
  it('says it is backing up while the copy runs, then names the backup made', async () => {
    let finish: (r: Result<BackupInfo>) => void = () => undefined;
    const backupNow = vi.fn(() => new Promise<Result<BackupInfo>>((resolve) => (finish = resolve)));
    const backups = vi.fn(async (): Promise<Result<BackupOverview>> => ({ ok: true, value: OVERVIEW }));
    window.api = { safety: { backupNow, backups } } as unknown as Api;
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
        <BackupSection settings={SETTINGS} />
      </QueryClientProvider>,
    );
    expect(screen.queryByTestId('backup-making')).toBeNull();
    fireEvent.click(screen.getByTestId('backup-now'));
    const making = await screen.findByTestId('backup-making');
    expect(making.textContent).toBe('正在備份。資料多時約需半分鐘，這段時間大家可以照常作業。');
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: true, value: MADE });
    await waitFor(() => expect(screen.getByTestId('backup-made').textContent).toBe(`已備份：${MADE.name}`));
    expect(screen.queryByTestId('backup-making')).toBeNull();
    expect(backupNow).toHaveBeenCalledTimes(1);
  });
});
