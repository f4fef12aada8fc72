/**
 * The live-sources runtime started by `newsbot start` and `newsbot sources poll`: a tick that
 * polls due sources (feeds, pages, folder rescans) and a chokidar watcher per folder source.
 * Sources added or removed by another process are picked up at the next tick.
 */
import type { Stores } from '../core/store/stores.ts';
import type { Logger } from '../core/logger.ts';
import type { Config } from '../config.ts';
import { createFetcher, HOST_INTERVAL_MS, userAgent, type FetcherOptions } from './fetch/create-fetcher.ts';
import { createRobotsCheck } from './fetch/robots.ts';
import { defaultSinks, type Sinks } from './sinks.ts';
import { pollSource, type PollReport } from './poll/poll-source.ts';
import { watchFolder, type FolderWatch } from './watch-folder.ts';
import type { PollContext } from './poll/poll-context.ts';
import type { SourceRow } from '../core/store/source-store.ts';

export interface StartSourcesOptions {
  stores: Stores;
  config: Pick<Config, 'NEWSBOT_ALLOW_PRIVATE_NETWORKS' | 'NEWSBOT_CONTACT'> & Partial<Pick<Config, 'NEWSBOT_MAX_FILE_MB' | 'NEWSBOT_MAX_ITEMS_PER_POLL'>>;
  log: Logger;
  now?: () => Date;
  /** How often due sources are looked for (default 30 s). 0 disables the timer (tests call tick()). */
  tickMs?: number;
  /** Parsers and store; the real ones by default. */
  sinks?: Sinks;
  fetcher?: Partial<FetcherOptions>;
  /** Folder watcher stability threshold (default 1000 ms). */
  stabilityMs?: number;
  /** A folder rescan skips files modified more recently than this (default 2000 ms). */
  settleMs?: number;
  /** Whether folder sources get a live watcher (default true). */
  watch?: boolean;
  /**
   * Hands a due feed or page source to the deployment's job queue instead of polling it here
   * (cluster/); folder sources are always polled here, where the folder is.
   */
  dispatch?: (src: SourceRow) => Promise<void>;
  /** Overrides for the poll context (deadline, concurrency, caps). */
  poll?: Partial<Pick<PollContext, 'pollDeadlineMs' | 'pageConcurrency' | 'maxPagesPerPoll' | 'pageDelayMs'>>;
}

/** How long stop() waits for polls in flight after aborting them; the bot must be down within 5 s of SIGTERM. */
export const STOP_GRACE_MS = 3000;

