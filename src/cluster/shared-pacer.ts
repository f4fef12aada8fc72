/**
 * The scheduler's Pacer (scheduler/pacer.ts) over limits shared by the whole deployment: the
 * Telegram 30 messages/s and Discord 50 requests/s budgets, and each chat's, hold however many
 * worker processes send. Same limits and order as the in-process pacer: chat first, then platform,
 * then the sliding-second cap checked at the moment of sending.
 */
import type { Platform } from '../core/contract/types.ts';
import type { Logger } from '../core/logger.ts';
import { DEFAULT_LIMITS, type Pacer, type PacingLimits } from '../scheduler/pacer.ts';
import type { SharedLimits } from './shared-limits.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createSharedPacer(limits: SharedLimits, log: Logger, l: PacingLimits = DEFAULT_LIMITS): Pacer {
  const chatRate = (p: Platform, chatId: string) => ((p === 'telegram' ? chatId.startsWith('-') : true) ? l.chat[p].group : l.chat[p].private);
  return {
    async acquire(platform, chatId, n = 1) {
      const c = chatRate(platform, chatId);
      const chatWait = await limits.reserve(`chat:${platform}:${chatId}`, c.ratePerSec, c.burst, n);
      if (chatWait > 0) await sleep(chatWait);
      const p = l.platform[platform];
      const wait = await limits.reserve(`platform:${platform}`, p.ratePerSec, p.burst, n);
      if (wait > 0) await sleep(wait);
      if (p.maxPerSecond) await limits.windowSlot(`window:${platform}`, p.maxPerSecond, n);
    },
    blockChat(platform, chatId, ms) {
      const c = chatRate(platform, chatId);
      limits.block(`chat:${platform}:${chatId}`, ms, c.ratePerSec, c.burst).catch((err: unknown) => log.warn(`shared limits: ${err instanceof Error ? err.message : String(err)}`));
    },
  };
}
