/**
 * The article store: writes a normalized article idempotently (with its paragraphs, search row
 * and derived knowledge, in one transaction) and reads stored articles back.
 */
import { bodyOf, type NormalizedArticle, type StoredArticle } from '../article.ts';
import { indexArticle } from '../knowledge/index-article.ts';
import type { ArticleDerivation } from '../knowledge/derive-article.ts';
import { DeferredIndexing } from '../knowledge/deferred-indexing.ts';
import type { LearnedAlias } from '../entities/learn-aliases.ts';
import { toIndexedForm } from '../search/search-text.ts';
import { hashArticle, identityKey, normalizeUrl, toUtcInstant } from './article-identity.ts';
import { ARTICLE_COLUMNS, articleRow, hydrateArticles, type ArticleRow } from './article-rows.ts';
import type { Db } from './db.ts';
import { prepareCached } from './statements.ts';
import { keepStoryNumber, readVersion, recordRevision, storyOfArticle } from './article-revisions.ts';

export interface StoreMeta {
  /** The file (or feed item name) the article came from; a later, changed version of it updates the article. */
  source_file: string | null;
  url?: string | null;
  guid?: string | null;
  /** Hash of the raw bytes, recorded for the file so an unchanged file is skipped without parsing. */
  file_hash?: string;
  /** When the source says this version was last modified (a feed item's `updated`), if it does. */
  modified_at?: string | null;
  /** Clock, for tests; defaults to now. */
  now?: Date;
}

export type StoreStatus = 'ingested' | 'updated' | 'unchanged';

export interface StoreResult {
  status: StoreStatus;
  id: number;
}

/**
 * Stores `article` unless it is already there. Same content (hash), or the same article under
 * another name by title + published_at + outlet → 'unchanged' and nothing added; a changed version
 * of a file already stored, or the same normalized URL or GUID with other content (a re-fetch, a
 * corrected story) → 'updated' in place (same id), with a revision kept in article_revisions when
 * the headline or body changed. On insert and update, indexArticle(db, stored) runs in the same transaction once
 * article and paragraphs are current (indexers read neither the search index nor each other):
 * they must first delete their own rows for that article id, since on update the old derived
 * rows are still there.
 *
 * The search row and the re-linking of earlier articles to aliases learned here are written last
 * (DeferredIndexing). Options for batches: with `deferred`, the caller runs inside its own
 * transaction (this call is then a savepoint): that work goes to its queue once the savepoint is
 * released, and the caller flushes the queue before it commits. `derived` is
 * deriveArticle(article), computed ahead (by the parse worker), so only the rows are written here.
 */
export function storeArticle(db: Db, article: NormalizedArticle, meta: StoreMeta, opts: StoreOptions = {}): StoreResult {
  const { deferred, derived } = opts;
  const { result, written } = db.transaction(() => {
    const out = storeInTransaction(db, article, meta, derived);
    if (out.written && !deferred) {
      const own = new DeferredIndexing();
      queueIndexing(own, out.result.id, out.written);
      own.flush(db);
    }
    return out;
  })();
  if (written && deferred) queueIndexing(deferred, result.id, written);
  return result;
}

export interface StoreOptions {
  deferred?: DeferredIndexing;
  derived?: ArticleDerivation;
}

/** What writing an article leaves for DeferredIndexing: its search row (title and body in indexed form) and the aliases it taught. */
interface Written {
  search: { title: string; body: string };
  learned: LearnedAlias[];
}

function queueIndexing(queue: DeferredIndexing, id: number, w: Written): void {
  queue.addSearchRow(id, w.search.title, w.search.body);
  queue.addLearned(w.learned);
}

