/**
 * Posts a rendered Reply into a chat (and forum topic): the digest path and the command path
 * share this, so limits, escaping and splitting are the same everywhere.
 */
import { InputFile, type Api } from 'grammy';
import type { Reply, ReplyLang } from '../../core/contract/types.ts';
import { renderReplyBlocks } from './render-reply.ts';
import { linesToHtml, packBlocks } from './split-message.ts';
import { toDeliveryError } from './errors.ts';
import type { InlineKeyboard } from './paging.ts';
import { escapeHtml } from './html.ts';

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

/** Telegram's limit on a photo caption, in visible characters. */
export const CAPTION_MAX = 1024;

const visible = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|amp|quot|#\d+);/g, '.').length;

/**
 * Sends `reply.image` as a photo: with the whole text as its caption when that fits (returns
 * true: nothing left to send), else with the picture's one-line description (the text follows).
 */
export async function sendPhoto(api: Api, place: SendPlace, reply: Reply, htmlMessages: string[], replyTo?: number): Promise<{ id: number; captionIsText: boolean }> {
  const image = reply.image!;
  const whole = htmlMessages.length === 1 && visible(htmlMessages[0]) <= CAPTION_MAX;
  const caption = whole ? htmlMessages[0] : `<b>${escapeHtml(image.alt.slice(0, 900))}</b>`;
  const msg = await api.sendPhoto(place.chatId, new InputFile(image.png, image.name), {
    caption,
    parse_mode: 'HTML',
    ...(place.threadId !== undefined ? { message_thread_id: Number(place.threadId) } : {}),
    ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
  });
  return { id: msg.message_id, captionIsText: whole };
}

/**
 * Sends every message of `reply` in order (its picture first, as a photo with the text as caption
 * when it fits) and returns their ids. A failure becomes a DeliveryError that lists the ids
 * already sent, so a caller never resends those.
 */
export async function deliverReply(api: Api, place: SendPlace, reply: Reply, lang: ReplyLang): Promise<string[]> {
  const sent: string[] = [];
  let messages = renderReplyMessages(reply, lang);
  let replyTo = place.replyTo;
  try {
    if (reply.image) {
      const photo = await sendPhoto(api, place, reply, messages, replyTo);
      sent.push(String(photo.id));
      replyTo = undefined;
      if (photo.captionIsText) messages = [];
    }
    for (const [i, html] of messages.entries()) sent.push(String(await sendHtml(api, place, html, undefined, i === 0 ? replyTo : undefined)));
  } catch (err) {
    throw toDeliveryError(err, sent);
  }
  return sent;
}
