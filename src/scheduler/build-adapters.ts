/**
 * Builds the send-only chat adapters the configuration enables (as `newsbot start` does), for
 * `newsbot digest run`: REST/Bot API sends only, no gateway login and no polling, so it runs
 * safely next to a live bot on the same token.
 */
import type { Config } from '../config.ts';
import type { Stores } from '../core/store/stores.ts';
import type { Logger } from '../core/logger.ts';
import type { Adapters } from './run-due-digests.ts';
import { createTelegramAdapter } from '../adapters/telegram/create-telegram-adapter.ts';
import { createDiscordAdapter } from '../adapters/discord/index.ts';

/** One adapter per platform with a token in `cfg`. */
export function buildSendAdapters(cfg: Config, stores: Stores, log: Logger): Adapters {
  const adapters: Adapters = {};
  if (cfg.TELEGRAM_TOKEN) adapters.telegram = createTelegramAdapter({ token: cfg.TELEGRAM_TOKEN, apiRoot: cfg.TELEGRAM_API_ROOT, stores, log });
  if (cfg.DISCORD_TOKEN && cfg.DISCORD_APP_ID) {
    adapters.discord = createDiscordAdapter({ token: cfg.DISCORD_TOKEN, appId: cfg.DISCORD_APP_ID, apiUrl: cfg.DISCORD_API_URL, stores, now: () => new Date(), log });
  }
  return adapters;
}
