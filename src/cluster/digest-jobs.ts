/**
 * What a worker does with a `digests` job. A chat's lane claims each digest in the ledger (the
 * UNIQUE (subscription, due time) row) and sends it. A job the queue hands over again, because its
 * worker died or stalled past its lock, finds that worker's claims and takes them over by the
 * stale-claim rules (scheduler/recover-stale.ts): never resent on Telegram once the send had
 * started, resent with the same nonce on Discord. A claim held by a live process on this host is
 * left to it.
 */
import type { Job } from 'bullmq';
import type { Delivery } from '../core/store/ledger-store.ts';
import type { Subscription } from '../core/store/subscription-store.ts';
import { claimerState, takeOverClaim } from '../scheduler/recover-stale.ts';
import { deliverDigest, type DeliverDeps, type DeliverOutcome } from '../scheduler/deliver-digest.ts';
import type { DigestJob } from './queues.ts';

export interface DigestJobDeps extends DeliverDeps {
  claimer: string;
}

/** The row held by this process for `row`'s digest, taking it over when its holder is gone. */
async function adopt(d: DigestJobDeps, row: Delivery | undefined, sub: Subscription): Promise<Delivery | null> {
  if (!row || row.status !== 'claimed' || row.claimed_by === d.claimer) return null;
  if (claimerState(row.claimed_by, d.claimer) === 'alive') return null;
  const taken = await takeOverClaim(d.stores.ledger, row, sub, d.claimer, d.clock.now(), d.log);
  return taken === 'abandoned' ? null : taken;
}

async function digestSub(d: DigestJobDeps, id: number): Promise<Subscription | null> {
  const sub = await d.stores.subscriptions.get(id);
  return sub && sub.kind === 'digest' && !sub.paused_reason && d.adapters[sub.platform] ? sub : null;
}

export function digestJobHandler(d: DigestJobDeps) {
  const { ledger } = d.stores;
  return async (job: Job<DigestJob>): Promise<DeliverOutcome[]> => {
    const data = job.data;
    const out: DeliverOutcome[] = [];
    const send = async (sub: Subscription, delivery: Delivery | null) => {
      if (delivery) out.push(await deliverDigest(d, sub, delivery));
    };
    if (data.kind === 'lane') {
      for (const id of data.subscriptionIds) {
        const sub = await digestSub(d, id);
        if (!sub) continue;
        const claimed = await ledger.claim(sub, new Date(data.dueAt), d.claimer, d.clock.now());
        await send(sub, claimed ?? (await adopt(d, await ledger.find(sub.id, data.dueAt), sub)));
      }
      return out;
    }
    const row = await ledger.get(data.deliveryId);
    const sub = row ? await digestSub(d, row.subscription_id) : null;
    if (!row || !sub) return out;
    if (data.kind === 'retry') await send(sub, await ledger.claimRetry(row.id, d.claimer, d.clock.now()));
    else if (row.claimed_at === data.claimedAt) await send(sub, await adopt(d, row, sub));
    return out;
  };
}
