/**
 * `newsbot ingest` in the core: walk the given files and folders, ingest each file, and count
 * what happened. A bad file is a reject (one line, recorded) and the batch carries on; nothing
 * stored changes because of it.
 */
import { readFileSync } from 'node:fs';
import { compactSearchIndex, SearchRowBuffer } from '../search/index-search.ts';
import type { Db } from '../store/db.ts';
import { ingestBytes } from './ingest-bytes.ts';
import { recordReject, type Reject } from './rejects.ts';
import { describe, walkPaths, type WalkItem } from './walk-paths.ts';

export interface IngestPathsOptions {
  /** Files larger than this are rejected unread (NEWSBOT_MAX_FILE_MB; default 5 MB). */
  maxBytes?: number;
  /** Called as each reject happens, so a CLI can print it at once. */
  onReject?: (reject: Reject) => void;
  now?: () => Date;
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

/** Ingests every article file under `paths`; returns the counts and the rejects in order. */
export function ingestPaths(db: Db, paths: string[], opts: IngestPathsOptions = {}): IngestSummary {
  const maxBytes = opts.maxBytes ?? 5 * MB;
  const now = opts.now ?? (() => new Date());
  const summary: IngestSummary = { ingested: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [] };
  const rejectWith = (file: string, reason: string) => {
    const r = recordReject(db, file, reason, now());
    summary.rejected++;
    summary.rejects.push(r);
    opts.onReject?.(r);
  };
  const searchRows = new SearchRowBuffer();
  const ingestItem = (item: WalkItem) => {
    if (item.kind === 'reject') {
      rejectWith(item.path, item.reason);
      return;
    }
    if (item.size > maxBytes) {
      rejectWith(item.path, `too large: ${formatMb(item.size)} (limit ${formatMb(maxBytes)})`);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(item.path);
    } catch (err) {
      rejectWith(item.path, `cannot read (${describe(err)})`);
      return;
    }
    if (bytes.length > maxBytes) {
      rejectWith(item.path, `too large: ${formatMb(bytes.length)} (limit ${formatMb(maxBytes)})`);
      return;
    }
    const out = ingestBytes(db, { bytes, name: item.path }, now, searchRows);
    if (out.status === 'rejected') {
      summary.rejected++;
      const r = { file: item.path, reason: out.reason ?? 'rejected' };
      summary.rejects.push(r);
      opts.onReject?.(r);
    } else summary[out.status]++;
  };
  const runBatch = db.transaction((items: WalkItem[]) => {
    for (const item of items) ingestItem(item);
    searchRows.flush(db);
  });
  let batch: WalkItem[] = [];
  let batchBytes = 0;
  const commit = () => {
    try {
      if (batch.length) runBatch(batch);
    } finally {
      searchRows.clear();
      batch = [];
      batchBytes = 0;
    }
  };
  for (const item of walkPaths(paths)) {
    batch.push(item);
    if (item.kind === 'file') batchBytes += Math.min(item.size, maxBytes);
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) commit();
  }
  commit();
  compactSearchIndex(db, summary.ingested + summary.updated);
  return summary;
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? mb.toFixed(0) : mb >= 0.1 ? mb.toFixed(1) : mb.toFixed(3)} MB`;
}
