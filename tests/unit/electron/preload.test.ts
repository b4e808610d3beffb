import { expect, test, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn((channel: string, payload: unknown) => Promise.resolve({ ok: true, value: { channel, payload } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { CHANNEL_NAMES } from '../../../shared/api/contract';
import { eventChannel } from '../../../shared/api/events';

type ApiShape = Record<string, unknown>;

async function exposed(): Promise<ApiShape> {
  await import('../../../electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, ApiShape];
  expect(key).toBe('api');
  return api;
}

test('exposes exactly one key, `api`, shaped like the contract', async () => {
  const api = await exposed();
  const domains = [...new Set(CHANNEL_NAMES.map((c) => c.split(':')[0]))].sort();
  expect(Object.keys(api).filter((k) => k !== 'on').sort()).toEqual(domains);
  for (const name of CHANNEL_NAMES) {
    const [domain = '', method = ''] = name.split(':');
    expect(typeof (api[domain] as Record<string, unknown>)[method]).toBe('function');
  }
  // Nothing that looks like raw IPC (checklist #20).
  expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
});

test('a call travels as ipcRenderer.invoke(channel, payload)', async () => {
  const api = await exposed();
  const auth = api.auth as Record<string, (input: unknown) => Promise<unknown>>;
  await expect(auth.status?.({})).resolves.toEqual({ ok: true, value: { channel: 'auth:status', payload: {} } });
  expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('auth:status', {});
});

test('events reach the page without the IPC event object, and unsubscribe', async () => {
  const api = await exposed();
  const on = api.on as (name: string, listener: (...args: unknown[]) => void) => () => void;
  const listener = vi.fn();
  const off = on('hotline:startCall', listener);
  const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
  expect(channel).toBe(eventChannel('hotline:startCall'));
  forward({ sender: 'the IpcRendererEvent' }, 'extra');
  expect(listener).toHaveBeenCalledWith();
  off();
  expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward);
  expect(() => on('not:an-event', listener)).toThrow();
});
