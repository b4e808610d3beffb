/**
 * An operator at work while something long runs in the background (a backup, a retention run):
 * a call saved every ~20 ms, each timed from the moment it was due, not from when the loop got
 * round to it. In the app a save arrives as an IPC message; if the main thread is busy, it waits
 * in the queue, and that wait is what the operator feels. A timer every 5 ms tells the longest
 * the main thread could not answer at all.
 */
import type { CallInput } from '../../shared/api/channels/hotline';
import { SENDERS, type Bench } from './benchCore';
import { dispatchOk } from './genAccounts';

const EVERY_MS = 20;
const TICK_MS = 5;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface UnderLoad<T> {
  value: T;
  /** ms from when each save was due to its answer */
  saves: number[];
  /** the longest the main thread did not answer, ms */
  stall: number;
  seconds: number;
}

/** Saves calls from `inputs` (taking them) while `work` runs, and at least `atLeast` of them. */
export async function savingWhile<T>(b: Bench, inputs: CallInput[], work: () => Promise<T>, atLeast = 0): Promise<UnderLoad<T>> {
  let stall = 0;
  let last = performance.now();
  const heartbeat = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  const started = performance.now();
  let done = false;
  const running = work().finally(() => (done = true));
  const saves: number[] = [];
  let due = performance.now();
  try {
    while ((!done || saves.length < atLeast) && inputs.length > 0) {
      due += EVERY_MS;
      await pause(Math.max(0, due - performance.now()));
      // A timer may fire a little early: the save is then timed from when it started.
      const from = Math.min(due, performance.now());
      await dispatchOk(b.core, SENDERS.operator, 'hotline:saveCall', { draftId: null, call: inputs.shift() as CallInput, referrals: [], followUps: [] });
      saves.push(performance.now() - from);
      // Behind after a long wait: the next save is due from now, not in a burst to catch up.
      due = Math.max(due, performance.now());
    }
    return { value: await running, saves, stall, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(heartbeat);
  }
}
