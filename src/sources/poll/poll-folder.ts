/**
 * Folder sources: a scan ingests files that are new or changed since they were last seen
 * (size + mtime, so unchanged files cost a stat, not a read) and settled (not modified in the
 * last moments, so a half-written file waits). The watcher calls `ingestFolderFile` directly.
 * Files over the size limit are refused unread; at most the limit is ever read. Symbolic links
 * are not followed unless the folder opted in, so a link cannot expose a file outside it. A
 * file that fails for a passing reason (busy database, read error) is tried again next scan; one
 * failing file never stops the files after it.
 */
import { readdir, lstat, stat, open, realpath } from 'node:fs/promises';
import { join, basename, resolve, sep } from 'node:path';
import { isPassingDbError as isBusyError } from '../../core/store/db-errors.ts';
import { escapeName, recordReject } from '../../core/loader/rejects.ts';
import type { SourceRow } from '../../core/store/source-store.ts';
import { emptyCounts, type PollContext, type PollCounts } from './poll-context.ts';

/** Editor swap files, partial downloads and hidden files never count as documents. */
export function isIgnoredFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.startsWith('~') || /(\.(part|partial|tmp|temp|crdownload|download|swp|swx|lock)|~)$/i.test(name);
}

async function listFiles(dir: string, follow: boolean, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (isIgnoredFile(p)) continue;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink() && follow) {
      const t = await stat(p).catch(() => null);
      isDir = !!t?.isDirectory();
      isFile = !!t?.isFile();
    }
    if (isDir) out.push(...(await listFiles(p, follow, depth + 1)));
    else if (isFile) out.push(p);
  }
  return out.sort();
}

/** Reads at most `max` bytes of `path`; null when it holds more (a file that grew past the limit since its stat). */
async function readBounded(path: string, max: number): Promise<Buffer | null> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(max, 64 * 1024 * 1024) + 1);
    let len = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, len, buf.length - len, len);
      if (bytesRead === 0) break;
      len += bytesRead;
      if (len > max) return null;
    }
    return buf.subarray(0, len);
  } finally {
    await fh.close();
  }
}

/** Why `path` must not be read for this folder (a symbolic link, or resolving outside it), else null. */
async function linkRefusal(src: SourceRow, path: string): Promise<string | null> {
  if (src.follow_symlinks) return null;
  const l = await lstat(path);
  if (l.isSymbolicLink()) return 'a symbolic link (not followed: sources add --follow-symlinks opts a folder in)';
  const [real, root] = await Promise.all([realpath(path), realpath(resolve(src.location))]);
  return real.startsWith(root + sep) ? null : 'resolves outside the folder through a symbolic link (not followed)';
}

const MB = 1024 * 1024;

/**
 * Ingests one file of a folder source unless it is unchanged since last seen; returns what
 * happened: 'stored' | 'unchanged' | 'duplicate' | 'rejected' | 'unsettled'.
 */
export async function ingestFolderFile(ctx: PollContext, src: SourceRow, path: string, opts: { requireSettled: boolean }): Promise<{ outcome: string; reason?: string }> {
  if (isIgnoredFile(path)) return { outcome: 'unchanged' };
  let st;
  try {
    if (await linkRefusal(src, path)) return { outcome: 'skipped' };
    st = await stat(path);
  } catch {
    return { outcome: 'unchanged' }; // vanished between listing and reading
  }
  if (!st.isFile()) return { outcome: 'unchanged' };
  const store = ctx.stores.sources;
  const prev = await store.fileSeen(src.id, path);
  if (prev && prev.size === st.size && prev.mtime_ms === st.mtimeMs) return { outcome: 'unchanged' };
  if (opts.requireSettled && ctx.now().getTime() - st.mtimeMs < (ctx.settleMs ?? 2000)) return { outcome: 'unsettled' };
  const max = ctx.maxFileBytes ?? 5 * MB;
  const tooLarge = (n: number) => `too large: ${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB (limit ${(max / MB).toFixed(1)} MB)`;
  let res: { status: string; id?: number; reason?: string };
  if (st.size > max) res = { status: 'rejected', reason: (await recordReject(ctx.stores, path, tooLarge(st.size), ctx.now())).reason };
  else {
    let bytes: Buffer | null;
    try {
      bytes = await readBounded(path, max);
    } catch (err) {
      // Unreadable now (permissions, I/O): nothing recorded, so the next scan tries again.
      return { outcome: 'failed', reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    }
    if (bytes === null) res = { status: 'rejected', reason: (await recordReject(ctx.stores, path, tooLarge(max + 1), ctx.now())).reason };
    else {
      try {
        res = await ctx.sinks.ingestBytes(ctx.stores, { bytes, name: path });
      } catch (err) {
        if (isBusyError(err)) return { outcome: 'failed', reason: 'database busy; tried again at the next scan' };
        throw err;
      }
    }
  }
  const now = ctx.now();
  const outcome = res.status === 'rejected' ? 'rejected' : res.status === 'unchanged' ? 'duplicate' : 'stored';
  const articleId = res.id;
  await ctx.stores.tx(async () => {
    await store.recordFile({ source_id: src.id, path, size: st.size, mtime_ms: st.mtimeMs, article_id: articleId ?? null, status: res.status, reason: res.reason ?? null }, now);
    if (articleId != null) {
      // Backfill is decided when an article is first seen through a source, and inherited after.
      const known = await store.firstItemOfArticle(articleId);
      const backfill = known ? known.backfill : outcome === 'stored' && src.first_poll_done === 0;
      await store.recordItem({ source_id: src.id, guid: `file:${path}`, url_normalized: null, content_hash: null, article_id: articleId, backfill, status: outcome === 'stored' ? 'stored' : 'duplicate' }, now);
    }
  });
  if (outcome === 'rejected') ctx.log.warn(`source ${src.name}: ${escapeName(path)}: ${res.reason ?? 'rejected'}`);
  return { outcome, reason: res.reason };
}

/** Scans a folder source once; throws when the folder itself is missing or unreadable. */
export async function pollFolder(ctx: PollContext, src: SourceRow): Promise<PollCounts> {
  const counts = emptyCounts();
  let files: string[];
  try {
    files = await listFiles(src.location, src.follow_symlinks === 1);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `folder ${src.location} does not exist` : `cannot read folder ${src.location}: ${e.code ?? e.message}`);
  }
  for (const f of files) {
    if (ctx.signal?.aborted) break;
    let r: { outcome: string; reason?: string };
    try {
      r = await ingestFolderFile(ctx, src, f, { requireSettled: true });
    } catch (err) {
      r = { outcome: 'failed', reason: (err as Error).message.split('\n')[0] };
    }
    if (r.outcome === 'failed') {
      ctx.log.warn(`source ${src.name}: ${escapeName(f)}: ${r.reason}`);
      counts.deferred++;
      continue;
    }
    if (r.outcome === 'stored') counts.stored++;
    else if (r.outcome === 'duplicate') counts.duplicates++;
    else if (r.outcome === 'unsettled') counts.deferred++;
    else if (r.outcome === 'rejected') {
      counts.rejected++;
      counts.rejects.push(`${escapeName(f)}: ${r.reason ?? 'rejected'}`);
    } else counts.unchanged++;
  }
  return counts;
}
