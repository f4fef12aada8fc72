/**
 * Writing one normalized article idempotently: its `articles` row, paragraphs, revision record and
 * source file, in one transaction. Only article rows: the ingest pipeline (src/core/loader/store-article.ts)
 * indexes what this returns as written.
 */
import { bodyOf, type NormalizedArticle, type StoredArticle } from '../../article.ts';
import { hashArticle, identityKey, normalizeUrl, toUtcInstant } from '../article-identity.ts';
import { diffVersions, type ArticleVersion } from '../article-revisions.ts';
import type { Sql } from '../sql.ts';
import { insertRows } from './rows-sql.ts';

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

/** A StoreResult, with the article as now stored when its rows were (re)written (then it needs indexing). */
export interface PutResult extends StoreResult {
  written?: StoredArticle;
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

/** Whether version time `a` is known to be earlier than `b` (by day when either knows only its date). */
function isOlder(a: VersionTime | null, b: VersionTime | null): boolean {
  if (!a || !b) return false;
  return a.day || b.day ? a.iso.slice(0, 10) < b.iso.slice(0, 10) : a.iso < b.iso;
}

const UPSERT_FILE = `INSERT INTO ingested_files (path, content_hash, article_id, seen_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, article_id = excluded.article_id, seen_at = excluded.seen_at`;

/**
 * Stores `article` unless it is already there. Same content (hash), or the same article under
 * another name by title + published_at + outlet → 'unchanged' and nothing added; a changed version
 * of a file already stored, or the same normalized URL or GUID with other content (a re-fetch, a
 * corrected story) → 'updated' in place (same id), with a revision kept in article_revisions when
 * the headline or body changed. An older copy arriving late never overwrites a newer one.
 */
export function putArticle(sql: Sql, article: NormalizedArticle, given: StoreMeta): Promise<PutResult> {
  // The source's own modified time (a feed's <updated>) wins; else the page's (article:modified_time).
  const meta: StoreMeta = { ...given, modified_at: given.modified_at ?? article.modified_at ?? null };
  return sql.tx(async () => {
    const now = (meta.now ?? new Date()).toISOString();
    const hash = hashArticle(article);
    const byHash = (await sql.get<{ id: number }>('SELECT id FROM articles WHERE content_hash = ?', [hash]))?.id;
    const fromFile = meta.source_file ? await articleOfFile(sql, meta.source_file) : undefined;

    // byLink: a copy found by URL or GUID; a changed file under the same path is the operator's own edit and always wins.
    const revise = async (id: number, byLink: boolean): Promise<PutResult> => {
      const incoming = versionTime(article.published_at, meta.modified_at);
      // An older copy arriving late (a re-ingest of an earlier version) never overwrites a newer one.
      // So is a version this article already had and replaced, unless its own time says it is newer (a real revert).
      const r = await sql.get<{ published_at: string | null; modified_utc: string | null }>('SELECT published_at, modified_utc FROM articles WHERE id = ?', [id]);
      const stored = r ? versionTime(r.published_at, r.modified_utc) : null;
      if (byLink && isOlder(incoming, stored)) return { status: 'unchanged', id };
      if (byLink && !isOlder(stored, incoming) && (await sql.get('SELECT 1 AS x FROM article_superseded WHERE article_id = ? AND content_hash = ?', [id, hash]))) {
        return { status: 'unchanged', id };
      }
      await sql.run(
        `INSERT INTO article_superseded (article_id, content_hash) SELECT id, content_hash FROM articles WHERE id = ?
         ON CONFLICT (article_id, content_hash) DO NOTHING`,
        [id],
      );
      const before = await readVersion(sql, id);
      const written = await writeArticle(sql, article, meta, hash, now, id);
      if (before) {
        await recordRevision(sql, id, before, { title: article.title, paragraphs: article.paragraphs.map((p) => p.text) }, now, meta.source_file, incoming?.iso ?? null);
      }
      return { status: 'updated', id, written };
    };

    let result: PutResult;
    if (byHash !== undefined) {
      result = { status: 'unchanged', id: byHash };
    } else if (fromFile !== undefined) {
      result = await revise(fromFile, false);
    } else {
      const same = await findSameArticle(sql, article, meta);
      // The same URL or GUID with other content is a revision (a re-fetch, a corrected story);
      // title + date + outlet alone is the same article seen in another form: nothing to update.
      if (same?.by === 'link') result = await revise(same.id, true);
      else if (same !== undefined) result = { status: 'unchanged', id: same.id };
      else {
        const written = await writeArticle(sql, article, meta, hash, now, null);
        result = { status: 'ingested', id: written.id, written };
      }
    }
    if (meta.source_file) await sql.run(UPSERT_FILE, [meta.source_file, meta.file_hash ?? hash, result.id, now]);
    return result;
  });
}

/**
 * Rewrites stored article `id` with `article` (the same article, cleaned again once its site's
 * furniture was learned): headline, body and paragraphs only, no revision and no new version
 * time, since the source did not change. Undefined when the article is gone or another stored
 * article already has the cleaned content.
 */
export function rewriteCleaned(sql: Sql, id: number, article: NormalizedArticle): Promise<PutResult | undefined> {
  return sql.tx(async () => {
    const hash = hashArticle(article);
    const other = await sql.get<{ id: number }>('SELECT id FROM articles WHERE content_hash = ?', [hash]);
    if (other && Number(other.id) !== id) return undefined;
    const body = bodyOf(article);
    const kept = await sql.get<{ source_file: string | null; ingested_at: string; url: string | null }>(
      'UPDATE articles SET title = ?, body = ?, content_hash = ?, identity_key = ? WHERE id = ? RETURNING source_file, ingested_at, url',
      [article.title, body, hash, identityKey(article), id],
    );
    if (!kept) return undefined;
    await sql.run('DELETE FROM paragraphs WHERE article_id = ?', [id]);
    await insertParagraphs(sql, id, article);
    const written: StoredArticle = { ...article, url: kept.url, id, source_file: kept.source_file, content_hash: hash, body, ingested_at: kept.ingested_at };
    return { status: 'updated', id, written };
  });
}

/** The article recorded for source file `path`, if any. */
export async function articleOfFile(sql: Sql, path: string): Promise<number | undefined> {
  return (await sql.get<{ article_id: number }>('SELECT article_id FROM ingested_files WHERE path = ? AND article_id IS NOT NULL', [path]))?.article_id;
}

/** The stored version of article `id` (headline and paragraph texts). */
async function readVersion(sql: Sql, id: number): Promise<ArticleVersion | undefined> {
  const r = await sql.get<{ title: string }>('SELECT title FROM articles WHERE id = ?', [id]);
  if (!r) return undefined;
  const paragraphs = await sql.all<{ text: string }>('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position', [id]);
  return { title: r.title, paragraphs: paragraphs.map((p) => p.text) };
}

/** Records a revision of article `id` (when `before` and `after` differ in headline or body). */
async function recordRevision(sql: Sql, id: number, before: ArticleVersion, after: ArticleVersion, at: string, source: string | null, contentAt: string | null): Promise<void> {
  const d = diffVersions(before, after);
  if (!d) return;
  await sql.run(
    `INSERT INTO article_revisions (article_id, at, old_title, new_title, body_changed, paragraphs_added, paragraphs_removed, added_sample, source, content_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, at, d.old_title, d.new_title, d.body_changed ? 1 : 0, d.paragraphs_added, d.paragraphs_removed, d.added_sample, source, contentAt],
  );
}

/** A stored article that is this one under another name: by its link (URL, GUID) or by title + date + outlet. */
async function findSameArticle(sql: Sql, article: NormalizedArticle, meta: StoreMeta): Promise<{ id: number; by: 'link' | 'key' } | undefined> {
  const url = normalizeUrl(article.url ?? meta.url);
  if (url) {
    const r = await sql.get<{ id: number }>('SELECT id FROM articles WHERE url_normalized = ? ORDER BY id LIMIT 1', [url]);
    if (r) return { id: r.id, by: 'link' };
  }
  if (meta.guid) {
    const r = await sql.get<{ id: number }>('SELECT id FROM articles WHERE guid = ? ORDER BY id LIMIT 1', [meta.guid]);
    if (r) return { id: r.id, by: 'link' };
  }
  const key = identityKey(article);
  const r = key ? await sql.get<{ id: number }>('SELECT id FROM articles WHERE identity_key = ? ORDER BY id LIMIT 1', [key]) : undefined;
  return r ? { id: r.id, by: 'key' } : undefined;
}

const COLUMNS = [
  'title',
  'url',
  'url_normalized',
  'guid',
  'outlet',
  'agency',
  'authors',
  'translators',
  'published_at',
  'published_precision',
  'published_utc',
  'dateline',
  'languages',
  'tags',
  'related',
  'body',
  'content_hash',
  'identity_key',
  'shape',
  'modified_utc',
] as const;

const INSERT_ARTICLE = `INSERT INTO articles (source_file, ${COLUMNS.join(', ')}, ingested_at, updated_at)
  VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, ?, ?) RETURNING id, source_file, ingested_at`;
// guid: a version without one keeps the GUID stored before.
const UPDATE_ARTICLE = `UPDATE articles SET ${COLUMNS.map((c) => (c === 'guid' ? 'guid = COALESCE(?, guid)' : `${c} = ?`)).join(', ')}, updated_at = ?
  WHERE id = ? RETURNING id, source_file, ingested_at`;

/** Inserts (existingId null) or rewrites an article with its paragraphs; returns it as stored. */
async function writeArticle(sql: Sql, a: NormalizedArticle, meta: StoreMeta, hash: string, now: string, existingId: number | null): Promise<StoredArticle> {
  const url = a.url ?? meta.url ?? null;
  const body = bodyOf(a);
  const values = [
    a.title,
    url,
    normalizeUrl(url),
    meta.guid ?? null,
    a.outlet,
    a.agency,
    JSON.stringify(a.authors),
    JSON.stringify(a.translators),
    a.published_at,
    a.published_precision,
    toUtcInstant(a.published_at),
    a.dateline ? JSON.stringify(a.dateline) : null,
    JSON.stringify(a.languages),
    JSON.stringify(a.tags),
    JSON.stringify(a.related),
    body,
    hash,
    identityKey(a),
    a.shape,
    toUtcInstant(meta.modified_at ?? null),
  ];
  let kept: { id: number; source_file: string | null; ingested_at: string };
  if (existingId === null) {
    kept = (await sql.get<typeof kept>(INSERT_ARTICLE, [meta.source_file, ...values, now, now]))!;
  } else {
    kept = (await sql.get<typeof kept>(UPDATE_ARTICLE, [...values, now, existingId]))!;
    await sql.run('DELETE FROM paragraphs WHERE article_id = ?', [existingId]);
  }
  const id = Number(kept.id);
  await insertParagraphs(sql, id, a);
  return { ...a, url, id, source_file: kept.source_file, content_hash: hash, body, ingested_at: kept.ingested_at };
}

function insertParagraphs(sql: Sql, id: number, a: Pick<NormalizedArticle, 'paragraphs'>): Promise<void> {
  return insertRows(sql, 'paragraphs', ['article_id', 'position', 'text', 'lang'], a.paragraphs.map((p, i) => [id, i, p.text, p.lang]));
}
