/**
 * The `source_items` table: every item a source has yielded and what became of it. It answers
 * "seen before?" (per source), "same article from another source?" (GUID, normalized URL,
 * content hash) and "was this article back catalogue?" (backfill).
 */
import type { Db } from '../../core/store/db.ts';

export interface ItemRecord {
  source_id: number;
  guid: string | null;
  url_normalized: string | null;
  content_hash: string | null;
  article_id: number | null;
  backfill: boolean;
  status: 'stored' | 'duplicate' | 'rejected';
  reason?: string | null;
}

export interface KnownArticle {
  article_id: number;
  backfill: boolean;
  matched: 'guid' | 'url' | 'content';
}

/**
 * GUIDs that identify an item across feeds: URLs, tag:/urn: URIs and long opaque ids. Short ids
 * ("1234") are only unique within their own feed, so cross-source matching ignores them.
 */
export function isGlobalGuid(guid: string): boolean {
  return /^(https?:\/\/|tag:|urn:)/i.test(guid) || (guid.length >= 24 && !/^\d+$/.test(guid));
}

/** Creates the item store over `db`. */
export function createItemStore(db: Db) {
  const seenStmt = db.prepare<[number, string], { id: number }>('SELECT id FROM source_items WHERE source_id = ? AND guid = ? LIMIT 1');
  const byGuid = db.prepare<[string], { article_id: number; backfill: number }>("SELECT article_id, backfill FROM source_items WHERE guid = ? AND article_id IS NOT NULL ORDER BY id LIMIT 1");
  const byUrl = db.prepare<[string], { article_id: number; backfill: number }>("SELECT article_id, backfill FROM source_items WHERE url_normalized = ? AND article_id IS NOT NULL ORDER BY id LIMIT 1");
  const byHash = db.prepare<[string], { article_id: number; backfill: number }>("SELECT article_id, backfill FROM source_items WHERE content_hash = ? AND article_id IS NOT NULL ORDER BY id LIMIT 1");
  const insert = db.prepare(
    `INSERT INTO source_items (source_id, guid, url_normalized, content_hash, article_id, backfill, status, reason, seen_at)
     VALUES (@source_id, @guid, @url_normalized, @content_hash, @article_id, @backfill, @status, @reason, @seen_at)`,
  );
  return {
    /** True when this source already yielded an item with this key. */
    seen(sourceId: number, key: string): boolean {
      return seenStmt.get(sourceId, key) !== undefined;
    },
    /** The stored article another (or this) source already yielded for the same GUID or URL. */
    findByIdentity(guid: string | null, urlNormalized: string | null): KnownArticle | null {
      const g = guid && isGlobalGuid(guid) ? byGuid.get(guid) : undefined;
      if (g) return { article_id: g.article_id, backfill: g.backfill === 1, matched: 'guid' };
      const u = urlNormalized ? byUrl.get(urlNormalized) : undefined;
      if (u) return { article_id: u.article_id, backfill: u.backfill === 1, matched: 'url' };
      return null;
    },
    findByContent(hash: string): KnownArticle | null {
      const h = byHash.get(hash);
      return h ? { article_id: h.article_id, backfill: h.backfill === 1, matched: 'content' } : null;
    },
    /** The latest content hash and article this source recorded under `key`, if any. */
    lastStored(sourceId: number, key: string): { content_hash: string | null; article_id: number; backfill: boolean; reason: string | null } | null {
      const r = db
        .prepare<[number, string], { content_hash: string | null; article_id: number; backfill: number; reason: string | null }>(
          'SELECT content_hash, article_id, backfill, reason FROM source_items WHERE source_id = ? AND guid = ? AND article_id IS NOT NULL ORDER BY id DESC LIMIT 1',
        )
        .get(sourceId, key);
      return r ? { content_hash: r.content_hash, article_id: r.article_id, backfill: r.backfill === 1, reason: r.reason } : null;
    },
    /** The first record of an article reached through any source. */
    findByArticle(articleId: number): { backfill: boolean } | null {
      const r = db.prepare<[number], { backfill: number }>('SELECT backfill FROM source_items WHERE article_id = ? ORDER BY id LIMIT 1').get(articleId);
      return r ? { backfill: r.backfill === 1 } : null;
    },
    record(r: ItemRecord, now: Date): void {
      insert.run({ ...r, backfill: r.backfill ? 1 : 0, reason: r.reason ?? null, seen_at: now.toISOString() });
    },
    /** How many items this source has yielded, by status. */
    counts(sourceId: number): Record<string, number> {
      const rows = db.prepare<[number], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM source_items WHERE source_id = ? GROUP BY status').all(sourceId);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
  };
}

export type ItemStore = ReturnType<typeof createItemStore>;

/**
 * True when the article reached the store through a source's first poll (or predates the
 * source), i.e. back catalogue that digests must not announce as news. Articles never seen
 * through a source (CLI ingest, seeds) are not backfill. Same rule in SQL for digests:
 * `EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = a.id AND si.backfill = 1)`.
 */
export function isBackfill(db: Db, articleId: number): boolean {
  return db.prepare('SELECT 1 FROM source_items WHERE article_id = ? AND backfill = 1 LIMIT 1').get(articleId) !== undefined;
}
