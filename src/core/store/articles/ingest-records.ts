/**
 * What the ingest pipeline records beside articles: which file bytes are stored (so an unchanged
 * file is skipped unparsed), rejected inputs, each article's short lines per site (site furniture
 * by repetition, src/core/clean/site-furniture.ts), and a story's number kept across a revision.
 */
import type { Sql } from '../sql.ts';
import { articleOfFile } from './put-article.ts';
import { chunks, insertRows, placeholders } from './rows-sql.ts';

/** The ingest-record methods of the article store over `sql`. */
export function ingestRecords(sql: Sql) {
  return {
    /** Whether bytes with this hash are stored already (under any path). */
    async isStoredBytes(fileHash: string): Promise<boolean> {
      return (await sql.get('SELECT 1 AS x FROM ingested_files WHERE content_hash = ? AND article_id IS NOT NULL LIMIT 1', [fileHash])) !== undefined;
    },
    /**
     * The article of identical bytes already stored: under this path, or under another path (then
     * this path is recorded too, at `at`); undefined when the bytes are new.
     */
    async knownFile(path: string, fileHash: string, at: string): Promise<number | undefined> {
      const same = await sql.get<{ article_id: number }>('SELECT article_id FROM ingested_files WHERE path = ? AND content_hash = ? AND article_id IS NOT NULL', [path, fileHash]);
      if (same) return same.article_id;
      const elsewhere = await sql.get<{ article_id: number }>('SELECT article_id FROM ingested_files WHERE content_hash = ? AND article_id IS NOT NULL ORDER BY path LIMIT 1', [fileHash]);
      if (!elsewhere) return undefined;
      await sql.run(
        `INSERT INTO ingested_files (path, content_hash, article_id, seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, article_id = excluded.article_id, seen_at = excluded.seen_at`,
        [path, fileHash, elsewhere.article_id, at],
      );
      return elsewhere.article_id;
    },
    /** The article stored from source file `path`, or null. */
    async articleOfSource(path: string): Promise<number | null> {
      return (await articleOfFile(sql, path)) ?? null;
    },
    /** Records an input that could not become an article (`reason` already one line). */
    async recordReject(path: string, reason: string, at: string): Promise<void> {
      await sql.run('INSERT INTO rejects (path, reason, at) VALUES (?, ?, ?)', [path, reason, at]);
    },
    /** For each key, in how many stored articles of `site` other than `exceptId` it occurs. */
    async countSiteLines(site: string, keys: readonly string[], exceptId: number | null): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (const part of chunks([...new Set(keys)])) {
        const rows = await sql.all<{ line: string; n: number }>(
          `SELECT line, count(*) AS n FROM site_lines WHERE site = ? AND line IN (${placeholders(part.length)}) AND article_id <> ? GROUP BY line`,
          [site, ...part, exceptId ?? -1],
        );
        for (const r of rows) out.set(r.line, Number(r.n));
      }
      return out;
    },
    /** The stored articles of `site`, other than `exceptId`, that recorded any of `keys`, oldest first. */
    async articlesWithSiteLines(site: string, keys: readonly string[], exceptId: number | null): Promise<number[]> {
      const ids = new Set<number>();
      for (const part of chunks([...new Set(keys)])) {
        const rows = await sql.all<{ article_id: number }>(
          `SELECT DISTINCT article_id FROM site_lines WHERE site = ? AND line IN (${placeholders(part.length)}) AND article_id <> ?`,
          [site, ...part, exceptId ?? -1],
        );
        for (const r of rows) ids.add(Number(r.article_id));
      }
      return [...ids].sort((a, b) => a - b);
    },
    /** Records an article's keys for its site, replacing what it had recorded before. */
    async recordSiteLines(site: string, articleId: number, keys: readonly string[]): Promise<void> {
      await sql.tx(async () => {
        await sql.run('DELETE FROM site_lines WHERE article_id = ?', [articleId]);
        await insertRows(
          sql,
          'site_lines',
          ['site', 'line', 'article_id'],
          [...new Set(keys)].map((k) => [site, k, articleId]),
          'ON CONFLICT (site, line, article_id) DO NOTHING',
        );
      });
    },
  };
}
