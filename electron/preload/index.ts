/**
 * The whole bridge: one object, `window.api`, built from the shared contract. Named
 * functions only — never ipcRenderer itself (checklist #20) — and nothing else. Bundled
 * into one CommonJS file because a sandboxed preload may only require 'electron' (#4).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/api/contract';
import { EVENT_NAMES, eventChannel, type EventName } from '../../shared/api/events';

/** Only the named signals are forwarded, and the listener never sees the IPC event or sender (#20). */
function subscribe(name: EventName, listener: () => void): () => void {
  if (!EVENT_NAMES.includes(name)) throw new Error(`Unknown event ${String(name)}`);
  const channel = eventChannel(name);
  const handler = () => listener();
  ipcRenderer.on(channel, handler);
  return () => void ipcRenderer.removeListener(channel, handler);
}

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, payload) => ipcRenderer.invoke(channel, payload), subscribe),
);
