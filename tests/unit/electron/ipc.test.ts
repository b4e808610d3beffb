import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CHANNEL_NAMES } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { Dispatcher } from '../../../electron/core/dispatch';
import { registerIpc, unregisterIpc, type InvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc';

type Handler = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;

function stubIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((name: string, h: Handler) => {
      if (handlers.has(name)) throw new Error(`second handler for ${name}`);
      handlers.set(name, h);
    }),
    removeHandler: vi.fn((name: string) => void handlers.delete(name)),
  };
  return { ipcMain, handlers, asIpcMain: ipcMain as unknown as IpcMainLike };
}

function stubDispatcher() {
  return {
    dispatch: vi.fn(async (_sender: string, _channel: string, payload: unknown): Promise<Result<unknown>> => ({ ok: true, value: payload })),
    endSession: vi.fn(),
  } satisfies Dispatcher;
}

function sender(id: number) {
  const listeners = new Map<string, () => void>();
  return {
    id,
    once: vi.fn((name: string, listener: () => void) => {
      listeners.set(name, listener);
    }),
    destroy: () => listeners.get('destroyed')?.(),
  };
}

const eventFrom = (url: string | null, s = sender(7)) =>
  ({ senderFrame: url === null ? null : { url }, sender: s }) as unknown as InvokeEventLike;

describe('registerIpc', () => {
  test('registers exactly the contract channels', () => {
    const { asIpcMain, handlers } = stubIpcMain();
    registerIpc(asIpcMain, stubDispatcher());
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(handlers.size).toBe(new Set(CHANNEL_NAMES).size);
  });

  test.each([
    ['a page from elsewhere', 'https://evil.example/'],
    ['a lookalike origin', 'app://desk.evil.com/'],
    ['a file:// page', 'file:///tmp/x.html'],
    ['the print window', 'app://desk/__print/abc'],
    ['a frame that is gone', null],
  ])('%s gets the forbidden value and never reaches the dispatcher', async (_label, url) => {
    const { asIpcMain, handlers } = stubIpcMain();
    const dispatcher = stubDispatcher();
    registerIpc(asIpcMain, dispatcher);
    const result = await handlers.get('auth:status')?.(eventFrom(url), {});
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.untrustedSender' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  test('our own page is forwarded with its window id as the session key', async () => {
    const { asIpcMain, handlers } = stubIpcMain();
    const dispatcher = stubDispatcher();
    registerIpc(asIpcMain, dispatcher);
    const result = await handlers.get('auth:signIn')?.(eventFrom('app://desk/#/login', sender(42)), { loginName: 'amy' });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('42', 'auth:signIn', { loginName: 'amy' });
    expect(result).toEqual({ ok: true, value: { loginName: 'amy' } });
  });

  test('closing the window ends its session, once', async () => {
    const { asIpcMain, handlers } = stubIpcMain();
    const dispatcher = stubDispatcher();
    registerIpc(asIpcMain, dispatcher);
    const win = sender(5);
    await handlers.get('auth:status')?.(eventFrom('app://desk/', win), {});
    await handlers.get('prefs:get')?.(eventFrom('app://desk/', win), {});
    expect(win.once).toHaveBeenCalledTimes(1);
    win.destroy();
    expect(dispatcher.endSession).toHaveBeenCalledTimes(1);
    expect(dispatcher.endSession).toHaveBeenCalledWith('5');
  });

  test('a dispatcher that throws still answers with a value', async () => {
    const { asIpcMain, handlers } = stubIpcMain();
    const dispatcher = stubDispatcher();
    dispatcher.dispatch.mockRejectedValueOnce(new Error('boom'));
    registerIpc(asIpcMain, dispatcher, CHANNEL_NAMES, () => undefined);
    const result = await handlers.get('auth:status')?.(eventFrom('app://desk/'), {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
  });

  test('unregisterIpc removes every handler', () => {
    const { asIpcMain, handlers, ipcMain } = stubIpcMain();
    registerIpc(asIpcMain, stubDispatcher());
    unregisterIpc(asIpcMain);
    expect(handlers.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
  });
});
