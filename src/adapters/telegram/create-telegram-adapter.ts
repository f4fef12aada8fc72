/**
 * The Telegram adapter: a grammY bot answering every command in private chats, groups, forum
 * topics and channels, plus `send` for digests. Updates arrive by long polling (one process per
 * token), by webhook (any number of gateway processes, see webhook.ts) or not at all (a worker
 * that only sends). Interactive calls retry (429 waits retry_after, 5xx and network errors a
 * few times); digest sends do not retry, so the scheduler sees 429s and failures as
 * DeliveryErrors and decides itself (a blind retry could post twice).
 */
import { Api, Bot, GrammyError, type BotError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Stores } from '../../core/store/stores.ts';
import type { ChatAdapter, DeliveryTarget, HttpRoute, SendOptions, SendResult } from '../types.ts';
import type { Reply } from '../../core/contract/types.ts';
import { addSecret, type Logger } from '../../core/logger.ts';
import { boundedDeleteWebhook, interactiveRetry, type RetryOptions } from './retry.ts';
import { createCommandHandler, createPagingHandler } from './handle-command.ts';
import { createPageCache } from './paging.ts';
import { deliverReply } from './send-reply.ts';
import { describeTelegramError } from './errors.ts';
import { registerTelegramCommands } from './register-commands.ts';
import { ALLOWED_UPDATES, createWebhookRoute, webhookPath, type WebhookConfig } from './webhook.ts';

/** How updates reach this process: long polling, a webhook on the ops server, or none (send only). */
export type TelegramUpdates = 'polling' | 'webhook' | 'none';

export interface TelegramAdapterOptions {
  token: string;
  /** Bot API root (grammY client.apiRoot); tests point it at a local emulator. */
  apiRoot?: string;
  stores: Stores;
  now?: () => Date;
  log: Logger;
  retry?: RetryOptions;
  /** Lists longer than this get a paging keyboard (default 10 items per page). */
  pageItems?: number;
  /** How long stop() waits for polling and in-flight replies (default 10 s). */
  stopTimeoutMs?: number;
  /** Default 'polling'. 'webhook' needs `webhook`; 'none' never receives (worker processes). */
  updates?: TelegramUpdates;
  webhook?: WebhookConfig;
}

export interface TelegramAdapter extends ChatAdapter {
  readonly platform: 'telegram';
  /** The underlying grammY bot (for tests and advanced wiring). */
  readonly bot: Bot;
  /** The bot's own user, known after start(). */
  me(): UserFromGetMe | undefined;
  /** Publishes the command list (English default, Chinese for zh clients) with setMyCommands. */
  registerCommands(): Promise<void>;
  /** Webhook mode: the handler for Telegram's POSTs (mounted by httpRoutes()); throws in other modes. */
  webhookHandler(): HttpRoute;
  httpRoutes(): Map<string, HttpRoute>;
  health(): { ok: boolean; detail?: string };
}

/** Resolves true when `p` settles within `ms`, false otherwise (the timer never keeps the process alive). */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    t.unref();
    p.then(
      () => (clearTimeout(t), resolve(true)),
      () => (clearTimeout(t), resolve(true)),
    );
  });
}

