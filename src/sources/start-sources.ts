/**
 * The live-sources runtime started by `newsbot start` and `newsbot sources poll`: a tick that
 * polls due sources (feeds, pages, folder rescans) and a chokidar watcher per folder source.
 * Sources added or removed by another process are picked up at the next tick.
 */
import type { Db } from '../core/store/db.ts';
import type { Logger } from '../core/logger.ts';
import type { Config } from '../config.ts';
import { createFetcher, HOST_INTERVAL_MS, userAgent, type FetcherOptions } from './fetch/create-fetcher.ts';
import { createRobotsCheck } from './fetch/robots.ts';
import { defaultSinks, type Sinks } from './sinks.ts';
import { createSourceStore } from './store/source-store.ts';
import { pollDueSources, type PollReport } from './poll/poll-source.ts';
import { watchFolder, type FolderWatch } from './watch-folder.ts';
import type { PollContext } from './poll/poll-context.ts';

export interface StartSourcesOptions {
  db: Db;
  config: Pick<Config, 'NEWSBOT_ALLOW_PRIVATE_NETWORKS' | 'NEWSBOT_CONTACT'>;
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
}

export interface SourcesRuntime {
  /** Polls what is due now and reconciles folder watchers; resolves with the reports. */
  tick(): Promise<PollReport[]>;
  /** Resolves when the watchers are ready (after the first tick has started them). */
  watchersReady(): Promise<void>;
  /** Resolves when all file events received so far are handled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts polling sources on their schedule; call `stop()` to close timers, watchers and connections. */
export function startSources(opts: StartSourcesOptions): SourcesRuntime {
  const now = opts.now ?? (() => new Date());
  const fetcher = createFetcher({ allowPrivate: opts.config.NEWSBOT_ALLOW_PRIVATE_NETWORKS, now, userAgent: userAgent(opts.config.NEWSBOT_CONTACT), hostIntervalMs: HOST_INTERVAL_MS, ...opts.fetcher });
  const sinks = opts.sinks ?? defaultSinks(now);
  const watchers = new Map<number, FolderWatch>();
  let running: Promise<PollReport[]> | null = null;
  let stopped = false;

  const ctx: PollContext = { db: opts.db, fetcher, robots: createRobotsCheck(fetcher, { now }), sinks, log: opts.log, now, settleMs: opts.settleMs };

  async function reconcileWatchers(): Promise<void> {
    if (opts.watch === false) return;
    const folders = createSourceStore(opts.db)
      .list()
      .filter((s) => s.kind === 'folder' && !s.paused_reason);
    const wanted = new Set(folders.map((s) => s.id));
    for (const [id, w] of watchers) {
      if (!wanted.has(id)) {
        watchers.delete(id);
        await w.close();
      }
    }
    for (const s of folders) if (!watchers.has(s.id)) watchers.set(s.id, watchFolder(ctx, s, opts.stabilityMs));
  }

  async function runTick(): Promise<PollReport[]> {
    const reports = await pollDueSources(ctx, { stopping: () => stopped });
    if (!stopped) await reconcileWatchers();
    return reports;
  }

  function tick(): Promise<PollReport[]> {
    if (stopped) return Promise.resolve([]);
    // One pass at a time: a slow feed delays the next tick rather than doubling requests.
    running ??= runTick()
      .catch((err: unknown) => {
        opts.log.error('sources tick failed', err);
        return [] as PollReport[];
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const tickMs = opts.tickMs ?? 30_000;
  const timer = tickMs > 0 ? setInterval(() => void tick(), tickMs) : null;
  if (tickMs > 0) void tick();

  return {
    tick,
    async watchersReady() {
      await Promise.all([...watchers.values()].map((w) => w.ready));
    },
    async idle() {
      await Promise.all([...watchers.values()].map((w) => w.idle()));
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      await Promise.all([...watchers.values()].map((w) => w.close()));
      watchers.clear();
      await fetcher.close();
    },
  };
}
