/**
 * `newsbot register [--guild ID]`: publishes the command list, never done at start-up. Discord:
 * application commands (global, or one guild with --guild, which applies at once). Telegram:
 * setMyCommands, English by default and Traditional Chinese for Chinese-language clients; and
 * the webhook: set to TELEGRAM_WEBHOOK_URL (with its secret) when given, else deleted so that
 * long polling works.
 */
import { Api } from 'grammy';
import { parseArgs, loadCliConfig } from './args.ts';
import { addSecret, redact } from '../core/logger.ts';
import { registerDiscordCommands } from '../adapters/discord/index.ts';
import { registerTelegramCommands, telegramCommandList } from '../adapters/telegram/register-commands.ts';
import { describeTelegramError } from '../adapters/telegram/errors.ts';
import { deleteTelegramWebhook, setTelegramWebhook } from '../adapters/telegram/webhook.ts';

const USAGE = 'usage: newsbot register [--guild ID]';

function say(line: string, stream: NodeJS.WriteStream = process.stdout): void {
  stream.write(redact(line) + '\n');
}

/** Runs `newsbot register`; 0 when every configured platform got the list, 1 if one failed, 2 for usage. */
export async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  const guild = flags.guild;
  if (positional.length || guild === true || (typeof guild === 'string' && !/^\d+$/.test(guild))) {
    say(`newsbot register: ${positional.length ? `unexpected argument '${positional[0]}'` : '--guild needs a numeric guild id'}\n${USAGE}`, process.stderr);
    return 2;
  }
  const cfg = loadCliConfig('register');
  if (!cfg) return 2;
  addSecret(cfg.TELEGRAM_TOKEN);
  addSecret(cfg.DISCORD_TOKEN);
  addSecret(cfg.TELEGRAM_WEBHOOK_SECRET);
  if (!cfg.TELEGRAM_TOKEN && !cfg.DISCORD_TOKEN) {
    say('newsbot register: nothing to register: set DISCORD_TOKEN and DISCORD_APP_ID, and/or TELEGRAM_TOKEN', process.stderr);
    return 2;
  }
  if (guild && !cfg.DISCORD_TOKEN) {
    say('newsbot register: --guild is for Discord, but DISCORD_TOKEN is not set', process.stderr);
    return 2;
  }
  let failed = false;
  if (cfg.DISCORD_TOKEN && cfg.DISCORD_APP_ID) {
    try {
      const r = await registerDiscordCommands({ token: cfg.DISCORD_TOKEN, appId: cfg.DISCORD_APP_ID, apiUrl: cfg.DISCORD_API_URL, guildId: typeof guild === 'string' ? guild : undefined });
      say(`discord: ${r.count} commands registered ${r.scope === 'guild' ? `in guild ${String(guild)}` : 'globally (may take up to an hour to appear)'}`);
    } catch (err) {
      failed = true;
      say(`newsbot register: discord: ${err instanceof Error ? err.message : String(err)}`, process.stderr);
    }
  }
  if (cfg.TELEGRAM_TOKEN) {
    try {
      const api = new Api(cfg.TELEGRAM_TOKEN, cfg.TELEGRAM_API_ROOT ? { apiRoot: cfg.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {});
      await registerTelegramCommands(api);
      say(`telegram: ${telegramCommandList('en').length} commands registered (English default, Chinese for zh clients)`);
    } catch (err) {
      failed = true;
      say(`newsbot register: telegram: ${describeTelegramError(err)}`, process.stderr);
    }
    try {
      const target = { token: cfg.TELEGRAM_TOKEN, apiRoot: cfg.TELEGRAM_API_ROOT };
      if (cfg.TELEGRAM_WEBHOOK_URL && cfg.TELEGRAM_WEBHOOK_SECRET) {
        await setTelegramWebhook({ ...target, webhook: { url: cfg.TELEGRAM_WEBHOOK_URL, secret: cfg.TELEGRAM_WEBHOOK_SECRET } });
        // The URL's origin only: its path may be chosen to be hard to guess.
        say(`telegram: webhook set to ${new URL(cfg.TELEGRAM_WEBHOOK_URL).origin}/… (updates arrive there, not by polling)`);
      } else {
        await deleteTelegramWebhook(target);
        say('telegram: no TELEGRAM_WEBHOOK_URL: webhook deleted, updates arrive by long polling');
      }
    } catch (err) {
      failed = true;
      say(`newsbot register: telegram: ${err instanceof Error ? err.message : String(err)}`, process.stderr);
    }
  }
  return failed ? 1 : 0;
}
