// @vitest-environment jsdom
/**
 * The supervisor's home warnings about backups: a folder that cannot be used, automatic backups
 * that stopped, a drive short of room, each with the way to the data-safety page; nothing when
 * all is well.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { BackupOverview } from '../../../shared/api/channels/safety';
import { initI18n } from '../../../renderer/src/app/i18n';
import { BackupWarnings } from '../../../renderer/src/features/safety/BackupWarnings';

const GB = 1e9;
const NOW = new Date('2026-11-24T02:00:00.000Z');
const HOUR = 3_600_000;

const overview = (o: Partial<BackupOverview> = {}): BackupOverview => ({
  folder: '\\\\nas\\desk-backups',
  defaultFolder: 'C:\\desk\\backups',
  keep: 14,
  lastAutomaticAt: new Date(NOW.getTime() - 3 * HOUR).toISOString(),
  backups: [],
  folderProblem: null,
  space: { databaseBytes: 1.2 * GB, dataFreeBytes: 70 * GB, backupFreeBytes: 70 * GB, low: [] },
  ...o,
});

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<BackupWarnings>', () => {
  it('says nothing while backups run and there is room; nor after one missed day, or before the first backup', () => {
    for (const o of [{}, { lastAutomaticAt: new Date(NOW.getTime() - 47 * HOUR).toISOString() }, { lastAutomaticAt: null }]) {
      const { container } = render(<BackupWarnings overview={overview(o)} now={NOW} onOpen={() => undefined} />);
      expect(container.textContent).toBe('');
      cleanup();
    }
  });

  it('a share that cannot be used, backups two days late and a full backup drive: each said, each leading to data safety', () => {
    const onOpen = vi.fn();
    render(
      <BackupWarnings
        overview={overview({
          folderProblem: 'safety:backup.folderUnavailable',
          lastAutomaticAt: '2026-11-21T16:30:00.000Z',
          space: { databaseBytes: 1.2 * GB, dataFreeBytes: 70 * GB, backupFreeBytes: null, low: ['backup'] },
        })}
        now={NOW}
        onOpen={onOpen}
      />,
    );
    expect(screen.getByTestId('home-backup-folder').textContent).toContain('無法使用備份資料夾 \\\\nas\\desk-backups（網路磁碟是否已連線？）');
    // Taipei time, in the ROC calendar: 2026-11-22 00:30.
    expect(screen.getByTestId('home-backup-overdue').textContent).toContain('最近一次自動備份是 115/11/22 00:30，已超過兩天。');
    expect(screen.getByTestId('low-space-backup')).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: '資料安全' });
    expect(buttons).toHaveLength(3);
    for (const b of buttons) fireEvent.click(b);
    expect(onOpen).toHaveBeenCalledTimes(3);
  });
});
