/**
 * One document in: bytes → parse → store, or a recorded reject. Shared by the folder loader and
 * live sources (feeds, watched folders). A file already stored with the same bytes is recognised
 * by its hash and not parsed again.
 */
import { hashBytes } from '../store/article-identity.ts';
import { storeArticle, type StoreStatus } from '../store/articles.ts';
import { isBusyError, type Db } from '../store/db.ts';
import type { DeferredIndexing } from '../knowledge/deferred-indexing.ts';
import { prepareCached } from '../store/statements.ts';
import { parseOutcome, type ParseOutcome } from './parse-outcome.ts';
import { recordReject } from './rejects.ts';
import { dropSiteFurniture, siteKeyOf, siteLineKeys } from '../clean/site-furniture.ts';
import { articleOfSource, countSiteLines, recordSiteLines } from '../store/site-lines.ts';

export interface IngestInput {
  bytes: Buffer;
  /** Source name: the file path as given (or a feed item's name); recorded as source_file. */
  name: string;
  /** Where the document lives online, when the caller knows it (used when the document does not say). */
  url?: string | null;
  guid?: string | null;
}

export interface IngestOutcome {
  status: StoreStatus | 'rejected';
  id?: number;
  reason?: string;
}

/**
 * Parses and stores one document; never throws for bad input (the reject is recorded and returned).
 * `deferred`: see storeArticle (for batches that run inside one transaction).
 */
export function ingestBytes(db: Db, input: IngestInput, now: () => Date = () => new Date(), deferred?: DeferredIndexing): IngestOutcome {
  const checked = checkBytes(db, input, now);
  if (checked.status !== 'new') return checked.outcome;
  return storeParsed(db, input, checked.fileHash, parseOutcome(input.bytes, input.name), now, deferred);
}

/** What is known before parsing: the file is stored already, is a reject (empty), or is new (with its hash). */
export type CheckedBytes = { status: 'done'; outcome: IngestOutcome } | { status: 'new'; fileHash: string };

/** The checks before parsing: identical bytes already stored (under this name or another), or an empty file. */
export function checkBytes(db: Db, input: IngestInput, now: () => Date = () => new Date(), fileHash = hashBytes(input.bytes)): CheckedBytes {
  const known = knownFile(db, input.name, fileHash, now());
  if (known !== undefined) return { status: 'done', outcome: { status: 'unchanged', id: known } };
  if (input.bytes.length === 0) return { status: 'done', outcome: reject(db, input.name, 'empty file', now()) };
  return { status: 'new', fileHash };
}

/** Stores a parsed document, or records its parse failure as a reject; throws (recording nothing) when the database is busy. */
export function storeParsed(db: Db, input: IngestInput, fileHash: string, parsed: ParseOutcome, now: () => Date = () => new Date(), deferred?: DeferredIndexing): IngestOutcome {
  if (!parsed.ok) return reject(db, input.name, parsed.reason, now());
  let article = parsed.article;
  if (!article.url && input.url) article = { ...article, url: input.url };
  try {
    // Site furniture by repetition: lines this site repeats in other stored articles go; this article's lines are learned.
    const site = siteKeyOf(article, input.url, input.name);
    const keys = siteLineKeys(article);
    const cleaned = dropSiteFurniture(article, countSiteLines(db, site, keys, articleOfSource(db, input.name)));
    const derived = cleaned === article ? parsed.derived : undefined;
    const r = storeArticle(db, cleaned, { source_file: input.name, url: input.url, guid: input.guid, file_hash: fileHash, now: now() }, { deferred, derived });
    if (r.status !== 'unchanged') recordSiteLines(db, site, r.id, keys);
    return { status: r.status, id: r.id };
  } catch (err) {
    // A busy database is a passing reason: the caller retries later; recording a reject would lose the file.
    if (isBusyError(err)) throw err;
    return reject(db, input.name, `could not store: ${(err as Error)?.message ?? String(err)}`, now());
  }
}

/** Whether checkBytes would find these bytes stored already (read-only: the loader asks this before parsing ahead). */
export function isStoredBytes(db: Db, fileHash: string): boolean {
  return prepareCached(db, 'SELECT 1 FROM ingested_files WHERE content_hash = ? AND article_id IS NOT NULL LIMIT 1').get(fileHash) !== undefined;
}

/** The article of identical bytes already stored (this path, or another path: then this path is recorded too). */
function knownFile(db: Db, name: string, fileHash: string, at: Date): number | undefined {
  const same = prepareCached(db, 'SELECT article_id FROM ingested_files WHERE path = ? AND content_hash = ? AND article_id IS NOT NULL')
    .pluck()
    .get(name, fileHash) as number | undefined;
  if (same !== undefined) return same;
  const elsewhere = prepareCached(db, 'SELECT article_id FROM ingested_files WHERE content_hash = ? AND article_id IS NOT NULL LIMIT 1')
    .pluck()
    .get(fileHash) as number | undefined;
  if (elsewhere === undefined) return undefined;
  prepareCached(
    db,
    `INSERT INTO ingested_files (path, content_hash, article_id, seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, article_id = excluded.article_id, seen_at = excluded.seen_at`,
  ).run(name, fileHash, elsewhere, at.toISOString());
  return elsewhere;
}

function reject(db: Db, name: string, reason: string, at: Date): IngestOutcome {
  const r = recordReject(db, name, reason, at);
  return { status: 'rejected', reason: r.reason };
}
