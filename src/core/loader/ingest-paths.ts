/**
 * `newsbot ingest` in the core: walk the given files and folders, ingest each file, and count
 * what happened. A bad file is a reject (one line, recorded) and the batch carries on; nothing
 * stored changes because of it.
 */
import { readFileSync } from 'node:fs';
import { DeferredIndexing } from '../knowledge/deferred-indexing.ts';
import { prepareIndexing } from '../knowledge/index-article.ts';
import type { Stores } from '../store/stores.ts';
import { checkBytes, storeParsed, type IngestOutcome } from './ingest-bytes.ts';
import { ParseAhead } from './parse-ahead.ts';
import { parseOutcome } from './parse-outcome.ts';
import { hashBytes } from '../store/article-identity.ts';
import { recordReject, type Reject } from './rejects.ts';
import { describe, walkPaths, type WalkItem } from './walk-paths.ts';

export interface IngestPathsOptions {
  /** Files larger than this are rejected unread (NEWSBOT_MAX_FILE_MB; default 5 MB). */
  maxBytes?: number;
  /** Called as each reject happens, so a CLI can print it at once. */
  onReject?: (reject: Reject) => void;
  now?: () => Date;
  /** Parse on a second thread while storing (default true); false parses on this thread only, same result. */
  parseWorker?: boolean;
}

export interface IngestSummary {
  ingested: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: Reject[];
}

const MB = 1024 * 1024;

/**
 * Files per write transaction. One transaction per file made ingest pay a commit and an FTS5
 * segment per article; a batch pays them once, while each file still runs in its own savepoint
 * (storeArticle), so a bad file rolls back alone. Bounded so other writers (the running bot) wait
 * at most a fraction of a second, and a crash loses at most one batch of work, never stored data.
 */
export const BATCH_FILES = 64;
const BATCH_BYTES = 4 * MB;

/**
 * Files read and handed to the parser ahead of the one being stored: enough to keep the worker
 * busy while a batch writes its search rows and commits, bounded in bytes for large files.
 */
const LOOKAHEAD = 96;
const LOOKAHEAD_BYTES = 32 * MB;

/** A walked file made ready for storing: a reject found before parsing, or its bytes, hash and parse job. */
type Prepared = { path: string; reject: string } | { path: string; bytes: Buffer; fileHash: string; job: number | null };

/** Ingests every article file under `paths`; returns the counts and the rejects in order. */
export async function ingestPaths(stores: Stores, paths: string[], opts: IngestPathsOptions = {}): Promise<IngestSummary> {
  const maxBytes = opts.maxBytes ?? 5 * MB;
  const now = opts.now ?? (() => new Date());
  const summary: IngestSummary = { ingested: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [] };
  const rejectWith = async (file: string, reason: string) => {
    const r = await recordReject(stores, file, reason, now());
    summary.rejected++;
    summary.rejects.push(r);
    opts.onReject?.(r);
  };
  const parser = new ParseAhead(opts.parseWorker ?? true);
  const deferred = new DeferredIndexing();

  // Reading, hashing and queueing the parse happen LOOKAHEAD files early, so the parser works
  // while this thread stores; what is recorded (rejects, stores) still happens in walk order.
  const prepare = async (item: WalkItem): Promise<Prepared> => {
    if (item.kind === 'reject') return { path: item.path, reject: item.reason };
    if (item.size > maxBytes) return { path: item.path, reject: `too large: ${formatMb(item.size)} (limit ${formatMb(maxBytes)})` };
    let bytes: Buffer;
    try {
      bytes = readFileSync(item.path);
    } catch (err) {
      return { path: item.path, reject: `cannot read (${describe(err)})` };
    }
    if (bytes.length > maxBytes) return { path: item.path, reject: `too large: ${formatMb(bytes.length)} (limit ${formatMb(maxBytes)})` };
    const fileHash = hashBytes(bytes);
    const job = bytes.length > 0 && !(await stores.articles.isStoredBytes(fileHash)) ? parser.submit(bytes, item.path) : null;
    return { path: item.path, bytes, fileHash, job };
  };
  const ingestOne = async (p: Prepared) => {
    if ('reject' in p) {
      await rejectWith(p.path, p.reject);
      return;
    }
    const input = { bytes: p.bytes, name: p.path };
    const checked = await checkBytes(stores, input, now, p.fileHash);
    let out: IngestOutcome;
    if (checked.status === 'done') {
      if (p.job !== null) parser.discard(p.job);
      out = checked.outcome;
    } else {
      const parsed = p.job !== null ? parser.take(p.job) : parseOutcome(p.bytes, p.path);
      out = await storeParsed(stores, input, p.fileHash, parsed, now, deferred);
    }
    if (out.status === 'rejected') {
      summary.rejected++;
      const r = { file: p.path, reason: out.reason ?? 'rejected' };
      summary.rejects.push(r);
      opts.onReject?.(r);
    } else summary[out.status]++;
  };

  const walk = walkPaths(paths);
  const ahead: Prepared[] = [];
  let aheadBytes = 0;
  const fill = async () => {
    while (ahead.length < LOOKAHEAD && aheadBytes < LOOKAHEAD_BYTES) {
      const next = walk.next();
      if (next.done) return;
      const p = await prepare(next.value);
      if ('bytes' in p) aheadBytes += p.bytes.length;
      ahead.push(p);
    }
  };
  // One transaction per batch; the batch's search rows (and alias re-linking) are written just before it commits.
  const runBatch = () =>
    stores.tx(async () => {
      let files = 0;
      let bytes = 0;
      await fill();
      while (ahead.length && files < BATCH_FILES && bytes < BATCH_BYTES) {
        const p = ahead.shift()!;
        if ('bytes' in p) aheadBytes -= p.bytes.length;
        await ingestOne(p); // storeArticle runs each file in its own savepoint: a bad one rolls back alone
        files++;
        if ('bytes' in p) bytes += p.bytes.length;
        await fill();
      }
      await deferred.flush(stores);
    });
  try {
    await fill();
    // While the parse worker warms up with the first files, build what storing reads (the alias index).
    if (ahead.some((p) => 'job' in p && p.job !== null)) await prepareIndexing(stores);
    while (ahead.length) {
      try {
        await runBatch();
      } finally {
        deferred.clear();
      }
    }
  } finally {
    parser.close();
  }
  await stores.search.compact(summary.ingested + summary.updated);
  return summary;
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? mb.toFixed(0) : mb >= 0.1 ? mb.toFixed(1) : mb.toFixed(3)} MB`;
}
