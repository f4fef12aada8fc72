/**
 * The scheduler's Pacer (scheduler/pacer.ts) over limits shared by the whole deployment: the
 * Telegram 30 messages/s and Discord 50 requests/s budgets, and each chat's, hold however many
 * worker processes send. Same limits and order as the in-process pacer: chat first, then platform,
 * then the sliding-second cap, checked at the moment of sending (beforeSend).
 */
import type { Platform } from '../core/contract/types.ts';
import type { Logger } from '../core/logger.ts';
import { DEFAULT_LIMITS, type Pacer, type PacingLimits } from '../scheduler/pacer.ts';
import type { SharedLimits } from './shared-limits.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * DEFAULT_LIMITS with a wider margin on the platform-wide caps: between the shared check and the
 * request reaching the platform, several busy processes add more jitter than one does, so sends
 * checked a second apart can land closer together. Sends granted 1000/22 ms apart stay within 30
 * in any second the platform sees unless one is delayed ~300 ms more than its neighbours (on a
 * 2-core machine running 3 workers, 25/s still drew an occasional 429 from the fakes).
 */
export const CLUSTER_LIMITS: PacingLimits = {
  ...DEFAULT_LIMITS,
  platform: {
    ...DEFAULT_LIMITS.platform,
    telegram: { ratePerSec: 22, burst: 1, maxPerSecond: 22 },
    discord: { ratePerSec: 38, burst: 1, maxPerSecond: 38 },
  },
};

export function createSharedPacer(limits: SharedLimits, log: Logger, l: PacingLimits = CLUSTER_LIMITS): Pacer {
  const chatRate = (p: Platform, chatId: string) => ((p === 'telegram' ? chatId.startsWith('-') : true) ? l.chat[p].group : l.chat[p].private);
  return {
    async acquire(platform, chatId, n = 1) {
      const c = chatRate(platform, chatId);
      const chatWait = await limits.reserve(`chat:${platform}:${chatId}`, c.ratePerSec, c.burst, n);
      if (chatWait > 0) await sleep(chatWait);
      const p = l.platform[platform];
      const wait = await limits.reserve(`platform:${platform}`, p.ratePerSec, p.burst, n);
      if (wait > 0) await sleep(wait);
    },
    async beforeSend(platform, n) {
      const max = l.platform[platform].maxPerSecond;
      if (max) await limits.windowSlot(`window:${platform}`, max, n);
    },
    blockChat(platform, chatId, ms) {
      const c = chatRate(platform, chatId);
      limits.block(`chat:${platform}:${chatId}`, ms, c.ratePerSec, c.burst).catch((err: unknown) => log.warn(`shared limits: ${err instanceof Error ? err.message : String(err)}`));
    },
  };
}