function storeInTransaction(db: Db, article: NormalizedArticle, meta: StoreMeta, derived?: ArticleDerivation): { result: StoreResult; written?: Written } {
  const now = (meta.now ?? new Date()).toISOString();
  const hash = hashArticle(article);
  const byHash = prepareCached(db, 'SELECT id FROM articles WHERE content_hash = ?').pluck().get(hash) as number | undefined;
  const fromFile = meta.source_file
    ? (prepareCached(db, 'SELECT article_id FROM ingested_files WHERE path = ? AND article_id IS NOT NULL').pluck().get(meta.source_file) as
        | number
        | undefined)
    : undefined;

  let result: StoreResult;
  let written: Written | undefined;
  // byLink: a copy found by URL or GUID; a changed file under the same path is the operator's own edit and always wins.
  const revise = (id: number, byLink: boolean): StoreResult => {
    const incoming = versionTime(article.published_at, meta.modified_at);
    // An older copy arriving late (a re-ingest of an earlier version) never overwrites a newer one.
    // So is a version this article already had and replaced, unless its own time says it is newer (a real revert).
    const stored = storedVersionTime(db, id);
    if (byLink && isOlder(incoming, stored)) return { status: 'unchanged', id };
    if (byLink && !isOlder(stored, incoming) && prepareCached(db, 'SELECT 1 FROM article_superseded WHERE article_id = ? AND content_hash = ?').get(id, hash)) {
      return { status: 'unchanged', id };
    }
    prepareCached(db, 'INSERT OR IGNORE INTO article_superseded (article_id, content_hash) SELECT id, content_hash FROM articles WHERE id = ?').run(id);
    const before = readVersion(db, id);
    const story = storyOfArticle(db, id);
    written = writeArticle(db, article, meta, hash, now, id, derived);
    keepStoryNumber(db, id, story);
    prepareCached(db, 'UPDATE articles SET modified_utc = ? WHERE id = ?').run(toUtcInstant(meta.modified_at ?? null), id);
    if (before) recordRevision(db, id, before, { title: article.title, paragraphs: article.paragraphs.map((p) => p.text) }, now, meta.source_file, incoming?.iso ?? null);
    return { status: 'updated', id };
  };
  if (byHash !== undefined) {
    result = { status: 'unchanged', id: byHash };
  } else if (fromFile !== undefined) {
    result = revise(fromFile, false);
  } else {
    const same = findSameArticle(db, article, meta);
    // The same URL or GUID with other content is a revision (a re-fetch, a corrected story);
    // title + date + outlet alone is the same article seen in another form: nothing to update.
    if (same?.by === 'link') result = revise(same.id, true);
    else if (same !== undefined) result = { status: 'unchanged', id: same.id };
    else {
      const inserted = writeArticle(db, article, meta, hash, now, null, derived);
      if (meta.modified_at) prepareCached(db, 'UPDATE articles SET modified_utc = ? WHERE id = ?').run(toUtcInstant(meta.modified_at), inserted.id);
      written = inserted;
      result = { status: 'ingested', id: inserted.id };
    }
  }
  if (meta.source_file) recordFile(db, meta.source_file, meta.file_hash ?? hash, result.id, now);
  return { result, written };
}

/** A version's own time: its modification time when known, else its publication time; `day` when only the date is known. */
interface VersionTime {
  iso: string;
  day: boolean;
}

function versionTime(publishedAt: string | null, modifiedAt: string | null | undefined): VersionTime | null {
  const raw = modifiedAt || publishedAt;
  const iso = toUtcInstant(raw ?? null);
  return iso ? { iso, day: /^\d{4}-\d{2}-\d{2}$/.test(raw!) } : null;
}

function storedVersionTime(db: Db, id: number): VersionTime | null {
  const r = prepareCached(db, 'SELECT published_at, modified_utc FROM articles WHERE id = ?').get(id) as { published_at: string | null; modified_utc: string | null } | undefined;
  return r ? versionTime(r.published_at, r.modified_utc) : null;
}

/** Whether version time `a` is known to be earlier than `b` (by day when either knows only its date). */
function isOlder(a: VersionTime | null, b: VersionTime | null): boolean {
  if (!a || !b) return false;
  return a.day || b.day ? a.iso.slice(0, 10) < b.iso.slice(0, 10) : a.iso < b.iso;
}

/** A stored article that is this one under another name: by its link (URL, GUID) or by title + date + outlet. */
function findSameArticle(db: Db, article: NormalizedArticle, meta: StoreMeta): { id: number; by: 'link' | 'key' } | undefined {
  const url = normalizeUrl(article.url ?? meta.url);
  if (url) {
    const id = prepareCached(db, 'SELECT id FROM articles WHERE url_normalized = ? ORDER BY id LIMIT 1').pluck().get(url) as number | undefined;
    if (id !== undefined) return { id, by: 'link' };
  }
  if (meta.guid) {
    const id = prepareCached(db, 'SELECT id FROM articles WHERE guid = ? ORDER BY id LIMIT 1').pluck().get(meta.guid) as number | undefined;
    if (id !== undefined) return { id, by: 'link' };
  }
  const key = identityKey(article);
  const id = key ? (prepareCached(db, 'SELECT id FROM articles WHERE identity_key = ? ORDER BY id LIMIT 1').pluck().get(key) as number | undefined) : undefined;
  return id === undefined ? undefined : { id, by: 'key' };
}

