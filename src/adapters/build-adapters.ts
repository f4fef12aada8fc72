/**
 * The one place chat adapters are built from the configuration: one per platform with a token.
 * `newsbot start` starts them (gateway, polling); `newsbot digest run` only sends (REST / Bot API,
 * no login, no polling), so it runs safely next to a live bot on the same token. Platform
 * libraries load only when their token is set.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../core/logger.ts';
import type { Stores } from '../core/store/stores.ts';
import type { Platform } from '../core/contract/types.ts';
import type { ChatAdapter } from './types.ts';

export interface BuildAdapterOptions {
  /**
   * How this process receives Telegram updates (default 'polling'): 'webhook' needs
   * TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET and serves the route from the adapter's
   * httpRoutes(); 'none' only sends (workers, and gateways that lost the polling election).
   */
  telegramUpdates?: 'polling' | 'webhook' | 'none';
  /** false: the Discord adapter never logs in to the gateway and only sends over REST (workers). */
  discordGateway?: boolean;
}

export async function buildAdapters(cfg: Config, stores: Stores, log: Logger, now: () => Date = () => new Date(), opts: BuildAdapterOptions = {}): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (cfg.TELEGRAM_TOKEN) {
    const { createTelegramAdapter } = await import('./telegram/create-telegram-adapter.ts');
    const updates = opts.telegramUpdates ?? 'polling';
    if (updates === 'webhook' && !(cfg.TELEGRAM_WEBHOOK_URL && cfg.TELEGRAM_WEBHOOK_SECRET)) {
      throw new Error('Telegram webhook mode needs TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET');
    }
    const webhook = updates === 'webhook' ? { url: cfg.TELEGRAM_WEBHOOK_URL!, secret: cfg.TELEGRAM_WEBHOOK_SECRET! } : undefined;
    adapters.push(createTelegramAdapter({ token: cfg.TELEGRAM_TOKEN, apiRoot: cfg.TELEGRAM_API_ROOT, stores, now, log, updates, webhook }));
  }
  if (cfg.DISCORD_TOKEN && cfg.DISCORD_APP_ID) {
    const { createDiscordAdapter } = await import('./discord/index.ts');
    const shards = cfg.DISCORD_SHARDS?.split(',').map(Number);
    adapters.push(createDiscordAdapter({ token: cfg.DISCORD_TOKEN, appId: cfg.DISCORD_APP_ID, apiUrl: cfg.DISCORD_API_URL, shards, shardCount: cfg.DISCORD_SHARD_COUNT, gateway: opts.discordGateway ?? true, stores, now, log }));
  }
  return adapters;
}

/** The adapters by platform, as the scheduler takes them. */
export function byPlatform(adapters: ChatAdapter[]): Partial<Record<Platform, ChatAdapter>> {
  return Object.fromEntries(adapters.map((a) => [a.platform, a]));
}
