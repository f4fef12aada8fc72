/**
 * What happens to a ledger row left 'claimed' by a process that died.
 * - Claimed but the platform call never started (send_started_at empty): nothing went out, so it is
 *   taken over and sent now.
 * - The platform call had started: the send is ambiguous (it may or may not have reached the chat).
 *   Discord: resent with the same idempotency key (message nonce + enforce_nonce), so a duplicate
 *   is refused by Discord. Telegram has no idempotency key: the row is marked failed
 *   ('ambiguous') and NOT resent — at most once. The window is from markSending (just before the
 *   HTTP request) to markSent (just after the response), normally well under a second per message.
 * Alert batches (recoverStaleAlerts) follow the same rules: nothing started → the next batch
 * carries the stories; ambiguous on Telegram → the planned stories count as sent; Discord → resent
 * with the same per-message nonces.
 * A claim counts as stale when its owner is shown dead (same host, pid gone) or, for an owner on
 * another host, when it has not been refreshed for `leaseMs` (default 15 minutes: processes on
 * several hosts sharing one SQLite file over a network share are not a supported setup anyway).
 */
import { hostname } from 'node:os';
import type { Platform } from '../core/contract/types.ts';
import type { Ledger, Delivery } from '../core/store/ledger-store.ts';
import type { Subscription, SubscriptionStore } from '../core/store/subscription-store.ts';
import type { Logger } from '../core/logger.ts';

/** Platforms whose adapters deduplicate a resend by idempotency key. */
export const IDEMPOTENT_PLATFORMS: Platform[] = ['discord'];

/**
 * Whether the process named in `claimedBy` (host:pid:…) is running: 'alive' / 'dead' when it is on
 * this host (checked by pid), 'unknown' for another host (then only the lease can tell).
 */
export function claimerState(claimedBy: string | null, self: string): 'alive' | 'dead' | 'unknown' {
  if (!claimedBy) return 'dead';
  if (claimedBy === self) return 'alive';
  const [host, pidText] = claimedBy.split(':');
  if (host !== hostname()) return 'unknown';
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return 'dead';
  if (pid === process.pid) return 'alive'; // another pass inside this process
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}

/** Whether the claimer may still be running (used by tests and diagnostics). */
export function isClaimerAlive(claimedBy: string | null, self: string): boolean {
  return claimerState(claimedBy, self) !== 'dead';
}

type RecoverOptions = { claimer: string; now: Date; leaseMs: number; platforms: Platform[]; log: Logger };

/**
 * Claimed ledger rows of `kind` whose claimer is gone, with their subscription. A live process on this
 * host keeps its claims however long its queue (thousands due at 08:00); a claimer on another host
 * loses them after the lease.
 */
async function* staleClaims(ledger: Ledger, subs: SubscriptionStore, o: RecoverOptions, kind: 'alerts' | 'digests') {
  for (const d of await ledger.listClaimed()) {
    const age = o.now.getTime() - Date.parse(d.claimed_at ?? '1970-01-01T00:00:00Z');
    const state = claimerState(d.claimed_by, o.claimer);
    if (!(state === 'dead' || (state === 'unknown' && age > o.leaseMs))) continue;
    const sub = await subs.get(d.subscription_id);
    if (!sub || !o.platforms.includes(sub.platform)) continue;
    if ((sub.kind === 'alerts') !== (kind === 'alerts')) continue;
    yield { d, sub };
  }
}

/**
 * Takes over claim `d` of `sub` from a process known to be gone: resent (or sent) by `claimer`
 * unless the send had started on a platform that cannot deduplicate it, where it is marked
 * ambiguous and left (at most once). Returns the row now held, 'abandoned', or null when another
 * process changed it first. Used by the pass below and by the queue's digest jobs (cluster/).
 */
export async function takeOverClaim(ledger: Ledger, d: Delivery, sub: Subscription, claimer: string, now: Date, log: Logger): Promise<Delivery | 'abandoned' | null> {
  if (d.send_started_at && !IDEMPOTENT_PLATFORMS.includes(sub.platform)) {
    await ledger.markFailed(d, `ambiguous: the process sending it (${d.claimed_by}) stopped mid-send; not resent (at-most-once on ${sub.platform})`, {
      permanent: false,
    });
    log.warn(`digest ${d.id} (subscription ${sub.id}, due ${d.due_at}) may or may not have reached the chat; not resent`);
    return 'abandoned';
  }
  const taken = await ledger.reclaim(d, claimer, now);
  if (taken) log.info(`taking over digest ${d.id} (subscription ${sub.id}, due ${d.due_at}) from ${d.claimed_by}`);
  return taken;
}

export async function recoverStaleClaims(
  ledger: Ledger,
  subs: SubscriptionStore,
  o: RecoverOptions,
): Promise<{ resend: { sub: Subscription; delivery: Delivery }[]; abandoned: number }> {
  const resend: { sub: Subscription; delivery: Delivery }[] = [];
  let abandoned = 0;
  for await (const { d, sub } of staleClaims(ledger, subs, o, 'digests')) {
    const taken = await takeOverClaim(ledger, d, sub, o.claimer, o.now, o.log);
    if (taken === 'abandoned') abandoned++;
    else if (taken) resend.push({ sub, delivery: taken });
  }
  return { resend, abandoned };
}

/**
 * Stale alert batches of `platforms`: one whose send never started is failed (nothing went out; the
 * next batch carries its stories); an ambiguous one on a platform without idempotency keys is marked
 * so and its stories count as sent (at most once); on Discord it is taken over and returned, to be
 * resent with the same nonces (exactly once).
 */
export async function recoverStaleAlerts(
  ledger: Ledger,
  subs: SubscriptionStore,
  o: RecoverOptions,
): Promise<{ resend: { sub: Subscription; delivery: Delivery }[]; abandoned: number }> {
  const resend: { sub: Subscription; delivery: Delivery }[] = [];
  let abandoned = 0;
  for await (const { d, sub } of staleClaims(ledger, subs, o, 'alerts')) {
    if (!d.send_started_at) {
      await ledger.markFailed(d, `interrupted alert batch (${d.claimed_by}) before sending; the next batch carries its stories`, { permanent: false });
      abandoned++;
    } else if (!IDEMPOTENT_PLATFORMS.includes(sub.platform)) {
      await ledger.markAlertAmbiguous(d, `ambiguous: the process sending it (${d.claimed_by}) stopped mid-send; not resent (at-most-once on ${sub.platform})`);
      o.log.warn(`alert batch ${d.id} (${sub.platform} chat ${sub.chat_id}, ${d.due_at}) may or may not have reached the chat; not resent`);
      abandoned++;
    } else {
      const taken = await ledger.reclaim(d, o.claimer, o.now);
      if (!taken) continue;
      o.log.info(`taking over alert batch ${d.id} (${sub.platform} chat ${sub.chat_id}) from ${d.claimed_by}; resending with its nonces`);
      resend.push({ sub, delivery: taken });
    }
  }
  return { resend, abandoned };
}
