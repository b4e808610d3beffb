/**
 * Where backups run. The app gives a worker thread (electron/main/index.ts → dist/worker): the
 * copy and its integrity check read the whole file, tens of seconds at ten years of data, and
 * the desk must keep answering meanwhile. Tests that do not care run them in line.
 *
 * Backups run one at a time, in the order asked, and a restore or key change takes its turn in
 * the same line (exclusive): no copy is taken of a file while it is being replaced, and on
 * Windows no open copy keeps the rename from happening. After a restore or key change the core
 * is halted and what was still waiting is refused.
 */
import type { Worker } from 'node:worker_threads';
import type { ApiError } from '../../../shared/api/result';
import type { BackupInfo } from '../../../shared/api/channels/safety';
import { AppError, appError } from '../errors';
import { runBackupJob, type BackupJob } from './backup';

export type WorkerAnswer = { ok: true; info: BackupInfo } | { ok: false; error: ApiError | null; message?: string };

export interface BackupRunner {
  /** `job` is made when its turn comes, from the settings of that moment */
  run(job: () => BackupJob): Promise<BackupInfo>;
  /** runs `fn` when no backup is running, and starts none until it is done */
  exclusive<T>(fn: () => T | Promise<T>): Promise<T>;
  /** stops a running worker (the app is closing); its half-written copy is swept by a later backup */
  stop(): void;
}

/** Runs one job on a fresh worker and ends it: a backup is daily, a worker's start is ~50 ms. */
function onWorker(spawn: () => Worker, job: BackupJob, started: (w: Worker) => void): Promise<BackupInfo> {
  return new Promise((resolve, reject) => {
    const worker = spawn();
    started(worker);
    let answered = false;
    worker.once('message', (a: WorkerAnswer) => {
      answered = true;
      if (a.ok) resolve(a.info);
      else reject(a.error ? new AppError(a.error) : new Error(`backup worker: ${a.message ?? 'failed'}`));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`backup worker stopped (exit code ${code})`));
    });
    worker.postMessage(job);
  });
}

export function createBackupRunner(spawn: (() => Worker) | null, halted: () => boolean): BackupRunner {
  let tail: Promise<unknown> = Promise.resolve();
  let running: Worker | null = null;
  function inTurn<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = tail.then(() => {
      if (halted()) throw appError('locked', 'safety:restore.restarting');
      return fn();
    });
    tail = next.catch(() => undefined);
    return next;
  }
  return {
    run: (make) =>
      inTurn(() => {
        const job = make();
        if (!spawn) return runBackupJob(job);
        return onWorker(spawn, job, (w) => (running = w)).finally(() => (running = null));
      }),
    exclusive: inTurn,
    stop() {
      void running?.terminate();
      running = null;
    },
  };
}
