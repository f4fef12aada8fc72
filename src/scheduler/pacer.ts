/**
 * Paces sends within platform limits: one bucket per platform (Telegram ~30 messages/s overall,
 * Discord 50 requests/s) and one per chat (Telegram 20/min in groups, ~1/s in private chats;
 * Discord 5 per 5 s per channel). A 429 on one chat blocks only that chat's bucket.
 */
import type { Platform } from '../core/contract/types.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';
import type { Clock } from './clock.ts';

export interface Rate {
  ratePerSec: number;
  burst: number;
  /**
   * Hard cap on sends started in any sliding second, checked at the moment of sending. The bucket
   * alone is not enough: when the event loop stalls (composing digests), overdue sends start
   * together and a strict server-side window would see more than the limit.
   */
  maxPerSecond?: number;
}

export interface PacingLimits {
  platform: Record<Platform, Rate>;
  /** Per chat; `group` applies to Telegram chats with a negative id (groups, supergroups, channels). */
  chat: Record<Platform, { private: Rate; group: Rate }>;
}

/**
 * Documented platform limits with a margin: 27.5 of Telegram's 30 messages/s and 46 of Discord's 50
 * requests/s, burst 1, so even a strict one-second sliding window never sees more than the limit.
 */
export const DEFAULT_LIMITS: PacingLimits = {
  platform: {
    telegram: { ratePerSec: 27.5, burst: 1, maxPerSecond: 28 },
    discord: { ratePerSec: 46, burst: 1, maxPerSecond: 47 },
    terminal: { ratePerSec: 1000, burst: 1000 },
  },
  chat: {
    telegram: { private: { ratePerSec: 1, burst: 3 }, group: { ratePerSec: 20 / 60, burst: 3 } },
    discord: { private: { ratePerSec: 1, burst: 5 }, group: { ratePerSec: 1, burst: 5 } },
    terminal: { private: { ratePerSec: 1000, burst: 1000 }, group: { ratePerSec: 1000, burst: 1000 } },
  },
};

export interface Pacer {
  /** Waits until `n` messages may go to `chatId` on `platform`. */
  acquire(platform: Platform, chatId: string, n?: number): Promise<void>;
  /** A 429 from the platform for this chat: nothing more goes to it for `ms`. */
  blockChat(platform: Platform, chatId: string, ms: number): void;
  /**
   * Called right before the platform request, after the ledger write that precedes it: a pacer
   * shared across processes checks the sliding-second cap here, as late as it can (that write's
   * latency would otherwise let sends stamped a second apart arrive closer together).
   */
  beforeSend?(platform: Platform, n: number): Promise<void>;
}

/** Creates a pacer over `clock` with `limits` (DEFAULT_LIMITS unless configured). */
export function createPacer(clock: Clock, limits: PacingLimits = DEFAULT_LIMITS): Pacer {
  const nowMs = () => clock.now().getTime();
  const platforms = new Map<Platform, TokenBucket>();
  const windows = new Map<Platform, number[]>();
  /** Waits until fewer than `max` sends started in the last second, then records `n` more. */
  const windowSlot = async (p: Platform, n: number) => {
    const max = limits.platform[p].maxPerSecond;
    if (!max) return;
    let log = windows.get(p);
    if (!log) windows.set(p, (log = []));
    for (;;) {
      const now = nowMs();
      while (log.length && now - log[0] >= 1000) log.shift();
      if (log.length + n <= max || log.length === 0) {
        for (let i = 0; i < n; i++) log.push(now);
        return;
      }
      await clock.sleep(log[Math.min(log.length - 1, log.length + n - max - 1)] + 1000 - now + 1);
    }
  };
  const chats = new Map<string, TokenBucket>();
  const platformBucket = (p: Platform) => {
    let b = platforms.get(p);
    if (!b) platforms.set(p, (b = createTokenBucket({ ...limits.platform[p], nowMs })));
    return b;
  };
  const chatBucket = (p: Platform, chatId: string) => {
    const key = `${p}:${chatId}`;
    let b = chats.get(key);
    if (!b) {
      const isGroup = p === 'telegram' ? chatId.startsWith('-') : true;
      const rate = isGroup ? limits.chat[p].group : limits.chat[p].private;
      chats.set(key, (b = createTokenBucket({ ...rate, nowMs })));
    }
    return b;
  };
  return {
    async acquire(platform, chatId, n = 1) {
      // Chat first: reserving the shared platform budget while waiting on one chat would waste it.
      const chatWait = chatBucket(platform, chatId).take(n);
      if (chatWait > 0) await clock.sleep(chatWait);
      const wait = platformBucket(platform).take(n);
      if (wait > 0) await clock.sleep(wait);
      await windowSlot(platform, n);
    },
    blockChat(platform, chatId, ms) {
      chatBucket(platform, chatId).blockUntil(nowMs() + ms);
    },
  };
}
