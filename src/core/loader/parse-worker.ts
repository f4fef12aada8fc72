/**
 * The parse worker (see parse-ahead.ts): parses the documents the loader sends it, with their
 * text-only index data (deriveArticle), ahead of the thread that stores them. A job the loader
 * has already parsed itself (its slot no longer says 'pending') is skipped, so no document is
 * parsed twice.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { parseOutcome, type ParseJob, type ParseResult } from './parse-outcome.ts';

const { port, slots, done } = workerData as { port: MessagePort; slots: SharedArrayBuffer; done: SharedArrayBuffer };
const state = new Int32Array(slots);
const finished = new Int32Array(done);

port.on('message', (job: ParseJob) => {
  const slot = job.key % state.length;
  // Claim the job; the loader claims it the same way when it gets there first.
  if (Atomics.compareExchange(state, slot, job.key * 4, job.key * 4 + 1) !== job.key * 4) return;
  const result: ParseResult = { key: job.key, ...parseOutcome(Buffer.from(job.bytes), job.name, true) };
  port.postMessage(result);
  Atomics.add(finished, 0, 1);
  Atomics.notify(finished, 0);
});
parentPort?.postMessage('ready');
