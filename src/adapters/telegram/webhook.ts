/**
 * Telegram webhook mode: the route that feeds updates posted by Telegram to the bot (through
 * grammY's webhookCallback, which checks the X-Telegram-Bot-Api-Secret-Token header in constant
 * time and answers 401 to a wrong or missing one), and setting / deleting the webhook.
 * Any gateway process behind a load balancer may receive an update; each is handled once
 * because Telegram only redelivers an update whose request did not end in 2xx.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Api, webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { HttpRoute } from '../types.ts';
import { addSecret } from '../../core/logger.ts';
import { describeTelegramError } from './errors.ts';

/** The update kinds the bot handles, asked for by polling and by setWebhook alike. */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;

export interface WebhookConfig {
  /** The public HTTPS URL Telegram posts to; its path is where the ops server mounts the route. */
  url: string;
  /** TELEGRAM_WEBHOOK_SECRET: Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
}

/** The path (no query) the webhook route is mounted at: the pathname of `url`. */
export function webhookPath(url: string): string {
  return new URL(url).pathname;
}

/**
 * grammY's handler for one request whose body the ops server already read (size-limited), in
 * place of its 'http' adapter, which would read the raw stream without a limit. Same replies:
 * 401 "secret token is wrong", 200 with an empty body otherwise.
 */
function fromReadBody(req: IncomingMessage, res: ServerResponse, body: Buffer) {
  const header = req.headers['x-telegram-bot-api-secret-token'];
  return {
    // Parsed only after the secret matched (grammY reads `update` after the check).
    get update(): Promise<Update> {
      return Promise.resolve().then(() => JSON.parse(body.toString('utf8')) as Update);
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => void res.end(),
    respond: (json: string) => void res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    unauthorized: () => void res.writeHead(401).end('secret token is wrong'),
    // Nothing to hand back: the response is written through `res` (this types the callback as Promise<void>).
    handlerReturn: undefined,
  };
}

export interface WebhookRouteOptions {
  secret: string;
  /** False before start() and after stop(): answer 503 so Telegram redelivers to a live process. */
  accepting: () => boolean;
  /** Called with each request's handling, so stop() can wait for replies in flight. */
  track: (work: Promise<unknown>) => void;
  log: { warn(msg: string): void };
  /**
   * After this long the request is answered 200 while the update is still handled, so a slow
   * command is not redelivered and answered twice (Telegram waits about 60 s). Default 10 s.
   */
  answerWithinMs?: number;
}

/**
 * Builds the webhook route for `bot`. Errors in the bot's handlers are caught by its error
 * boundary (create-telegram-adapter.ts), so a failed update is still answered 200 and not redelivered.
 */
export function createWebhookRoute(bot: Bot, opts: WebhookRouteOptions): HttpRoute {
  addSecret(opts.secret);
  const handle = webhookCallback(bot, fromReadBody, { secretToken: opts.secret, onTimeout: 'return', timeoutMilliseconds: opts.answerWithinMs ?? 10_000 });
  return async (req, res, body) => {
    if (!opts.accepting()) {
      res.writeHead(503, { 'retry-after': '5' }).end('not accepting updates\n');
      return;
    }
    const work = handle(req, res, body);
    // Tracked settled-only: its failure is handled below, not by whoever waits for it.
    opts.track(work.then(
      () => {},
      () => {},
    ));
    try {
      await work;
    } catch (err) {
      // A body that is not JSON (never from Telegram): refuse it; anything else: let Telegram retry.
      const status = err instanceof SyntaxError ? 400 : 500;
      opts.log.warn(`telegram: webhook request failed (${status}): ${describeTelegramError(err)}`);
      if (!res.headersSent) res.writeHead(status).end();
      else if (!res.writableEnded) res.end();
    }
  };
}

export interface WebhookApiOptions {
  token: string;
  /** Bot API root (tests point it at the emulator). */
  apiRoot?: string;
}

function apiFor(opts: WebhookApiOptions): Api {
  addSecret(opts.token);
  return new Api(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot.replace(/\/+$/, '') } : {});
}

/** Points Telegram at `webhook.url` with the secret and the update kinds the bot handles. */
export async function setTelegramWebhook(opts: WebhookApiOptions & { webhook: WebhookConfig }): Promise<void> {
  addSecret(opts.webhook.secret);
  try {
    await apiFor(opts).setWebhook(opts.webhook.url, { secret_token: opts.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (err) {
    throw new Error(`setWebhook failed: ${describeTelegramError(err)}`);
  }
}

/**
 * Removes the webhook so getUpdates (long polling) works again. Pending updates are kept: the
 * next poller or the next webhook receives them. Call it when the last webhook gateway stops.
 */
export async function deleteTelegramWebhook(opts: WebhookApiOptions): Promise<void> {
  try {
    await apiFor(opts).deleteWebhook({ drop_pending_updates: false });
  } catch (err) {
    throw new Error(`deleteWebhook failed: ${describeTelegramError(err)}`);
  }
}
