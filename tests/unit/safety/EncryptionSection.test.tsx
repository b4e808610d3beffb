// @vitest-environment jsdom
/**
 * The encryption part of the data-safety page, mocked only at the typed window.api seam: the
 * warning after a recovery, and the key change behind a typed confirmation.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { SafetyStatus } from '../../../shared/api/channels/safety';
import { initI18n } from '../../../renderer/src/app/i18n';
import { EncryptionSection } from '../../../renderer/src/features/safety/EncryptionSection';
import { SAFETY_KEYS } from '../../../renderer/src/features/safety/keys';

type ChangeKey = Api['safety']['changeKey'];

const STATUS: SafetyStatus = {
  encrypted: true,
  idleMinutes: 10,
  recoveryKeyPending: false,
  keyring: { backend: 'dpapi', weak: false, acceptance: null, recoveredAt: null },
  blocked: false,
  locked: false,
};

function mount(changeKey: ChangeKey, status: SafetyStatus = STATUS) {
  window.api = { safety: { changeKey } } as unknown as Api;
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <EncryptionSection status={status} />
    </QueryClientProvider>,
  );
  return client;
}

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<EncryptionSection>', () => {
  it('changes the key only once the word is typed, then shows the app restarting', async () => {
    const changeKey = vi.fn<ChangeKey>(async () => ({ ok: true, value: { restarting: true } }) as Result<{ restarting: true }>);
    const client = mount(changeKey);
    expect(screen.queryByTestId('key-recovered')).toBeNull();
    fireEvent.click(screen.getByTestId('change-key'));
    const submit = screen.getByTestId('change-key-submit') as HTMLButtonElement;
    expect(submit.textContent).toBe('更換金鑰並重新啟動');
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('輸入「更換」以確認'), { target: { value: '還原' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('輸入「更換」以確認'), { target: { value: ' 更換 ' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(client.getQueryData(SAFETY_KEYS.startup)).toEqual({ mode: 'restarting' }));
    expect(changeKey).toHaveBeenCalledExactlyOnceWith({ confirm: true });
  });

  it('after a recovery, says when and asks for the change; a failure is shown translated and nothing restarts', async () => {
    const changeKey = vi.fn<ChangeKey>(async () => ({ ok: false, error: { code: 'conflict', messageKey: 'safety:changeKey.failed' } }) as Result<{ restarting: true }>);
    const client = mount(changeKey, { ...STATUS, keyring: { ...STATUS.keyring, recoveredAt: '2025-03-05T01:00:00.000Z' } });
    expect(screen.getByTestId('key-recovered').textContent).toContain('以復原金鑰開啟資料庫');
    expect(screen.getByTestId('key-recovered').textContent).toContain('114');
    fireEvent.click(screen.getByTestId('change-key'));
    fireEvent.change(screen.getByLabelText('輸入「更換」以確認'), { target: { value: '更換' } });
    fireEvent.click(screen.getByTestId('change-key-submit'));
    expect((await screen.findByTestId('change-key-error')).textContent).toBe('更換金鑰失敗；資料庫沒有變更，仍使用原來的金鑰');
    expect(client.getQueryData(SAFETY_KEYS.startup)).toBeUndefined();
  });

  it('an unencrypted database (development) offers no key change', () => {
    mount(vi.fn<ChangeKey>(), { ...STATUS, encrypted: false });
    expect(screen.queryByTestId('change-key')).toBeNull();
  });
});
