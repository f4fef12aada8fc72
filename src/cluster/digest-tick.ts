/**
 * The deployment's digest tick (the `ticks` queue's repeatable job, so one process runs each):
 * it claims nothing itself, it only enqueues: one job per chat with digests due (its digests in
 * due order), one per failed digest whose retry time has come, one per claim whose process is
 * gone, and the tick's alert pass. Everything it finds again at the next tick has the same job id,
 * so nothing is enqueued twice, and nothing due is lost when a tick is missed: the next one finds it.
 */
import type { Stores } from '../core/store/stores.ts';
import type { Platform } from '../core/contract/types.ts';
import { latestDueAtOrBefore } from '../core/digest/due-times.ts';
import { claimerState } from '../scheduler/recover-stale.ts';
import { jobId, type DigestJob, type Queues } from './queues.ts';

export interface TickOptions {
  platforms: Platform[];
  /** This process's claimer id (claims of dead processes on this host are taken over at once). */
  claimer: string;
  /** A claim from another host not refreshed for this long is taken over (ms). */
  leaseMs: number;
  alerts: boolean;
}

export interface TickSummary {
  lanes: number;
  digests: number;
  retries: number;
  stale: number;
}

export async function runDigestTick(stores: Stores, queues: Queues, at: Date, o: TickOptions): Promise<TickSummary> {
  const { subscriptions, ledger } = stores;
  const lanes = new Map<string, Extract<DigestJob, { kind: 'lane' }>>();
  const due = await subscriptions.dueBefore(at, o.platforms);
  for (const sub of due) {
    const dueAt = latestDueAtOrBefore(sub.time, sub.tz, at).toISOString();
    const key = jobId('lane', sub.platform, sub.chat_id, dueAt);
    const lane = lanes.get(key);
    if (lane) lane.subscriptionIds.push(sub.id);
    else lanes.set(key, { kind: 'lane', platform: sub.platform, chatId: sub.chat_id, dueAt, subscriptionIds: [sub.id] });
  }
  const jobs: { name: string; data: DigestJob; opts: { jobId: string } }[] = [...lanes].map(([id, data]) => ({ name: 'lane', data, opts: { jobId: id } }));
  const retries = await ledger.retryCandidates(o.platforms, at);
  for (const r of retries) jobs.push({ name: 'retry', data: { kind: 'retry', deliveryId: r.id }, opts: { jobId: jobId('retry', r.id, r.attempts) } });
  let stale = 0;
  for (const d of await ledger.listClaimed()) {
    const state = claimerState(d.claimed_by, o.claimer);
    const age = at.getTime() - Date.parse(d.claimed_at ?? '1970-01-01T00:00:00Z');
    if (!(state === 'dead' || (state === 'unknown' && age > o.leaseMs))) continue;
    stale++;
    jobs.push({ name: 'stale', data: { kind: 'stale', deliveryId: d.id, claimedAt: d.claimed_at }, opts: { jobId: jobId('stale', d.id, d.claimed_at) } });
  }
  for (let i = 0; i < jobs.length; i += 1000) await queues.digests.addBulk(jobs.slice(i, i + 1000));
  if (o.alerts) {
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();
    await queues.alerts.add('alerts', { at: at.toISOString() }, { jobId: jobId('alerts', minute) });
  }
  return { lanes: lanes.size, digests: due.length, retries: retries.length, stale };
}
