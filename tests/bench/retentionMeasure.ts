/**
 * Retention at ten years of data, and what the desk feels while it runs. Once the supervisor sets
 * the periods (here: 60 months for every kind), the first run anonymises everything older, some
 * 300,000 records; every day after, the run reads them all again to find the few newly due. The
 * run walks the tables in short steps with the event loop turning between them
 * (electron/core/safety/retention/index.ts), so an operator's save meanwhile should wait at most
 * one step. Measured: saves during the first run and during five runs after it (deskLoad.ts), the
 * longest the main thread stalled, and how long each run took.
 *
 * The table has no line for this; its target is ours, as for the backup: p99 ≤ 50 ms.
 * In one transaction, as before, such a save waited for the whole run (~6 s first, ~0.6 s daily).
 */
import type { Bench } from './benchCore';
import { SENDERS } from './benchCore';
import { callInputs } from './coreMeasures';
import { savingWhile } from './deskLoad';
import { dispatchOk } from './genAccounts';
import { result, type MeasureResult } from './measure';

export async function savesDuringRetention(b: Bench, quick: boolean): Promise<MeasureResult> {
  await dispatchOk(b.core, SENDERS.supervisor, 'safety:setRetention', { retention: { hotlineCalls: 60, lectureAttendees: 60, counterVisits: 60 } });
  const inputs = callInputs(b, 2000);
  const runOnce = () =>
    savingWhile(
      b,
      inputs,
      async () => (await dispatchOk(b.core, SENDERS.supervisor, 'safety:runRetention', {})).kinds.reduce((n, k) => n + k.anonymised, 0),
      // The tiny smoke file is done in a blink: it still needs a few samples to summarise.
      quick ? 3 : 0,
    );
  const runs = [await runOnce()];
  for (let k = 0; k < (quick ? 1 : 5); k++) runs.push(await runOnce());
  const [first, ...after] = runs as [(typeof runs)[number], ...typeof runs];
  const saves = runs.flatMap((r) => r.saves);
  return result('safety.retention', 'save a call while retention anonymises what is past its period (60 months for every kind)', saves, {
    target: { stat: 'p99', max: 50 },
    notes: [
      `first run: ${first.value} records anonymised in ${first.seconds.toFixed(1)} s; runs after it (a day's work each): ${after.map((r) => r.seconds.toFixed(2)).join(', ')} s; ${saves.length} saves during them`,
      `longest main-thread stall while they ran: ${Math.max(...runs.map((r) => r.stall)).toFixed(1)} ms (in one transaction, before the steps, a save waited for the whole run)`,
    ],
  });
}
