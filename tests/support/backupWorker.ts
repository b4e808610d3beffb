/**
 * The backup worker thread from source, for the e2e harness and the bench: tsx compiles it inside
 * the worker. The app starts the built bundle instead (electron/main/safetyGlue.ts), which
 * tests/unit/safety/backupWorker.test.ts builds and runs.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const SOURCE = path.resolve(__dirname, '../../electron/core/safety/backupWorker.ts');

export const sourceBackupWorker = (): Worker => new Worker(`require('tsx/cjs'); require(${JSON.stringify(SOURCE)});`, { eval: true });
