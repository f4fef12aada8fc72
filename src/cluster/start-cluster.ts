/**
 * The queue side of a cluster process, by role (NEWSBOT_ROLES): a `worker` runs digest, alert and
 * poll jobs; a `scheduler` runs the deployment's digest tick (a repeatable job: once per
 * deployment however many schedulers run); a `poller` hands due sources to the queue and watches
 * local folders. The `gateway` role (chat connections) is started by cli/start.ts.
 */
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Stores } from '../core/store/stores.ts';
import type { Platform } from '../core/contract/types.ts';
import type { Logger } from '../core/logger.ts';
import type { Config } from '../config.ts';
import { createStoreDigestSource, cacheDigestSource } from '../core/digest/digest-source.ts';
import { DEFAULT_SEND_POLICY, newSendStats } from '../scheduler/send-digest.ts';
import { systemClock } from '../scheduler/clock.ts';
import { runAlerts } from '../scheduler/run-alerts.ts';
import type { Adapters } from '../scheduler/claimer.ts';
import { startSources, type SourcesRuntime } from '../sources/start-sources.ts';
import { metrics } from '../ops/metrics.ts';
import { openQueues, jobId, QUEUE_NAMES, type AlertJob, type DigestJob, type PollJob } from './queues.ts';
import { sharedLimits } from './shared-limits.ts';
import { createSharedPacer } from './shared-pacer.ts';
import { digestJobHandler } from './digest-jobs.ts';
import { runDigestTick } from './digest-tick.ts';

export type Role = 'gateway' | 'worker' | 'poller' | 'scheduler';

export interface ClusterOptions {
  redis: Redis;
  stores: Stores;
  /** Send-only adapters for the worker role, by platform. */
  adapters: Adapters;
  /** Platforms with a token: the scheduler enqueues digests for these. */
  platforms: Platform[];
  roles: Role[];
  cfg: Config;
  log: Logger;
  claimer: string;
}

export interface ClusterRuntime {
  stop(): Promise<void>;
}

/** A worker's lock on a job lasts this long and is renewed at half of it; a SIGKILLed worker's jobs return after it. */
const LOCK_MS = 15_000;
/** A claim from another host not refreshed for this long is taken over by the tick. */
const CLAIM_LEASE_MS = 5 * 60_000;

export async function startCluster(o: ClusterOptions): Promise<ClusterRuntime> {
  const { cfg, log, stores } = o;
  const prefix = cfg.NEWSBOT_REDIS_PREFIX;
  const connection = o.redis;
  const queues = openQueues(connection, prefix);
  const workers: Worker[] = [];
  const stops: (() => Promise<void>)[] = [];
  const workerOpts = { connection, prefix, lockDuration: LOCK_MS, stalledInterval: LOCK_MS, maxStalledCount: 10 };
  const onFailed = (name: string) => (job: Job | undefined, err: Error) => log.warn(`${name} job ${job?.id ?? '?'} failed: ${err.message}`);

  if (o.roles.includes('worker')) {
    const limits = sharedLimits(o.redis, prefix);
    const pacer = createSharedPacer(limits, log);
    const clock = systemClock;
    const base = {
      stores,
      adapters: o.adapters,
      pacer,
      clock,
      log,
      policy: DEFAULT_SEND_POLICY,
      maxStories: cfg.NEWSBOT_DIGEST_MAX_STORIES,
      emptyNote: cfg.NEWSBOT_DIGEST_EMPTY_NOTE,
      claimer: o.claimer,
    };
    // Each job gets a fresh digest source: its caches must not outlive one pass of new articles.
    const digests = new Worker<DigestJob>(QUEUE_NAMES.digests, (job) => digestJobHandler({ ...base, stats: newSendStats(), source: cacheDigestSource(createStoreDigestSource(stores, { memo: true })) })(job), {
      ...workerOpts,
      concurrency: cfg.NEWSBOT_WORKER_CONCURRENCY,
    });
    const alerts = new Worker<AlertJob>(
      QUEUE_NAMES.alerts,
      async (job) => {
        const platforms = (Object.keys(o.adapters) as Platform[]).filter((p) => o.adapters[p]);
        if (!platforms.length) return null;
        return runAlerts(stores, o.adapters, new Date(job.data.at), { log, clock, claimer: o.claimer, pacer, everyMs: cfg.NEWSBOT_ALERT_INTERVAL_MIN * 60_000, defaultTz: cfg.NEWSBOT_DEFAULT_TZ });
      },
      { ...workerOpts, concurrency: 1 },
    );
    const sources: SourcesRuntime = startSources({
      stores,
      config: cfg,
      log,
      tickMs: 0,
      watch: false,
      fetcher: { hostSlot: async (host, interval) => limits.reserve(`host:${host}`, 1000 / interval, 1) },
    });
    stops.push(() => sources.stop());
    const polls = new Worker<PollJob>(
      QUEUE_NAMES.polls,
      async (job) => {
        const r = await sources.pollOne(job.data.sourceId);
        if (r) metrics.polls.inc({ result: !r.ok ? 'failed' : r.notModified ? 'not_modified' : 'ok' });
        return r;
      },
      { ...workerOpts, concurrency: Math.max(1, Math.min(16, cfg.NEWSBOT_WORKER_CONCURRENCY)) },
    );
    workers.push(digests, alerts, polls);
    digests.on('failed', onFailed('digest'));
    alerts.on('failed', onFailed('alert'));
    polls.on('failed', onFailed('poll'));
    const depth = setInterval(() => void reportDepth(queues, log), 5000);
    depth.unref();
    stops.push(async () => clearInterval(depth));
  }

  if (o.roles.includes('scheduler')) {
    const tickOpts = { platforms: o.platforms, claimer: o.claimer, leaseMs: CLAIM_LEASE_MS, alerts: true };
    const ticks = new Worker(
      QUEUE_NAMES.ticks,
      async () => {
        const s = await runDigestTick(stores, queues, new Date(), tickOpts);
        if (s.lanes || s.retries || s.stale) log.info(`tick: ${s.digests} digests due in ${s.lanes} chats, ${s.retries} retries, ${s.stale} stale claims enqueued`);
        return s;
      },
      { ...workerOpts, concurrency: 1 },
    );
    ticks.on('failed', onFailed('tick'));
    workers.push(ticks);
    await queues.ticks.upsertJobScheduler('digest-tick', { every: cfg.NEWSBOT_TICK_SECONDS * 1000 }, { name: 'tick' });
    // Catch-up at start, for digests that came due while no scheduler ran.
    await queues.ticks.add('tick', {}, { jobId: jobId('start', o.claimer) });
  }

  if (o.roles.includes('poller')) {
    const poller = startSources({
      stores,
      config: cfg,
      log,
      dispatch: async (src) => {
        await queues.polls.add('poll', { sourceId: src.id, nextPollAt: src.next_poll_at }, { jobId: jobId('poll', src.id, src.next_poll_at) });
      },
    });
    stops.push(() => poller.stop());
  }

  return {
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      for (const s of stops.reverse()) await s().catch((err: unknown) => log.warn(`stopping: ${err instanceof Error ? err.message : String(err)}`));
      await queues.close();
    },
  };
}

async function reportDepth(queues: ReturnType<typeof openQueues>, log: Logger): Promise<void> {
  try {
    for (const name of ['digests', 'alerts', 'polls'] as const) {
      const c = await queues[name].getJobCounts('waiting', 'delayed', 'prioritized');
      metrics.queueDepth.set({ queue: name }, (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0));
    }
  } catch (err) {
    log.debug?.(`queue depth: ${err instanceof Error ? err.message : String(err)}`);
  }
}
