/**
 * Posts a rendered Reply into a chat (and forum topic): the digest path and the command path
 * share this, so limits, escaping and splitting are the same everywhere.
 */
import { InputFile, type Api } from 'grammy';
import type { Reply, ReplyLang, ReplyPicture } from '../../core/contract/types.ts';
import type { Logger } from '../../core/logger.ts';
import { renderReplyBlocks } from './render-reply.ts';
import { linesToHtml, packBlocks } from './split-message.ts';
import { describeTelegramError, toDeliveryError } from './errors.ts';
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

/** A picture caption: the alt text (untrusted, escaped), bold, well under Telegram's 1024 characters. */
export function pictureCaption(alt: string): string {
  const chars = Array.from(alt.replace(/\s+/g, ' ').trim());
  return `<b>${escapeHtml(chars.length <= 900 ? chars.join('') : chars.slice(0, 899).join('') + '…')}</b>`;
}

/**
 * Draws `picture` and sends it as a photo in `place` (same forum topic), answering message
 * `replyTo` (the reply's first text message); returns the photo's message id.
 */
export async function sendPicture(api: Api, place: SendPlace, picture: ReplyPicture, replyTo?: number): Promise<number> {
  const { png } = await picture.render();
  const msg = await api.sendPhoto(place.chatId, new InputFile(png, picture.name), {
    caption: pictureCaption(picture.alt),
    parse_mode: 'HTML',
    ...(place.threadId !== undefined ? { message_thread_id: Number(place.threadId) } : {}),
    ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
  });
  return msg.message_id;
}

/**
 * Sends every message of `reply` in order, then its picture (if any) answering the first one, and
 * returns their ids. A text failure becomes a DeliveryError that lists the ids already sent, so a
 * caller never resends those; a picture failure is only logged: the text is out.
 */
export async function deliverReply(api: Api, place: SendPlace, reply: Reply, lang: ReplyLang, log?: Logger): Promise<string[]> {
  const sent: string[] = [];
  try {
    for (const [i, html] of renderReplyMessages(reply, lang).entries()) sent.push(String(await sendHtml(api, place, html, undefined, i === 0 ? place.replyTo : undefined)));
  } catch (err) {
    throw toDeliveryError(err, sent);
  }
  if (reply.picture) {
    try {
      sent.push(String(await sendPicture(api, place, reply.picture, sent.length ? Number(sent[0]) : place.replyTo)));
    } catch (err) {
      log?.warn(`telegram: the picture ${reply.picture.name} for chat ${place.chatId} was not sent (the text was): ${describeTelegramError(err)}`);
    }
  }
  return sent;
}
