import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * In WAL mode SQLite copies the log back into the database file (a checkpoint) inside whichever
 * commit takes the log past `wal_autocheckpoint` pages, and that commit waits for the copy and
 * its fsync. Ingestion dirties a few hundred index pages a batch at random keys, so with the
 * default 1,000 pages every other batch paid ~30 ms (and a larger threshold only makes the rarer
 * copies longer: ~200 ms for 20,000 pages). Here a worker thread with its own connection
 * checkpoints every `everyMs` instead, in PASSIVE mode (it never blocks the writer or readers), so
 * commits only append to the log, on the other core. Often and small beats rare and large: in the
 * live-segments benchmark (10k events) the batch p99 was 67 ms every 30 ms, 85 ms every 100 ms
 * and 201 ms every second; a pass with nothing to copy costs microseconds. The application's connections keep an
 * automatic checkpoint at `SQLITE_BACKSTOP_CHECKPOINT_PAGES` in case this thread falls behind.
 *
 * Returns a function that stops the thread and closes its connection.
 */
export function checkpointInBackground(path: string, everyMs = 30): () => Promise<void> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      path,
      everyMs,
    },
  });
  // A thread that failed (the file went away) is not worth failing the process for: the
  // backstop still checkpoints.
  worker.on('error', () => undefined);
  // Not `events.once`: it rejects on 'error', and a failed thread has stopped all the same.
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.unref();
  return async () => {
    worker.postMessage('stop');
    await exited;
  };
}

/** The application connections' own automatic checkpoint, only reached if the thread falls behind. */
export const SQLITE_BACKSTOP_CHECKPOINT_PAGES = 10_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = normal');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
