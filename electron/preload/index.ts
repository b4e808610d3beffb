/**
 * The whole bridge: one object, `window.api`, built from the shared contract. Named
 * functions only — never ipcRenderer itself (checklist #20) — and nothing else. Bundled
 * into one CommonJS file because a sandboxed preload may only require 'electron' (#4).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/api/contract';
import { EVENT_NAMES, eventChannel, type Subscribe } from '../../shared/api/events';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

/** Signals from main, by name from the shared list only; the page never sees the IPC event (#20). */
const subscribe: Subscribe = (name, listener) => {
  if (!KNOWN_EVENTS.has(name)) throw new Error(`Unknown event: ${String(name)}`);
  const channel = eventChannel(name);
  const forward = (): void => listener();
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, payload) => ipcRenderer.invoke(channel, payload), subscribe),
);
