import type { WebContents } from 'electron';
import { EVENT_NAMES, eventChannel, type EventName } from '../../shared/api/events';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * Sends a payload-less signal (shared/api/events.ts) to one window; the preload forwards
 * it to `window.api.on(name, …)`. Data never travels this way: the renderer asks for it
 * through the contract, where the sender checks and roles apply.
 */
export function sendEvent(contents: Pick<WebContents, 'send' | 'isDestroyed'> | null | undefined, name: EventName): boolean {
  if (!contents || contents.isDestroyed() || !KNOWN_EVENTS.has(name)) return false;
  contents.send(eventChannel(name));
  return true;
}
