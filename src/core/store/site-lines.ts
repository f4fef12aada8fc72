/**
 * The site_lines table: which short lines and title suffixes each stored article has, per site,
 * so the loader can tell a site's furniture by repetition (src/core/clean/site-furniture.ts).
 */
import type { Db } from './db.ts';
import { prepareCached } from './statements.ts';

/** For each key, in how many stored articles of `site` other than `exceptId` it occurs. */
export function countSiteLines(db: Db, site: string, keys: string[], exceptId: number | null): Map<string, number> {
  const out = new Map<string, number>();
  if (keys.length === 0) return out;
  const rows = prepareCached(
    db,
    `SELECT line, count(*) AS n FROM site_lines
     WHERE site = ? AND line IN (SELECT value FROM json_each(?)) AND article_id != ?
     GROUP BY line`,
  ).all(site, JSON.stringify(keys), exceptId ?? -1) as { line: string; n: number }[];
  for (const r of rows) out.set(r.line, r.n);
  return out;
}

/** Records an article's keys for its site, replacing what it had recorded before. */
export function recordSiteLines(db: Db, site: string, articleId: number, keys: string[]): void {
  prepareCached(db, 'DELETE FROM site_lines WHERE article_id = ?').run(articleId);
  const insert = prepareCached(db, 'INSERT OR IGNORE INTO site_lines (site, line, article_id) VALUES (?, ?, ?)');
  for (const k of keys) insert.run(site, k, articleId);
}

/** The article already stored under this source file, if any (its own lines do not count as repeats). */
export function articleOfSource(db: Db, sourceFile: string): number | null {
  return (prepareCached(db, 'SELECT article_id FROM ingested_files WHERE path = ? AND article_id IS NOT NULL').pluck().get(sourceFile) as number | undefined) ?? null;
}
