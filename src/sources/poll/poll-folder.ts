/**
 * Folder sources: a scan ingests files that are new or changed since they were last seen
 * (size + mtime, so unchanged files cost a stat, not a read) and settled (not modified in the
 * last moments, so a half-written file waits). The watcher calls `ingestFolderFile` directly.
 */
import { readdir, stat, readFile } from 'node:fs/promises';
import { join, basename } from 'node:path';
import type { SourceRow } from '../store/source-store.ts';
import { createItemStore } from '../store/source-items.ts';
import { emptyCounts, type PollContext, type PollCounts } from './poll-context.ts';

/** Editor swap files, partial downloads and hidden files never count as documents. */
export function isIgnoredFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.startsWith('~') || /(\.(part|partial|tmp|temp|crdownload|download|swp|swx|lock)|~)$/i.test(name);
}

async function listFiles(dir: string, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (isIgnoredFile(p)) continue;
    if (e.isDirectory()) out.push(...(await listFiles(p, depth + 1)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

interface FileRow {
  size: number;
  mtime_ms: number;
}

/**
 * Ingests one file of a folder source unless it is unchanged since last seen; returns what
 * happened: 'stored' | 'unchanged' | 'duplicate' | 'rejected' | 'unsettled'.
 */
export async function ingestFolderFile(ctx: PollContext, src: SourceRow, path: string, opts: { requireSettled: boolean }): Promise<{ outcome: string; reason?: string }> {
  if (isIgnoredFile(path)) return { outcome: 'unchanged' };
  let st;
  try {
    st = await stat(path);
  } catch {
    return { outcome: 'unchanged' }; // vanished between listing and reading
  }
  if (!st.isFile()) return { outcome: 'unchanged' };
  const prev = ctx.db.prepare<[number, string], FileRow>('SELECT size, mtime_ms FROM source_files WHERE source_id = ? AND path = ?').get(src.id, path);
  if (prev && prev.size === st.size && prev.mtime_ms === st.mtimeMs) return { outcome: 'unchanged' };
  if (opts.requireSettled && ctx.now().getTime() - st.mtimeMs < (ctx.settleMs ?? 2000)) return { outcome: 'unsettled' };
  const bytes = await readFile(path);
  const res = await ctx.sinks.ingestBytes(ctx.db, { bytes, name: path });
  const now = ctx.now();
  const outcome = res.status === 'rejected' ? 'rejected' : res.status === 'unchanged' ? 'duplicate' : 'stored';
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO source_files (source_id, path, size, mtime_ms, article_id, status, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_id, path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, article_id = excluded.article_id,
           status = excluded.status, reason = excluded.reason, seen_at = excluded.seen_at`,
      )
      .run(src.id, path, st.size, st.mtimeMs, res.id ?? null, res.status, res.reason ?? null, now.toISOString());
    if (res.id != null) {
      // Backfill is decided when an article is first seen through a source, and inherited after.
      const items = createItemStore(ctx.db);
      const known = items.findByArticle(res.id);
      const backfill = known ? known.backfill : outcome === 'stored' && src.first_poll_done === 0;
      items.record({ source_id: src.id, guid: `file:${path}`, url_normalized: null, content_hash: null, article_id: res.id, backfill, status: outcome === 'stored' ? 'stored' : 'duplicate' }, now);
    }
  })();
  if (outcome === 'rejected') ctx.log.warn(`source ${src.name}: ${path}: ${res.reason ?? 'rejected'}`);
  return { outcome, reason: res.reason };
}

/** Scans a folder source once; throws when the folder itself is missing or unreadable. */
export async function pollFolder(ctx: PollContext, src: SourceRow): Promise<PollCounts> {
  const counts = emptyCounts();
  let files: string[];
  try {
    files = await listFiles(src.location);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `folder ${src.location} does not exist` : `cannot read folder ${src.location}: ${e.code ?? e.message}`);
  }
  for (const f of files) {
    const r = await ingestFolderFile(ctx, src, f, { requireSettled: true });
    if (r.outcome === 'stored') counts.stored++;
    else if (r.outcome === 'duplicate') counts.duplicates++;
    else if (r.outcome === 'unsettled') counts.deferred++;
    else if (r.outcome === 'rejected') {
      counts.rejected++;
      counts.rejects.push(`${f}: ${r.reason ?? 'rejected'}`);
    } else counts.unchanged++;
  }
  return counts;
}