export interface SourcesRuntime {
  /**
   * Starts a poll of every due source not already being polled (each source on its own, so a
   * slow one holds up no other) and reconciles folder watchers; resolves with the reports of the
   * polls it started.
   */
  tick(): Promise<PollReport[]>;
  /**
   * Polls source `id` now, for a queue job handed out by the poller (cluster/poll-jobs.ts): unless
   * it is paused, gone, already being polled here, or no longer due (another worker got to it).
   */
  pollOne(id: number): Promise<PollReport | null>;
  /** Resolves when the watchers are ready (after the first tick has started them). */
  watchersReady(): Promise<void>;
  /** Resolves when all file events received so far are handled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts polling sources on their schedule; call `stop()` to close timers, watchers and connections. */
export function startSources(opts: StartSourcesOptions): SourcesRuntime {
  const now = opts.now ?? (() => new Date());
  const maxBytes = (opts.config.NEWSBOT_MAX_FILE_MB ?? 5) * 1024 * 1024;
  const fetcher = createFetcher({ allowPrivate: opts.config.NEWSBOT_ALLOW_PRIVATE_NETWORKS, now, userAgent: userAgent(opts.config.NEWSBOT_CONTACT), hostIntervalMs: HOST_INTERVAL_MS, maxBytes, ...opts.fetcher });
  const sinks = opts.sinks ?? defaultSinks(now);
  const watchers = new Map<number, FolderWatch>();
  const polling = new Map<number, Promise<PollReport>>();
  const stopping = new AbortController();
  let reconciling: Promise<void> = Promise.resolve();
  let stopped = false;
  let stopping_: Promise<void> | null = null;

  const ctx: PollContext = {
    stores: opts.stores,
    fetcher,
    robots: createRobotsCheck(fetcher, { now }),
    sinks,
    log: opts.log,
    now,
    settleMs: opts.settleMs,
    signal: stopping.signal,
    maxFileBytes: maxBytes,
    maxNewItemsPerPoll: opts.config.NEWSBOT_MAX_ITEMS_PER_POLL,
    ...opts.poll,
  };

  async function reconcileWatchers(): Promise<void> {
    if (opts.watch === false) return;
    const folders = (await opts.stores.sources.list()).filter((s) => s.kind === 'folder' && !s.paused_reason);
    const wanted = new Set(folders.map((s) => s.id));
    for (const [id, w] of watchers) {
      if (!wanted.has(id)) {
        watchers.delete(id);
        await w.close();
      }
    }
    for (const s of folders) if (!watchers.has(s.id) && !stopped) watchers.set(s.id, watchFolder(ctx, s, opts.stabilityMs));
  }

  async function tick(): Promise<PollReport[]> {
    if (stopped) return [];
    // Chained before any await, so watchersReady() right after tick() waits for this reconcile.
    reconciling = reconciling.then(() => (stopped ? undefined : reconcileWatchers())).catch((err: unknown) => opts.log.error('folder watchers', err));
    const started: Promise<PollReport>[] = [];
    try {
      const due = await opts.stores.sources.due(now());
      // No await in the polling loop below: a source cannot start twice from two overlapping ticks.
      if (opts.dispatch) {
        const remote = due.filter((s) => s.kind !== 'folder');
        due.splice(0, due.length, ...due.filter((s) => s.kind === 'folder'));
        await Promise.all(remote.map((s) => opts.dispatch!(s)));
      }
      for (const src of due) {
        if (stopped) break;
        if (polling.has(src.id)) continue;
        const p = pollSource(ctx, src)
          .catch((err: unknown): PollReport => {
            opts.log.error(`source ${src.name}: poll failed`, err);
            return { source: src.name, id: src.id, ok: false, notModified: false, counts: null, error: String(err), paused: null, next_poll_at: null };
          })
          .finally(() => polling.delete(src.id));
        polling.set(src.id, p);
        started.push(p);
      }
    } catch (err) {
      opts.log.error('sources tick failed', err);
    }
    const reports = await Promise.all(started);
    await reconciling;
    return reports;
  }

  const tickMs = opts.tickMs ?? 30_000;
  const timer = tickMs > 0 ? setInterval(() => void tick(), tickMs) : null;
  if (tickMs > 0) void tick();

  async function pollOne(id: number): Promise<PollReport | null> {
    const src = await opts.stores.sources.get(id);
    if (stopped || !src || src.paused_reason || polling.has(id)) return null;
    if (!src.next_poll_at || Date.parse(src.next_poll_at) > now().getTime()) return null;
    const p = pollSource(ctx, src).finally(() => polling.delete(id));
    polling.set(id, p);
    return p;
  }

  return {
    tick,
    pollOne,
    async watchersReady() {
      await reconciling;
      await Promise.all([...watchers.values()].map((w) => w.ready));
    },
    async idle() {
      await Promise.all([...watchers.values()].map((w) => w.idle()));
    },
    stop() {
      stopping_ ??= stopAll();
      return stopping_;
    },
  };

  async function stopAll(): Promise<void> {
    stopped = true;
    if (timer) clearInterval(timer);
    // Fetches in flight end at once; what they were doing waits for the next run.
    stopping.abort();
    const grace = new Promise<void>((r) => setTimeout(r, STOP_GRACE_MS).unref());
    await Promise.race([Promise.all([...polling.values(), reconciling]), grace]);
    await Promise.race([Promise.all([...watchers.values()].map((w) => w.close())), grace]);
    watchers.clear();
    await Promise.race([fetcher.close(), grace]);
    await sinks.close();
  }
}
