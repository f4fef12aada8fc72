/**
 * The parse worker (see parse-ahead.ts): parses the documents the loader sends it, with their
 * text-only index data (deriveArticle), ahead of the thread that stores them. A job the loader
 * has already parsed itself (its slot no longer says 'pending') is skipped, so no document is
 * parsed twice. It warms up first (segmenter, script converters), and says so in shared memory,
 * so the loader knows to wait for it rather than parse cold.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { parseOutcome, type ParseJob, type ParseResult } from './parse-outcome.ts';
import { BUSY, FINISHED, WARM } from './parse-thread.ts';

const { port, slots, done } = workerData as { port: MessagePort; slots: SharedArrayBuffer; done: SharedArrayBuffer };
const state = new Int32Array(slots);
const status = new Int32Array(done);

// A small article in both scripts builds what every document needs (jieba's dictionary, OpenCC's tables).
const WARM_UP = Buffer.from('---\ntitle: 預熱 预热\ndate: 2020-01-01\n---\n\n台北市政府今天表示，北京的记者张三说。\n');
parseOutcome(WARM_UP, 'warm-up.md', true);

port.on('message', (job: ParseJob) => {
  const slot = job.key % state.length;
  // Claim the job; the loader claims it the same way when it gets there first.
  if (Atomics.compareExchange(state, slot, job.key * 4, job.key * 4 + 1) !== job.key * 4) return;
  Atomics.store(status, BUSY, 1);
  const result: ParseResult = { key: job.key, ...parseOutcome(Buffer.from(job.bytes), job.name, true) };
  port.postMessage(result);
  Atomics.store(status, BUSY, 0);
  Atomics.add(status, FINISHED, 1);
  Atomics.notify(status, FINISHED);
});
Atomics.store(status, WARM, 1);
Atomics.notify(status, FINISHED);
parentPort?.postMessage('ready');
