/**
 * Builds the ChatContext of an incoming Telegram message: group or not, whether the sender is an
 * administrator (getChatMember; an anonymous admin posting as the group counts), whether the bot
 * may post there.
 */
import type { Api } from 'grammy';
import type { Chat, Message } from 'grammy/types';
import type { ChatContext } from '../../core/contract/types.ts';
import type { Logger } from '../../core/logger.ts';
import { describeTelegramError } from './errors.ts';

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

/** The forum topic a message belongs to, only when it really is a topic message. */
export function topicOf(msg: Message): number | undefined {
  return msg.is_topic_message && msg.message_thread_id !== undefined ? msg.message_thread_id : undefined;
}

/** Whether a getChatMember status (with its flags) lets the bot send messages in `chat`. */
export function memberCanPost(chat: Chat, member: { status: string; can_post_messages?: boolean; can_send_messages?: boolean; is_member?: boolean }): boolean {
  if (chat.type === 'channel') return member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages !== false);
  if (member.status === 'creator' || member.status === 'administrator' || member.status === 'member') return true;
  if (member.status === 'restricted') return member.is_member !== false && member.can_send_messages !== false;
  return false;
}

/** The context commands see for `msg`; admin and posting checks run lazily, at most once each. */
export function buildChatContext(api: Api, msg: Message, botId: number, log: Logger): ChatContext {
  const chat = msg.chat;
  const isPrivate = chat.type === 'private';
  const thread = topicOf(msg);
  const ctx: ChatContext = {
    platform: 'telegram',
    chatId: String(chat.id),
    userId: String(msg.from?.id ?? msg.sender_chat?.id ?? chat.id),
    isGroup: !isPrivate,
    isAdmin: memo(async () => {
      if (isPrivate) return true;
      // Channel posts are written by the channel's admins; an anonymous group admin posts as the group itself.
      if (chat.type === 'channel') return true;
      if (msg.sender_chat && msg.sender_chat.id === chat.id) return true;
      if (!msg.from || msg.sender_chat) return false;
      try {
        const m = await api.getChatMember(chat.id, msg.from.id);
        return m.status === 'creator' || m.status === 'administrator';
      } catch (err) {
        log.warn(`telegram: getChatMember for chat ${chat.id} failed: ${describeTelegramError(err)}`);
        return false;
      }
    }),
    canPost: memo(async () => {
      if (isPrivate) return true;
      try {
        const m = await api.getChatMember(chat.id, botId);
        return memberCanPost(chat, m as Parameters<typeof memberCanPost>[1]);
      } catch (err) {
        log.warn(`telegram: getChatMember (bot) for chat ${chat.id} failed: ${describeTelegramError(err)}`);
        return false;
      }
    }),
  };
  if (thread !== undefined) ctx.threadId = String(thread);
  return ctx;
}
