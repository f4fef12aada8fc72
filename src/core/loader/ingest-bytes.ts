/**
 * One document in: bytes → parse → store, or a recorded reject. Shared by the folder loader and
 * live sources (feeds, watched folders). A file already stored with the same bytes is recognised
 * by its hash and not parsed again.
 */
import { hashBytes } from '../store/article-identity.ts';
import { isBusyError } from '../store/db.ts';
import type { Stores } from '../store/stores.ts';
import type { DeferredIndexing } from '../knowledge/deferred-indexing.ts';
import { storeArticle, type StoreStatus } from './store-article.ts';
import { parseOutcome, type ParseOutcome } from './parse-outcome.ts';
import { recordReject } from './rejects.ts';
import { rederiveArticle } from '../knowledge/derive-article.ts';
import { dropSiteFurniture, siteKeyOf, siteLineKeys } from '../clean/site-furniture.ts';
import { crossedKeys, recleanSite } from './reclean-site.ts';

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
export async function ingestBytes(stores: Stores, input: IngestInput, now: () => Date = () => new Date(), deferred?: DeferredIndexing): Promise<IngestOutcome> {
  const checked = await checkBytes(stores, input, now);
  if (checked.status !== 'new') return checked.outcome;
  return storeParsed(stores, input, checked.fileHash, parseOutcome(input.bytes, input.name), now, deferred);
}

/** What is known before parsing: the file is stored already, is a reject (empty), or is new (with its hash). */
export type CheckedBytes = { status: 'done'; outcome: IngestOutcome } | { status: 'new'; fileHash: string };

/** The checks before parsing: identical bytes already stored (under this name or another), or an empty file. */
export async function checkBytes(stores: Stores, input: IngestInput, now: () => Date = () => new Date(), fileHash = hashBytes(input.bytes)): Promise<CheckedBytes> {
  const known = await stores.articles.knownFile(input.name, fileHash, now().toISOString());
  if (known !== undefined) return { status: 'done', outcome: { status: 'unchanged', id: known } };
  if (input.bytes.length === 0) return { status: 'done', outcome: await reject(stores, input.name, 'empty file', now()) };
  return { status: 'new', fileHash };
}

/** Stores a parsed document, or records its parse failure as a reject; throws (recording nothing) when the database is busy. */
export async function storeParsed(
  stores: Stores,
  input: IngestInput,
  fileHash: string,
  parsed: ParseOutcome,
  now: () => Date = () => new Date(),
  deferred?: DeferredIndexing,
): Promise<IngestOutcome> {
  if (!parsed.ok) return reject(stores, input.name, parsed.reason, now());
  let article = parsed.article;
  if (!article.url && input.url) article = { ...article, url: input.url };
  try {
    // Site furniture by repetition: lines this site repeats in other stored articles go; this article's lines are learned.
    const site = siteKeyOf(article, input.url, input.name);
    const keys = siteLineKeys(article);
    const repeats = keys.length ? await stores.articles.countSiteLines(site, keys, await stores.articles.articleOfSource(input.name)) : new Map<string, number>();
    const cleaned = dropSiteFurniture(article, repeats);
    const derived = cleaned === article || !parsed.derived ? parsed.derived : rederiveArticle(cleaned, article, parsed.derived);
    const r = await storeArticle(stores, cleaned, { source_file: input.name, url: input.url, guid: input.guid, file_hash: fileHash, now: now() }, { deferred, derived });
    if (r.status !== 'unchanged') {
      await stores.articles.recordSiteLines(site, r.id, keys);
      if (keys.length && derived) deferred?.remember(r.id, cleaned, derived);
      await recleanSite(stores, site, crossedKeys(repeats), r.id, deferred);
    }
    return { status: r.status, id: r.id };
  } catch (err) {
    // A busy database is a passing reason: the caller retries later; recording a reject would lose the file.
    if (isBusyError(err)) throw err;
    return reject(stores, input.name, `could not store: ${(err as Error)?.message ?? String(err)}`, now());
  }
}

async function reject(stores: Stores, name: string, reason: string, at: Date): Promise<IngestOutcome> {
  const r = await recordReject(stores, name, reason, at);
  return { status: 'rejected', reason: r.reason };
}
