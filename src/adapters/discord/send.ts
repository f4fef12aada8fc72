/**
 * Posts a Reply into a channel (digests): rendered pages go out as consecutive messages, in
 * order (then the reply's picture, if any, answering the first), each carrying a `nonce` derived from the idempotency key and its index with
 * `enforce_nonce`, so a retried send within Discord's nonce window returns the message already
 * posted instead of posting twice. Optionally opens a discussion thread on the first message.
 *
 * Rate limits: this REST client has `rejectOnRateLimit`, so a 429 (or an exhausted bucket)
 * surfaces at once as DeliveryError('rate_limited', retryAfterMs) instead of discord.js waiting
 * silently; the scheduler owns waiting and pacing, and delays only that chat. `retries: 0` for
 * the same reason: 5xx and network errors come back as 'transient' for the scheduler's backoff.
 */
import { createHash } from 'node:crypto';
import { REST, Routes } from 'discord.js';
import type { Reply } from '../../core/contract/types.ts';
import type { Logger } from '../../core/logger.ts';
import type { DeliveryTarget, SendOptions, SendResult } from '../types.ts';
import { DeliveryError } from '../types.ts';
import { escapePlain } from './escape.ts';
import { resolveApiBase, restViaFetch } from './api-base.ts';
import { describeDiscordError, toDeliveryError } from './map-error.ts';
import { renderReplyPages } from './render-reply.ts';
import { DiscordAPIError } from 'discord.js';

export interface DiscordSender {
  send(target: DeliveryTarget, reply: Reply, opts: SendOptions): Promise<SendResult>;
  /** Opens the thread on message `messageId` (a thread started from a message has that message's id), or finds it already open. */
  openThread(target: DeliveryTarget, messageId: string, name: string): Promise<string>;
  /** Stops the REST client's timers. */
  close(): void;
}

/** Discord's nonce limit is 25 characters: 20 of a hash of the key, a dot, the part index. */
export function messageNonce(idempotencyKey: string, index: number): string {
  return `${createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 20)}.${index}`;
}

function threadName(reply: Reply, lang: DeliveryTarget['lang']): string {
  const base = reply.title?.trim() || (lang === 'en' ? 'News digest' : '新聞摘要');
  const chars = Array.from(escapePlain(base.replace(/\s+/g, ' ')));
  return chars.length <= 100 ? chars.join('') : chars.slice(0, 99).join('') + '…';
}

/** Creates the sender over its own REST client (works without the gateway, e.g. from `newsbot digest run`). */
export function createDiscordSender(opts: { token: string; apiUrl?: string; log: Logger; timeoutMs?: number }): DiscordSender {
  const rest = new REST({ api: resolveApiBase(opts.apiUrl), makeRequest: restViaFetch as never, rejectOnRateLimit: () => true, retries: 0, timeout: opts.timeoutMs ?? 15_000 }).setToken(opts.token);
  return {
    async send(target, reply, sendOpts) {
      if (target.platform !== 'discord') throw new DeliveryError('permanent', `discord: cannot deliver to a ${target.platform} chat`);
      const channelId = target.threadId ?? target.chatId;
      if (!/^\d{1,25}$/.test(channelId)) throw new DeliveryError('permanent', `discord: bad channel id ${JSON.stringify(channelId.slice(0, 40))}`);
      const pages = renderReplyPages(reply, { lang: target.lang });
      const sent: string[] = [];
      try {
        for (const [i, embed] of pages.entries()) {
          const msg = (await rest.post(Routes.channelMessages(channelId), {
            body: { embeds: [embed], allowed_mentions: { parse: [] }, nonce: messageNonce(sendOpts.idempotencyKey, i), enforce_nonce: true },
          })) as { id: string };
          sent.push(msg.id);
        }
      } catch (err) {
        throw toDeliveryError(err, sent);
      }
      if (reply.picture && sent.length) {
        // After the text, as a reply to its first message; its own nonce keeps a retried send from posting it twice.
        const picture = reply.picture;
        try {
          const { png } = await picture.render();
          const msg = (await rest.post(Routes.channelMessages(channelId), {
            body: {
              attachments: [{ id: 0, filename: picture.name, description: Array.from(picture.alt).slice(0, 1024).join('') }],
              message_reference: { message_id: sent[0], fail_if_not_exists: false },
              allowed_mentions: { parse: [], replied_user: false },
              nonce: messageNonce(sendOpts.idempotencyKey, pages.length),
              enforce_nonce: true,
            },
            files: [{ key: 'files[0]', name: picture.name, data: Buffer.from(png), contentType: 'image/png' }],
          })) as { id: string };
          sent.push(msg.id);
        } catch (err) {
          opts.log.warn(`discord: the picture ${picture.name} for channel ${channelId} was not sent (the text was): ${describeDiscordError(err)}`);
        }
      }
      if (sendOpts.openThread && !target.threadId && sent.length) {
        try {
          await rest.post(Routes.threads(channelId, sent[0]), { body: { name: threadName(reply, target.lang), auto_archive_duration: 1440 } });
        } catch (err) {
          // 160004: a retried send already opened it. Otherwise the digest is out; the thread is a bonus.
          if (!(err instanceof DiscordAPIError && err.code === 160004)) opts.log.warn(`discord: could not open a thread on the digest in channel ${channelId}: ${describeDiscordError(err)}`);
        }
      }
      return { messageIds: sent };
    },
    async openThread(target, messageId, name) {
      const channelId = target.chatId;
      if (!/^\d{1,25}$/.test(channelId) || !/^\d{1,25}$/.test(messageId)) throw new DeliveryError('permanent', 'discord: bad channel or message id for a thread');
      const chars = Array.from(escapePlain(name.replace(/\s+/g, ' ')));
      try {
        const thread = (await rest.post(Routes.threads(channelId, messageId), {
          body: { name: chars.length <= 100 ? chars.join('') : chars.slice(0, 99).join('') + '…', auto_archive_duration: 10080 },
        })) as { id: string };
        return thread.id;
      } catch (err) {
        if (err instanceof DiscordAPIError && err.code === 160004) return messageId; // already open: it carries the message's id
        throw toDeliveryError(err, []);
      }
    },
    close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