/** Creates the adapter; nothing touches the network until start(), send() or registerCommands(). */
export function createTelegramAdapter(opts: TelegramAdapterOptions): TelegramAdapter {
  addSecret(opts.token);
  const updates = opts.updates ?? 'polling';
  if (updates === 'webhook' && !opts.webhook) throw new Error('telegram: webhook mode needs the webhook URL and secret');
  addSecret(opts.webhook?.secret);
  const { stores, log } = opts;
  const now = opts.now ?? (() => new Date());
  // Long polling holds getUpdates for 30 s; anything slower than this is a hung connection.
  const client = { timeoutSeconds: 75, ...(opts.apiRoot ? { apiRoot: opts.apiRoot.replace(/\/+$/, '') } : {}) };
  const bot = new Bot(opts.token, { client });
  bot.api.config.use(boundedDeleteWebhook(log, opts.retry?.maxDeleteWebhookFailures, describeTelegramError), ...interactiveRetry(opts.retry));
  // Digest sends: no automatic retries (see the module comment).
  const deliveryApi = new Api(opts.token, client);
  const settings = stores.chatSettings;
  const pages = createPageCache(now);
  let me: UserFromGetMe | undefined;
  let polling: Promise<void> | undefined;
  // Started (getMe done) and not stopped: webhook requests are accepted only then.
  let running = false;
  let webhookRoute: HttpRoute | undefined;
  // Pictures still being drawn or sent after their command's text went out.
  const pending = new Set<Promise<unknown>>();

  const deps = {
    stores,
    now,
    log,
    settings,
    pages,
    pageItems: opts.pageItems ?? 10,
    me: () => ({ id: me!.id, username: me!.username }),
    later: (work: Promise<unknown>) => {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
  };
  const onError = (err: BotError) => {
    log.error(`telegram: update ${err.ctx.update.update_id} failed: ${describeTelegramError(err.error)}`);
  };
  // bot.catch only covers polling; the boundary catches for webhooks too, so a failed update is
  // still answered 200 there and Telegram does not redeliver it (a second, duplicate reply).
  const handlers = bot.errorBoundary(onError);
  handlers.on(['message:text', 'channel_post:text'], createCommandHandler(deps));
  handlers.on('callback_query:data', createPagingHandler(deps));
  handlers.on('message:migrate_to_chat_id', async (ctx) => {
    const to = ctx.msg.migrate_to_chat_id;
    await settings.moveChat('telegram', String(ctx.chat.id), String(to), now());
    await stores.follows.moveChat('telegram', String(ctx.chat.id), String(to));
    await stores.follows.threads.moveChat('telegram', String(ctx.chat.id), String(to));
    log.info(`telegram: chat ${ctx.chat.id} became supergroup ${to}; settings moved`);
  });
  bot.catch(onError);

  const webhookHandler = (): HttpRoute => {
    if (updates !== 'webhook') throw new Error(`telegram: no webhook in ${updates} mode`);
    webhookRoute ??= createWebhookRoute(bot, {
      secret: opts.webhook!.secret,
      accepting: () => running,
      track: deps.later,
      log,
    });
    return webhookRoute;
  };

  return {
    platform: 'telegram',
    bot,
    me: () => me,
    async start() {
      if (polling || running) return;
      try {
        me = await bot.api.getMe();
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 401) throw new Error('Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_TOKEN');
        throw new Error(`Telegram getMe failed: ${describeTelegramError(err)}`);
      }
      bot.botInfo = me;
      if (updates !== 'polling') {
        running = true;
        log.info(`telegram: ${updates === 'webhook' ? 'receiving updates by webhook' : 'sending only'} as @${me.username}`);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        polling = bot
          .start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => resolve() })
          .catch((err: unknown) => {
            log.error(`telegram: polling stopped: ${describeTelegramError(err)}`);
            reject(new Error(`Telegram polling failed: ${describeTelegramError(err)}`));
          });
      });
      running = true;
      log.info(`telegram: polling as @${me.username}`);
    },
    async stop() {
      if (!polling && !running) return;
      running = false;
      // bot.stop() confirms the last update with one more getUpdates; an unreachable or hung API
      // must not hold up shutdown, nor must a reply still waiting out a long retry_after.
      const stopped = bot.isRunning() ? bot.stop().catch((err: unknown) => log.warn(`telegram: stopping: ${describeTelegramError(err)}`)) : Promise.resolve();
      const drained = Promise.all([stopped, polling]).then(() => Promise.allSettled([...pending]));
      if (!(await settlesWithin(drained, opts.stopTimeoutMs ?? 10_000))) {
        log.warn('telegram: polling or replies in flight did not stop in time; closing anyway');
      }
      polling = undefined;
    },
    async send(target: DeliveryTarget, reply: Reply, sendOpts?: SendOptions): Promise<SendResult> {
      const replyTo = sendOpts?.replyTo !== undefined && /^\d+$/.test(sendOpts.replyTo) ? Number(sendOpts.replyTo) : undefined;
      const messageIds = await deliverReply(deliveryApi, { chatId: target.chatId, threadId: target.threadId, replyTo }, reply, target.lang, log);
      return { messageIds };
    },
    registerCommands: () => registerTelegramCommands(bot.api),
    webhookHandler,
    httpRoutes: () => (updates === 'webhook' ? new Map([[webhookPath(opts.webhook!.url), webhookHandler()]]) : new Map()),
    health() {
      if (!running) return { ok: false, detail: me ? 'stopped' : 'not started' };
      if (updates === 'polling' && !bot.isRunning()) return { ok: false, detail: 'long polling stopped' };
      return { ok: true, detail: updates };
    },
  };
}
