/**
 * The `source_items` table: every item a source has yielded and what became of it. It answers
 * "seen before?" (per source), "same article from another source?" (GUID, normalized URL,
 * content hash) and "was this article back catalogue?" (backfill).
 */
import type { Sql } from '../sql.ts';
import type { ItemRecord, KnownArticle, LastStored } from './source-types.ts';

/**
 * GUIDs that identify an item across feeds: URLs, tag:/urn: URIs and long opaque ids. Short ids
 * ("1234") are only unique within their own feed, so cross-source matching ignores them.
 */
export function isGlobalGuid(guid: string): boolean {
  return /^(https?:\/\/|tag:|urn:)/i.test(guid) || (guid.length >= 24 && !/^\d+$/.test(guid));
}

interface Match {
  article_id: number;
  backfill: number;
}

/** The `source_items` table's statements over `sql`. */
export function sourceItems(sql: Sql) {
  const firstBy = async (column: 'guid' | 'url_normalized' | 'content_hash', value: string, matched: KnownArticle['matched']): Promise<KnownArticle | null> => {
    const r = await sql.get<Match>(`SELECT article_id, backfill FROM source_items WHERE ${column} = ? AND article_id IS NOT NULL ORDER BY id LIMIT 1`, [value]);
    return r ? { article_id: Number(r.article_id), backfill: Number(r.backfill) === 1, matched } : null;
  };
  return {
    /** True when this source already yielded an item with this key. */
    async itemSeen(sourceId: number, key: string): Promise<boolean> {
      return (await sql.get('SELECT id FROM source_items WHERE source_id = ? AND guid = ? LIMIT 1', [sourceId, key])) !== undefined;
    },
    /** The stored article another (or this) source already yielded for the same GUID (global ones only) or normalized URL. */
    async findItemByIdentity(guid: string | null, urlNormalized: string | null): Promise<KnownArticle | null> {
      const g = guid && isGlobalGuid(guid) ? await firstBy('guid', guid, 'guid') : null;
      if (g) return g;
      return urlNormalized ? firstBy('url_normalized', urlNormalized, 'url') : null;
    },
    /** The stored article an item with the same body hash already reached. */
    findItemByContent(hash: string): Promise<KnownArticle | null> {
      return firstBy('content_hash', hash, 'content');
    },
    /** The latest content hash and article this source recorded under `key`, if any. */
    async lastStoredItem(sourceId: number, key: string): Promise<LastStored | null> {
      const r = await sql.get<{ content_hash: string | null; article_id: number; backfill: number; reason: string | null }>(
        'SELECT content_hash, article_id, backfill, reason FROM source_items WHERE source_id = ? AND guid = ? AND article_id IS NOT NULL ORDER BY id DESC LIMIT 1',
        [sourceId, key],
      );
      return r ? { content_hash: r.content_hash, article_id: Number(r.article_id), backfill: Number(r.backfill) === 1, reason: r.reason } : null;
    },
    /** The first record of an article reached through any source. */
    async firstItemOfArticle(articleId: number): Promise<{ backfill: boolean } | null> {
      const r = await sql.get<{ backfill: number }>('SELECT backfill FROM source_items WHERE article_id = ? ORDER BY id LIMIT 1', [articleId]);
      return r ? { backfill: Number(r.backfill) === 1 } : null;
    },
    async recordItem(r: ItemRecord, now: Date): Promise<void> {
      await sql.run(
        `INSERT INTO source_items (source_id, guid, url_normalized, content_hash, article_id, backfill, status, reason, seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [r.source_id, r.guid, r.url_normalized, r.content_hash, r.article_id, r.backfill ? 1 : 0, r.status, r.reason ?? null, now.toISOString()],
      );
    },
    /** How many items this source has yielded, by status. */
    async itemCounts(sourceId: number): Promise<Record<string, number>> {
      const rows = await sql.all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM source_items WHERE source_id = ? GROUP BY status ORDER BY status', [sourceId]);
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    /**
     * True when the article reached the store through a source's first poll (or predates the
     * source), i.e. back catalogue that digests must not announce as news. Articles never seen
     * through a source (CLI ingest, seeds) are not backfill. Same rule in SQL for digests:
     * `EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = a.id AND si.backfill = 1)`.
     */
    async isBackfill(articleId: number): Promise<boolean> {
      return (await sql.get('SELECT 1 AS x FROM source_items WHERE article_id = ? AND backfill = 1 LIMIT 1', [articleId])) !== undefined;
    },
  };
}