/** Inserts (existingId null) or rewrites an article with its paragraphs, then derives knowledge; returns what DeferredIndexing still has to do. */
function writeArticle(
  db: Db,
  a: NormalizedArticle,
  meta: StoreMeta,
  hash: string,
  now: string,
  existingId: number | null,
  derived: ArticleDerivation | undefined,
): Written & { id: number } {
  const url = a.url ?? meta.url ?? null;
  const body = bodyOf(a);
  const values = {
    title: a.title,
    url,
    url_normalized: normalizeUrl(url),
    guid: meta.guid ?? null,
    outlet: a.outlet,
    agency: a.agency,
    authors: JSON.stringify(a.authors),
    translators: JSON.stringify(a.translators),
    published_at: a.published_at,
    published_precision: a.published_precision,
    published_utc: toUtcInstant(a.published_at),
    dateline: a.dateline ? JSON.stringify(a.dateline) : null,
    languages: JSON.stringify(a.languages),
    tags: JSON.stringify(a.tags),
    related: JSON.stringify(a.related),
    body,
    content_hash: hash,
    identity_key: identityKey(a),
    shape: a.shape,
    now,
  };
  let id: number;
  if (existingId === null) {
    const info = prepareCached(
      db,
      `INSERT INTO articles (source_file, title, url, url_normalized, guid, outlet, agency, authors, translators, published_at,
         published_precision, published_utc, dateline, languages, tags, related, body, content_hash, identity_key, shape, ingested_at, updated_at)
       VALUES (@source_file, @title, @url, @url_normalized, @guid, @outlet, @agency, @authors, @translators, @published_at,
         @published_precision, @published_utc, @dateline, @languages, @tags, @related, @body, @content_hash, @identity_key, @shape, @now, @now)`,
    ).run({ ...values, source_file: meta.source_file });
    id = Number(info.lastInsertRowid);
  } else {
    id = existingId;
    prepareCached(
      db,
      `UPDATE articles SET title = @title, url = @url, url_normalized = @url_normalized, guid = COALESCE(@guid, guid), outlet = @outlet,
         agency = @agency, authors = @authors, translators = @translators, published_at = @published_at,
         published_precision = @published_precision, published_utc = @published_utc, dateline = @dateline, languages = @languages,
         tags = @tags, related = @related, body = @body, content_hash = @content_hash, identity_key = @identity_key, shape = @shape,
         updated_at = @now
       WHERE id = @id`,
    ).run({ ...values, id });
    prepareCached(db, 'DELETE FROM paragraphs WHERE article_id = ?').run(id);
  }
  const insertParagraph = prepareCached(db, 'INSERT INTO paragraphs (article_id, position, text, lang) VALUES (?, ?, ?, ?)');
  a.paragraphs.forEach((p, i) => insertParagraph.run(id, i, p.text, p.lang));
  const kept = prepareCached(db, 'SELECT source_file, ingested_at FROM articles WHERE id = ?').get(id) as { source_file: string | null; ingested_at: string };
  const stored: StoredArticle = { ...a, url, id, source_file: kept.source_file, content_hash: hash, body, ingested_at: kept.ingested_at };
  const learned = indexArticle(db, stored, derived);
  return { id, search: derived?.search ?? { title: toIndexedForm(a.title), body: toIndexedForm(body) }, learned };
}

function recordFile(db: Db, path: string, hash: string, articleId: number, now: string): void {
  prepareCached(
    db,
    `INSERT INTO ingested_files (path, content_hash, article_id, seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, article_id = excluded.article_id, seen_at = excluded.seen_at`,
  ).run(path, hash, articleId, now);
}

export interface RecentOptions {
  limit?: number;
  /** Only articles published at or after this instant (ISO 8601); undated articles are then left out. */
  since?: string;
  /** Only articles published strictly before this instant (ISO 8601). */
  before?: string;
}

export interface ArticleStore {
  /** One article with its paragraphs, or undefined. */
  get(id: number): StoredArticle | undefined;
  /** Articles for the given ids, in the order given; unknown ids are skipped. */
  byIds(ids: number[]): StoredArticle[];
  /** Every article, by id, one at a time (memory stays flat on large databases). */
  iterate(): IterableIterator<StoredArticle>;
  /** Every article, by id. */
  all(): StoredArticle[];
  count(): number;
  /** Newest first by publication time (undated last, then newest id). */
  recent(opts?: RecentOptions): StoredArticle[];
}

/** The read side of the article store over `db`. */
export function createArticleStore(db: Db): ArticleStore {
  const rowById = (id: number) => articleRow(db, id);
  const hydrate = (rows: ArticleRow[]) => hydrateArticles(db, rows);
  const store: ArticleStore = {
    get(id) {
      const row = rowById(id);
      return row ? hydrate([row])[0] : undefined;
    },
    byIds(ids) {
      return hydrate(ids.map(rowById).filter((r): r is ArticleRow => r !== undefined));
    },
    *iterate() {
      const ids = prepareCached(db, 'SELECT id FROM articles ORDER BY id').pluck().all() as number[];
      for (const id of ids) {
        const a = store.get(id);
        if (a) yield a;
      }
    },
    all() {
      return [...store.iterate()];
    },
    count() {
      return prepareCached(db, 'SELECT count(*) FROM articles').pluck().get() as number;
    },
    recent(opts = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (opts.since) {
        where.push('published_utc >= ?');
        params.push(toUtcInstant(opts.since) ?? opts.since);
      }
      if (opts.before) {
        where.push('published_utc < ?');
        params.push(toUtcInstant(opts.before) ?? opts.before);
      }
      const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY published_utc IS NULL, published_utc DESC, id DESC LIMIT ?`;
      return hydrate(prepareCached(db, sql).all(...params, opts.limit ?? 20) as ArticleRow[]);
    },
  };
  return store;
}
