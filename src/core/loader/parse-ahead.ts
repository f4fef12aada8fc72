/**
 * Parses documents on a second thread while the loader stores earlier ones, keeping the loader
 * synchronous. Storing (SQLite, one writer) and parsing (pure) each take about half of ingest,
 * so on two cores the pipeline nearly halves the time of a large batch.
 *
 * Each job has a slot in shared memory that whichever thread gets there first claims
 * (compare-and-swap), so a job is parsed exactly once: the loader parses a job itself when the
 * worker is busy with earlier ones (it is behind), and otherwise blocks until the worker's result
 * arrives (Atomics.wait + receiveMessageOnPort, no event loop needed). While the worker warms up
 * (loads the segmenter and converters) or is idle with the job on its way, the loader waits for it
 * rather than parse cold itself: a first document parsed on the loader cost it ~1 s of dictionary
 * building and compiling that the storing thread, the busier one, could not spare.
 * The worker is shared by the process (parse-thread.ts), started on the first batch worth it or
 * earlier by a command about to ingest a folder, and unref'd so it never keeps the process alive.
 * If it fails or stalls, the loader parses everything itself.
 */
import { receiveMessageOnPort } from 'node:worker_threads';
import { parseOutcome, type ParseJob, type ParseOutcome, type ParseResult } from './parse-outcome.ts';
import { abandonWorker, BUSY, ensureParseWorker, FINISHED, parseWorker, RING, WARM, type SharedWorker } from './parse-thread.ts';

export { startParseWorker } from './parse-thread.ts';

/** Jobs submitted before the worker is worth starting (its start-up costs about what parsing ~50 small files does). */
const START_AFTER = 16;
/**
 * Longest wait for one result before the worker is given up on. A crashed worker cannot be seen
 * while this thread blocks (its exit event needs the event loop), so this bound is what notices it;
 * no single document takes near this long to parse (5 MB at ~10 MB/s).
 */
const STALL_MS = 15_000;

const PENDING = 0;
const BY_WORKER = 1;
const BY_LOADER = 2;

/** How long the loader polls while waiting for an idle or warming worker to claim a job. */
const POLL_MS = 5;

let nextKey = 0;
const counts = { byWorker: 0, byLoader: 0, waitMs: 0 };

/** How many documents each thread has parsed in this process, and how long the loader waited for the worker (for tests and benchmarks). */
export function parseCounts(): { byWorker: number; byLoader: number; waitMs: number } {
  return { ...counts };
}

/** One loader run's view of the parse worker: submit documents in order, take each outcome in order. */
export class ParseAhead {
  private readonly jobs = new Map<number, { bytes: Buffer; name: string; posted: boolean }>();
  private submitted = 0;

  /** `useWorker` false: parse on this thread only (the outcome is the same). */
  constructor(private readonly useWorker = true) {}

  /** Queues a document; returns the key to take its outcome with. */
  submit(bytes: Buffer, name: string): number {
    const key = nextKey++ % (1 << 29); // key * 4 + state must fit an Int32
    this.jobs.set(key, { bytes, name, posted: false });
    if (this.useWorker && ++this.submitted >= START_AFTER && parseWorker() === undefined) {
      const started = ensureParseWorker();
      // The jobs queued before the batch was worth a worker go to it too.
      if (started) for (const [k, job] of this.jobs) if (k !== key) this.post(started, k, job);
    }
    const w = parseWorker();
    if (this.useWorker && w && !w.broken) this.post(w, key, this.jobs.get(key)!);
    return key;
  }

  private post(w: SharedWorker, key: number, queued: { bytes: Buffer; name: string; posted: boolean }): void {
    Atomics.store(w.state, key % RING, key * 4 + PENDING);
    queued.posted = true;
    const job: ParseJob = { key, name: queued.name, bytes: queued.bytes };
    w.port.postMessage(job);
  }

  /** The outcome of job `key`: parsed here unless the worker has already started on it. */
  take(key: number): ParseOutcome {
    const job = this.jobs.get(key);
    if (!job) throw new Error(`parse job ${key} was never submitted`);
    this.jobs.delete(key);
    const w = parseWorker();
    let fromWorker: ParseOutcome | undefined;
    if (w && job.posted) this.awaitClaim(w, key);
    if (w && this.claimedByWorker(w, key)) {
      const t0 = performance.now();
      fromWorker = this.awaitResult(w, key);
      counts.waitMs += performance.now() - t0;
    }
    if (fromWorker) {
      counts.byWorker++;
      return fromWorker;
    }
    counts.byLoader++;
    return parseOutcome(job.bytes, job.name);
  }

  /** Drops job `key` (the file turned out to be stored already): the worker skips it if it has not started. */
  discard(key: number): void {
    if (!this.jobs.delete(key)) return;
    const w = parseWorker();
    if (w && this.claimedByWorker(w, key) && !w.results.delete(key)) w.dropped.add(key);
  }

  /** Discards every job not taken (a run that stopped early), so no result is kept for nobody. */
  close(): void {
    for (const key of [...this.jobs.keys()]) this.discard(key);
  }

  /** Waits while the worker will take job `key` soon: it is warming up, or idle with the job on its way. */
  private awaitClaim(w: SharedWorker, key: number): void {
    const slot = key % RING;
    const t0 = performance.now();
    const deadline = Date.now() + STALL_MS;
    while (!w.broken && Atomics.load(w.state, slot) === key * 4 + PENDING && (Atomics.load(w.status, WARM) === 0 || Atomics.load(w.status, BUSY) === 0)) {
      if (Date.now() > deadline) {
        abandonWorker(w);
        break;
      }
      Atomics.wait(w.status, FINISHED, Atomics.load(w.status, FINISHED), POLL_MS);
    }
    counts.waitMs += performance.now() - t0;
  }

  /** True when the worker holds the job; otherwise the loader has just claimed it. */
  private claimedByWorker(w: SharedWorker, key: number): boolean {
    const slot = key % RING;
    const seen = Atomics.compareExchange(w.state, slot, key * 4 + PENDING, key * 4 + BY_LOADER);
    return seen === key * 4 + BY_WORKER;
  }

  private awaitResult(w: SharedWorker, key: number): ParseOutcome | undefined {
    const deadline = Date.now() + STALL_MS;
    for (;;) {
      const seen = Atomics.load(w.status, FINISHED);
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const r = m.message as ParseResult;
        if (!w.dropped.delete(r.key)) w.results.set(r.key, r);
      }
      const r = w.results.get(key);
      if (r) {
        w.results.delete(key);
        return r;
      }
      if (w.broken || Date.now() > deadline) {
        abandonWorker(w);
        return undefined;
      }
      Atomics.wait(w.status, FINISHED, seen, 1000);
    }
  }
}
