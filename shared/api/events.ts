/**
 * Signals from main to the renderer (no payload: the renderer asks for data through the
 * contract). Sent on IPC channel `event:<name>`; the preload forwards only these names.
 */
export const EVENT_NAMES = [
  /** the global shortcut for "new call" was pressed while another app had focus */
  'hotline:startCall',
  /** main locked every window (the screen locked or the computer went to sleep): show the lock screen */
  'safety:locked',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export const eventChannel = (name: EventName) => `event:${name}`;

export type Subscribe = (name: EventName, listener: () => void) => () => void;
