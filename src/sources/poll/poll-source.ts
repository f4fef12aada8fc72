/**
 * Polls one source of any kind and records the outcome on the source: the next poll time
 * (interval, Cache-Control, Retry-After, backoff) or a pause after repeated failures. A failing
 * source never throws out of here, so one broken feed cannot stop the others.
 */
import type { SourceRow } from '../../core/store/source-store.ts';
import { FetchError } from '../fetch/fetch-error.ts';
import { isPassingDbError as isBusyError } from '../../core/store/db-errors.ts';
import { nextAfterSuccess, planAfterFailure } from './schedule.ts';
import { pollFeed } from './poll-feed.ts';
import { pollPage } from './poll-page.ts';
import { pollFolder } from './poll-folder.ts';
import type { PollContext, PollCounts } from './poll-context.ts';

export interface PollReport {
  source: string;
  id: number;
  ok: boolean;
  notModified: boolean;
  counts: PollCounts | null;
  error: string | null;
  paused: string | null;
  next_poll_at: string | null;
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].slice(0, 300);
}

/** Records a poll's outcome on the source; a busy database only means the source is due again at the next tick. */
async function bookkeep(ctx: PollContext, src: SourceRow, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!isBusyError(err)) throw err;
    ctx.log.warn(`source ${src.name}: database busy; its schedule is updated at the next poll`);
  }
}

/** Polls `src` once and updates its schedule; resolves with what happened. */
export async function pollSource(ctx: PollContext, src: SourceRow): Promise<PollReport> {
  const sources = ctx.stores.sources;
  try {
    if (src.kind === 'folder') {
      const counts = await pollFolder(ctx, src);
      const next = nextAfterSuccess(ctx.now(), src.every_minutes, null).toISOString();
      await bookkeep(ctx, src, () => sources.recordSuccess(src.id, { next_poll_at: next }, ctx.now()));
      return { source: src.name, id: src.id, ok: true, notModified: false, counts, error: null, paused: null, next_poll_at: next };
    }
    const r = src.kind === 'page' ? await pollPage(ctx, src) : await pollFeed(ctx, src);
    const next = nextAfterSuccess(ctx.now(), src.every_minutes, r.maxAgeSeconds).toISOString();
    await bookkeep(ctx, src, () => sources.recordSuccess(src.id, { etag: r.etag, last_modified: r.lastModified, outlet: r.outlet, next_poll_at: next }, ctx.now()));
    if (r.movedTo && (await sources.relocate(src.id, r.movedTo))) ctx.log.info(`source ${src.name} moved permanently to ${r.movedTo}`);
    const c = r.counts;
    if (c.stored || c.updated || c.rejected) ctx.log.info(`source ${src.name}: ${c.stored} new, ${c.updated} updated, ${c.duplicates} duplicate, ${c.rejected} rejected`);
    return { source: src.name, id: src.id, ok: true, notModified: r.notModified, counts: c, error: null, paused: null, next_poll_at: next };
  } catch (err) {
    const reason = oneLine(err);
    // Stopped mid-poll: not the source's fault; it is simply polled again at the next start.
    if (ctx.signal?.aborted) return { source: src.name, id: src.id, ok: false, notModified: false, counts: null, error: 'stopped', paused: null, next_poll_at: src.next_poll_at };
    // The database was busy for longer than the busy timeout: the source is simply polled again at the next tick.
    if (isBusyError(err)) {
      ctx.log.warn(`source ${src.name}: database busy; polled again at the next tick`);
      return { source: src.name, id: src.id, ok: false, notModified: false, counts: null, error: reason, paused: null, next_poll_at: src.next_poll_at };
    }
    const retryAt = err instanceof FetchError ? err.retryAt : null;
    const gone = err instanceof FetchError && err.status === 410;
    // 410 Gone is the server saying the feed will not come back: pause at once rather than retrying.
    const plan = gone
      ? { next_poll_at: null, backoff_until: null, paused_reason: `paused: the server says it is gone (HTTP 410)` }
      : planAfterFailure(ctx.now(), src.every_minutes, src.consecutive_failures, reason, retryAt);
    await bookkeep(ctx, src, () => sources.recordFailure(src.id, { error: reason, ...plan }, ctx.now()));
    if (plan.paused_reason) ctx.log.warn(`source ${src.name} ${plan.paused_reason}`);
    else ctx.log.warn(`source ${src.name}: ${reason}; next try ${plan.next_poll_at}`);
    return { source: src.name, id: src.id, ok: false, notModified: false, counts: null, error: reason, paused: plan.paused_reason, next_poll_at: plan.next_poll_at };
  }
}

/** Sources polled at once by pollDueSources: each on its own, so one slow source holds up no other. */
const PARALLEL_SOURCES = 8;

/** Polls every due source (every unpaused source with `all`), several at once; `stopping()` ends the pass early. Reports in source order. */
export async function pollDueSources(ctx: PollContext, opts: { all?: boolean; stopping?: () => boolean } = {}): Promise<PollReport[]> {
  const store = ctx.stores.sources;
  const list = opts.all ? (await store.list()).filter((s) => !s.paused_reason) : await store.due(ctx.now());
  const reports: (PollReport | null)[] = new Array(list.length).fill(null);
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const i = next++;
      if (opts.stopping?.() || ctx.signal?.aborted) return;
      // Re-read: a concurrent remove may have changed it.
      const fresh = await store.get(list[i].id);
      if (fresh && !fresh.paused_reason) reports[i] = await pollSource(ctx, fresh);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SOURCES, list.length) }, lane));
  return reports.filter((r): r is PollReport => r !== null);
}
