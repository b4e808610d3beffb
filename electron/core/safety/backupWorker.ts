/**
 * The worker thread a backup runs on (backupRunner.ts): one job in, one answer out. A ten-year
 * database takes ~20 s to copy and check; on the main thread that froze every window for as long.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { runBackupJob, type BackupJob } from './backup';
import type { WorkerAnswer } from './backupRunner';

const port = parentPort;
if (!port) throw new Error('backupWorker runs as a worker thread');

port.once('message', (job: BackupJob) => {
  let answer: WorkerAnswer;
  try {
    answer = { ok: true, info: runBackupJob(job) };
  } catch (e) {
    answer = e instanceof AppError ? { ok: false, error: e.error } : { ok: false, error: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(answer);
});
