/**
 * One scheduler pass: recovers stale claims, claims every digest due at or before `at` (only the
 * latest missed due time per subscription), composes and sends them through the adapters, paced,
 * chats in parallel and each chat's digests in order. Safe to run from several processes on one
 * database: the ledger's UNIQUE (subscription, due time) row decides who sends.
 */
import type { Stores } from '../core/store/stores.ts';
import type { Platform } from '../core/contract/types.ts';
import type { Logger } from '../core/logger.ts';
import type { Delivery } from '../core/store/ledger-store.ts';
import type { Subscription } from '../core/store/subscription-store.ts';
import { latestDueAtOrBefore } from '../core/digest/due-times.ts';
import type { DigestSource } from '../core/digest/compose-digest.ts';
import { createStoreDigestSource, cacheDigestSource } from '../core/digest/digest-source.ts';
import { systemClock, type Clock } from './clock.ts';
import { createPacer, type Pacer } from './pacer.ts';
import { DEFAULT_SEND_POLICY, newSendStats, type SendPolicy, type SendStats } from './send-digest.ts';
import { deliverDigest, type DeliverDeps } from './deliver-digest.ts';
import { recoverStaleClaims } from './recover-stale.ts';
import { newClaimerId, type Adapters } from './claimer.ts';

// Callers import these from here too.
export { newClaimerId, type Adapters };


export interface RunOptions {
  clock?: Clock;
  log: Logger;
  maxStories?: number;
  emptyNote?: boolean;
  /** Identifies this process in claimed_by: host:pid:random. */
  claimer?: string;
  pacer?: Pacer;
  policy?: SendPolicy;
  /** Chats sent to in parallel per platform (each chat's own digests stay sequential). */
  concurrency?: number;
  /** A claim older than this whose owner cannot be shown alive is stale (ms). */
  leaseMs?: number;
  pauseAfter?: number;
  source?: DigestSource;
}

export interface RunSummary {
  due: number;
  claimed: number;
  /** Failed digests claimed again for another pass (see SendPolicy.maxPasses). */
  retried: number;
  skippedEmpty: number;
  recovered: number;
  abandoned: number;
  stats: SendStats;
}


interface Job {
  sub: Subscription;
  delivery: Delivery;
}

/**
 * Sends every digest due at or before `at` that nobody has claimed. Platforms without an adapter
 * are left untouched (their digests stay due until an adapter for them runs).
 */
export async function runDueDigests(stores: Stores, adapters: Adapters, at: Date, opts: RunOptions): Promise<RunSummary> {
  const clock = opts.clock ?? systemClock;
  const claimer = opts.claimer ?? newClaimerId();
  const { ledger, subscriptions: subs } = stores;
  const source = cacheDigestSource(opts.source ?? createStoreDigestSource(stores, { memo: true }));
  const pacer = opts.pacer ?? createPacer(clock);
  const stats = newSendStats();
  const platforms = (Object.keys(adapters) as Platform[]).filter((p) => adapters[p]);
  const summary: RunSummary = { due: 0, claimed: 0, retried: 0, skippedEmpty: 0, recovered: 0, abandoned: 0, stats };

  const recovered = await recoverStaleClaims(ledger, subs, {
    claimer,
    now: clock.now(),
    leaseMs: opts.leaseMs ?? 15 * 60_000,
    platforms,
    log: opts.log,
  });
  summary.recovered = recovered.resend.length;
  summary.abandoned = recovered.abandoned;

  const jobs: Job[] = [...recovered.resend];
  for (const sub of await subs.dueBefore(at, platforms)) {
    summary.due++;
    const due = latestDueAtOrBefore(sub.time, sub.tz, at);
    const delivery = await ledger.claim(sub, due, claimer, clock.now());
    if (delivery) jobs.push({ sub, delivery });
  }
  summary.claimed = jobs.length - recovered.resend.length;
  // After the new claims, so a digest superseded by one just claimed is not retried.
  for (const delivery of await ledger.claimRetries(platforms, claimer, clock.now())) {
    const sub = await subs.get(delivery.subscription_id);
    if (!sub) continue;
    jobs.push({ sub, delivery });
    summary.retried++;
  }
  if (!jobs.length) return summary;

  // One lane per chat, in due order; lanes run in parallel up to `concurrency`.
  const lanes = new Map<string, Job[]>();
  for (const j of jobs.sort((a, b) => (a.delivery.due_at < b.delivery.due_at ? -1 : a.delivery.due_at > b.delivery.due_at ? 1 : a.sub.id - b.sub.id))) {
    const key = `${j.sub.platform}:${j.sub.chat_id}`;
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = []));
    lane.push(j);
  }
  const deliver: DeliverDeps = {
    stores,
    adapters,
    source,
    pacer,
    clock,
    log: opts.log,
    policy: opts.policy ?? DEFAULT_SEND_POLICY,
    stats,
    pauseAfter: opts.pauseAfter,
    maxStories: opts.maxStories ?? 10,
    emptyNote: opts.emptyNote ?? false,
  };
  const runLane = async (lane: Job[]) => {
    for (const { sub, delivery } of lane) if ((await deliverDigest(deliver, sub, delivery)) === 'empty') summary.skippedEmpty++;
  };
  // Workers per platform: a platform waiting on its own limit never holds up the other one.
  const byPlatform = new Map<Platform, Job[][]>();
  for (const lane of lanes.values()) {
    const p = lane[0].sub.platform;
    let q = byPlatform.get(p);
    if (!q) byPlatform.set(p, (q = []));
    q.push(lane);
  }
  const workers = [...byPlatform.values()].flatMap((queue) =>
    Array.from({ length: Math.min(opts.concurrency ?? 64, queue.length) }, async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) await runLane(lane);
    }),
  );
  await Promise.all(workers);
  return summary;
}
