/**
 * Posts a rendered Reply into a chat (and forum topic): the digest path and the command path
 * share this, so limits, escaping and splitting are the same everywhere.
 */
import type { Api } from 'grammy';
import type { Reply, ReplyLang } from '../../../commands/types.ts';
import { renderReplyBlocks } from './render-reply.ts';
import { linesToHtml, packBlocks } from './split-message.ts';
import { toDeliveryError } from './errors.ts';
import type { InlineKeyboard } from './paging.ts';

export interface SendPlace {
  chatId: string | number;
  /** Forum topic (message_thread_id). */
  threadId?: string | number;
  /** Reply to this message (the command), first message only. */
  replyTo?: number;
}

/** The HTML messages for `reply`, split at 4096 visible characters, in order. */
export function renderReplyMessages(reply: Reply, lang: ReplyLang): string[] {
  return packBlocks(renderReplyBlocks(reply, lang)).map(linesToHtml);
}

/** Sends one HTML message; link previews off because replies are lists of links. */
export async function sendHtml(api: Api, place: SendPlace, html: string, keyboard?: InlineKeyboard, replyTo?: number): Promise<number> {
  const msg = await api.sendMessage(place.chatId, html, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(place.threadId !== undefined ? { message_thread_id: Number(place.threadId) } : {}),
    ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    ...(keyboard ? { reply_markup: keyboard } : {}),
  });
  return msg.message_id;
}

/**
 * Sends every message of `reply` in order and returns their ids. A failure becomes a
 * DeliveryError that lists the ids already sent, so a caller never resends those.
 */
export async function deliverReply(api: Api, place: SendPlace, reply: Reply, lang: ReplyLang): Promise<string[]> {
  const sent: string[] = [];
  for (const [i, html] of renderReplyMessages(reply, lang).entries()) {
    try {
      sent.push(String(await sendHtml(api, place, html, undefined, i === 0 ? place.replyTo : undefined)));
    } catch (err) {
      throw toDeliveryError(err, sent);
    }
  }
  return sent;
}
