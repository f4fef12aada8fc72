/** The `source_files` table: the files a folder source has seen (size + mtime), so unchanged files cost a stat, not a read. */
import type { Sql } from '../sql.ts';
import type { FileRecord } from './source-types.ts';

/** The `source_files` table's statements over `sql`. */
export function sourceFiles(sql: Sql) {
  return {
    /** Size and mtime of `path` when this folder source last handled it. */
    async fileSeen(sourceId: number, path: string): Promise<{ size: number; mtime_ms: number } | undefined> {
      const r = await sql.get<{ size: number; mtime_ms: number }>('SELECT size, mtime_ms FROM source_files WHERE source_id = ? AND path = ?', [sourceId, path]);
      return r && { size: Number(r.size), mtime_ms: Number(r.mtime_ms) };
    },
    /** Records (or replaces) what happened to one file of a folder source. */
    async recordFile(f: FileRecord, now: Date): Promise<void> {
      await sql.run(
        `INSERT INTO source_files (source_id, path, size, mtime_ms, article_id, status, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_id, path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, article_id = excluded.article_id,
           status = excluded.status, reason = excluded.reason, seen_at = excluded.seen_at`,
        [f.source_id, f.path, f.size, f.mtime_ms, f.article_id, f.status, f.reason, now.toISOString()],
      );
    },
    /** How many files a folder source has seen. */
    async fileCount(sourceId: number): Promise<number> {
      const r = await sql.get<{ n: number }>('SELECT count(*) AS n FROM source_files WHERE source_id = ?', [sourceId]);
      return Number(r?.n ?? 0);
    },
  };
}
