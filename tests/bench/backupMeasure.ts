/**
 * The daily backup at ten years of data, and what the desk feels while it runs. The backup copies
 * and checks the whole file (~20 s at ten years); it runs on a worker thread, as in the app, so an
 * operator's save in the meantime should cost what a save costs. Measured: saves made while a
 * backup runs (deskLoad.ts), the longest the main thread stalled, and how long the backup took.
 *
 * The table has no line for this; its target is ours. A save during the copy shares two
 * cores with it, so it is held to p99 ≤ 50 ms (the budget for a keystroke: nobody notices)
 * rather than a quiet save's 5 ms. In line, as before the worker, such a save waited ~20 s.
 */
import { SENDERS, type Bench } from './benchCore';
import { callInputs } from './coreMeasures';
import { savingWhile } from './deskLoad';
import { dispatchOk } from './genAccounts';
import { result, type MeasureResult } from './measure';

export async function savesDuringBackup(b: Bench, quick: boolean): Promise<MeasureResult> {
  const inputs = callInputs(b, 4000);
  const runs = [];
  for (let k = 0; k < (quick ? 1 : 2); k++) {
    // The smoke run's tiny file is copied in a blink: it still needs a few samples to summarise.
    runs.push(await savingWhile(b, inputs, () => dispatchOk(b.core, SENDERS.supervisor, 'safety:backupNow', {}), quick ? 3 : 0));
  }
  const saves = runs.flatMap((r) => r.saves);
  const mib = (runs[0]?.value.sizeBytes ?? 0) / 2 ** 20;
  return result('safety.saveDuringBackup', 'save a call while the daily backup copies and checks the database (on its worker thread)', saves, {
    target: { stat: 'p99', max: 50 },
    notes: [
      `${runs.length} backup(s) of ${mib.toFixed(0)} MiB took ${runs.map((r) => r.seconds.toFixed(1)).join(', ')} s; ${saves.length} saves during them`,
      `longest main-thread stall while they ran: ${Math.max(...runs.map((r) => r.stall)).toFixed(1)} ms (in line, before the worker, a save waited for the whole backup)`,
    ],
  });
}
