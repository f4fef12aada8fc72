/**
 * Reads what a command needs from a Discord interaction: option values by name, the reply
 * language, and the ChatContext (chat, thread, group, admin, can-post).
 */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { ChatContext, CommandDef, ReplyLang } from '../../core/contract/types.ts';
import { MAX_INPUT_CHARS } from '../../../commands/parse.ts';
import { langFromClient } from '../../core/chat-settings/resolve-lang.ts';

/** What the gateway said about the interaction's channel (discord.js does not cache it without guilds). */
export interface ChannelInfo {
  /** Discord channel type: 0 text, 1 DM, 3 group DM, 5 announcement, 10/11/12 threads. */
  type: number;
  parentId?: string;
}

const THREAD_TYPES = new Set([10, 11, 12]);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Option values by name for `def`, strings trimmed, control characters removed, capped at MAX_INPUT_CHARS. */
export function readArgs(def: CommandDef, get: (name: string) => unknown): Record<string, string | number | undefined> {
  const args: Record<string, string | number | undefined> = {};
  for (const opt of def.options) {
    const v = get(opt.name);
    if (typeof v === 'number' && opt.type === 'integer') args[opt.name] = v;
    else if (typeof v === 'string') {
      const s = Array.from(v.replace(CONTROL, ' ').trim()).slice(0, MAX_INPUT_CHARS).join('');
      if (s) args[opt.name] = opt.type === 'integer' && /^[+-]?\d+$/.test(s) ? Number(s) : s;
    }
  }
  return args;
}

/** The reply language: a per-chat override wins, else the user's Discord locale (zh-* → zh-TW). */
export function chooseLang(locale: string | null | undefined, override: ReplyLang | null | undefined): ReplyLang {
  return override ?? langFromClient(locale);
}

/**
 * The ChatContext of `interaction`. In a thread, chatId is the parent channel and threadId the
 * thread, like a Telegram forum topic, so chat settings are per channel and digests go to the thread.
 */
export function buildChatContext(interaction: BaseInteraction, channel: ChannelInfo | undefined): ChatContext {
  const channelId = interaction.channelId ?? interaction.user.id;
  const isThread = channel ? THREAD_TYPES.has(channel.type) : false;
  const inGuild = interaction.guildId !== null;
  const isGroup = inGuild || channel?.type === 3;
  const ctx: ChatContext = {
    platform: 'discord',
    chatId: isThread ? (channel?.parentId ?? channelId) : channelId,
    userId: interaction.user.id,
    isGroup,
    // Private chats: the user owns them. Guilds: Manage Channels. Group DMs have no roles: nobody.
    isAdmin: async () => (!isGroup ? true : (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)),
    canPost: async () => {
      if (!inGuild) return channel?.type !== 3;
      const perms = interaction.appPermissions;
      const send = isThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
      return perms.has(PermissionFlagsBits.ViewChannel) && perms.has(send) && perms.has(PermissionFlagsBits.EmbedLinks);
    },
  };
  if (isThread) ctx.threadId = channelId;
  return ctx;
}
