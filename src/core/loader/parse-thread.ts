/**
 * The process's one parse worker thread (see parse-ahead.ts), kept in a module that loads nothing
 * heavy, so a command about to ingest a folder can start it before loading the parsers and stores
 * itself: the worker's own start-up (~0.6 s of module loading, then jieba's dictionary and the
 * script converters) then overlaps the loader's instead of following it.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { workerBootstrap } from '../project-files.ts';
import type { ParseOutcome } from './parse-outcome.ts';

/** Slots in the shared ring; far more than the loader's lookahead, so a slot is never reused while a job can still be claimed. */
export const RING = 1 << 14;

/** Cells of the worker's shared status: results posted, warmed up, parsing now. */
export const FINISHED = 0;
export const WARM = 1;
export const BUSY = 2;

export interface SharedWorker {
  worker: Worker;
  /** Settles true once the worker has loaded the parsers, false if it failed first. */
  ready: Promise<boolean>;
  port: MessagePort;
  state: Int32Array;
  /** FINISHED, WARM, BUSY cells shared with the worker. */
  status: Int32Array;
  results: Map<number, ParseOutcome>;
  /** Jobs the worker holds whose outcome nobody will take: their results are dropped on arrival. */
  dropped: Set<number>;
  broken: boolean;
}

/** undefined: not started yet; null: could not start, or given up on. */
let shared: SharedWorker | null | undefined;

/** The worker, if one has been started and not given up on. */
export function parseWorker(): SharedWorker | null | undefined {
  return shared;
}

/** The worker, started now if none was yet (null when it cannot start or was given up on). */
export function ensureParseWorker(): SharedWorker | null {
  if (shared === undefined) shared = startWorker();
  return shared;
}

function startWorker(): SharedWorker | null {
  try {
    const { port1, port2 } = new MessageChannel();
    const slots = new SharedArrayBuffer(RING * 4);
    const done = new SharedArrayBuffer(12);
    const worker = new Worker(workerBootstrap(import.meta.url, 'parse-worker'), {
      eval: true,
      workerData: { port: port2, slots, done },
      transferList: [port2],
    });
    const ready = new Promise<boolean>((resolve) => {
      worker.once('message', () => resolve(true));
      worker.once('error', () => resolve(false));
      worker.once('exit', () => resolve(false));
    });
    const w: SharedWorker = { worker, ready, port: port1, state: new Int32Array(slots), status: new Int32Array(done), results: new Map(), dropped: new Set(), broken: false };
    worker.on('error', () => (w.broken = true));
    worker.on('exit', () => (w.broken = true));
    worker.unref();
    port1.unref();
    return w;
  } catch {
    return null;
  }
}

/**
 * Starts the shared parse worker now rather than on the first large batch, and settles once it
 * can parse (true) or has failed (false). For processes that will ingest a lot (benchmarks, tests).
 */
export function startParseWorker(): Promise<boolean> {
  const w = ensureParseWorker();
  if (!w) return Promise.resolve(false);
  w.worker.ref(); // the caller is waiting on it: keep the process alive until it is ready
  return w.ready.finally(() => w.worker.unref());
}

/** Gives up on a worker that failed or stalled: the loader parses everything itself from now on. */
export function abandonWorker(w: SharedWorker): void {
  w.broken = true;
  if (shared === w) shared = null;
  void w.worker.terminate();
}
