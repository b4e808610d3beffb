/**
 * The IPC edge: one `ipcMain.handle` per contract channel, each a thin door to the one
 * dispatch table (electron/core/dispatch.ts), which validates the payload and checks roles.
 * This file adds only what the dispatcher cannot know: who is calling.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Dispatcher } from '../core/dispatch';
import { isTrustedIpcSenderUrl } from './security';

export const UNTRUSTED_SENDER: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'forbidden', messageKey: 'errors.untrustedSender' }),
}) as Result<never>;

const INTERNAL: Result<never> = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** What the handler reads from an invoke event; the real IpcMainInvokeEvent satisfies it. */
export type InvokeEventLike = {
  readonly senderFrame: Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url'> | null;
  readonly sender: Pick<IpcMainInvokeEvent['sender'], 'id' | 'once'>;
};

/**
 * Registers every channel. The handler never throws: an exception would reach the renderer
 * as an opaque "Error invoking remote method" string instead of a translatable error value.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  channelNames: readonly string[] = CHANNEL_NAMES,
  log: (e: unknown) => void = console.error,
): void {
  // One 'destroyed' listener per window, however many calls it makes.
  const watched = new Set<number>();

  const handle = async (event: InvokeEventLike, channel: string, payload: unknown): Promise<Result<unknown>> => {
    // Checklist #17: validate the sender of every message. senderFrame is null when the
    // frame navigated or was destroyed before we got here; such a caller is not trusted.
    const frame = event.senderFrame;
    if (!frame || !isTrustedIpcSenderUrl(frame.url)) return UNTRUSTED_SENDER;

    // One session per window (webContents); ids are never reused within a run.
    const id = event.sender.id;
    const key = String(id);
    if (!watched.has(id)) {
      watched.add(id);
      // Closing the window signs its session out.
      event.sender.once('destroyed', () => {
        watched.delete(id);
        dispatcher.endSession(key);
      });
    }
    try {
      return await dispatcher.dispatch(key, channel, payload);
    } catch (e) {
      log(e);
      return INTERNAL;
    }
  };

  for (const name of channelNames) {
    ipcMain.handle(name, (event, payload: unknown) => handle(event, name, payload));
  }
}

/** Removes the handlers again (tests, or a future hot restart of the core). */
export function unregisterIpc(ipcMain: IpcMainLike, channelNames: readonly string[] = CHANNEL_NAMES): void {
  for (const name of channelNames) ipcMain.removeHandler(name);
}
