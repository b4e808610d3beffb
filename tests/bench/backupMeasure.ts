/**
 * The daily backup at ten years of data, and what the desk feels while it runs. The backup copies
 * and checks the whole file (~20 s at ten years); it runs on a worker thread, as in the app, so an
 * operator's save in the meantime should cost what a save costs. Measured: saves made while a
 * backup runs (one every ~20 ms), the longest the main thread stalled, and how long the backup took.
 *
 * The table has no line for this; its target is ours. A save during the copy shares two
 * cores with it, so it is held to p99 ≤ 50 ms (the budget for a keystroke: nobody notices)
 * rather than a quiet save's 5 ms. In line, as before the worker, such a save waited ~20 s.
 */
import type { CallInput } from '../../shared/api/channels/hotline';
import { SENDERS, type Bench } from './benchCore';
import { callInputs } from './coreMeasures';
import { dispatchOk } from './genAccounts';
import { result, type MeasureResult } from './measure';

const TICK_MS = 5;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function savesDuringBackup(b: Bench, quick: boolean): Promise<MeasureResult> {
  const backups = quick ? 1 : 2;
  const inputs = callInputs(b, 4000);
  const saves: number[] = [];
  const seconds: number[] = [];
  let mib = 0;
  let stall = 0;
  let next = 0;
  for (let k = 0; k < backups; k++) {
    // A timer every 5 ms: how late it fires is how long the main thread could not answer.
    let last = performance.now();
    const heartbeat = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last - TICK_MS);
      last = now;
    }, TICK_MS);
    const started = performance.now();
    let done = false;
    const backup = dispatchOk(b.core, SENDERS.supervisor, 'safety:backupNow', {}).finally(() => (done = true));
    // The smoke run's tiny file is copied in a blink: it still needs a few samples to summarise.
    const atLeast = quick ? saves.length + 3 : 0;
    while ((!done || saves.length < atLeast) && next < inputs.length) {
      const t = performance.now();
      await dispatchOk(b.core, SENDERS.operator, 'hotline:saveCall', { draftId: null, call: inputs[next++] as CallInput, referrals: [], followUps: [] });
      saves.push(performance.now() - t);
      await pause(20);
    }
    const info = await backup;
    seconds.push((performance.now() - started) / 1000);
    clearInterval(heartbeat);
    mib = info.sizeBytes / 2 ** 20;
  }
  return result('safety.saveDuringBackup', 'save a call while the daily backup copies and checks the database (on its worker thread)', saves, {
    target: { stat: 'p99', max: 50 },
    notes: [
      `${backups} backup(s) of ${mib.toFixed(0)} MiB took ${seconds.map((s) => s.toFixed(1)).join(', ')} s; ${saves.length} saves during them`,
      `longest main-thread stall while they ran: ${stall.toFixed(1)} ms (in line, before the worker, a save waited for the whole backup)`,
    ],
  });
}
