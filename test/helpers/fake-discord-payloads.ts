/**
 * Gateway payloads the fake Discord sends: interactions (slash command, autocomplete, button) from a
 * DM, a guild text channel or a thread, and message objects, shaped as discord.js 14 reads them.
 */

/** Where an interaction comes from. Defaults: a guild text channel, en-US, a member without Manage Channels. */
export interface InteractionOrigin {
  /** Channel type: 0 guild text, 1 DM, 11 public thread. */
  channelType?: 0 | 1 | 11;
  channelId?: string;
  /** For threads: the parent text channel. */
  parentId?: string;
  guildId?: string;
  userId?: string;
  locale?: string;
  /** Member permission bits (decimal string); ignored in DMs. */
  memberPermissions?: string;
  /** The bot's permission bits in the channel (decimal string). */
  appPermissions?: string;
}

/** Permission bits used by the defaults (Discord's values). */
export const PERMS = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ManageChannels: 1n << 4n,
  SendMessagesInThreads: 1n << 38n,
  CreatePublicThreads: 1n << 35n,
} as const;

export const DEFAULT_APP_PERMS = (PERMS.ViewChannel | PERMS.SendMessages | PERMS.EmbedLinks | PERMS.SendMessagesInThreads | PERMS.CreatePublicThreads).toString();

export interface BotUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string;
  avatar: null;
  bot: true;
}

/** The bot's user object for READY and message authors. */
export function botUserFor(appId: string): BotUser {
  return { id: appId, username: 'newsbot', discriminator: '0', global_name: 'newsbot', avatar: null, bot: true };
}

/** A message object as Discord returns it (discord.js builds a Message from it). */
export function messageObject(botUser: BotUser, id: string, channelId: string, body: any): any {
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    author: botUser,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
    ...(body?.nonce !== undefined ? { nonce: body.nonce } : {}),
  };
}

/** An INTERACTION_CREATE payload of `type` (2 command, 3 component, 4 autocomplete) without `data`. */
export function buildInteraction(type: number, origin: InteractionOrigin, appId: string, id: string): any {
  const channelType = origin.channelType ?? 0;
  const userId = origin.userId ?? '400000000000000001';
  const user = { id: userId, username: 'tester', discriminator: '0', global_name: 'Tester', avatar: null };
  const inGuild = channelType !== 1;
  const guildId = inGuild ? (origin.guildId ?? '300000000000000001') : undefined;
  const channelId = origin.channelId ?? (channelType === 1 ? '500000000000000001' : channelType === 11 ? '500000000000000011' : '500000000000000010');
  const channel: any = { id: channelId, type: channelType, name: channelType === 1 ? undefined : 'news' };
  if (channelType === 11) channel.parent_id = origin.parentId ?? '500000000000000010';
  if (guildId) channel.guild_id = guildId;
  if (channelType === 1) channel.recipients = [user];
  return {
    id,
    application_id: appId,
    type,
    token: `itoken-${id}`,
    version: 1,
    locale: origin.locale ?? 'en-US',
    guild_locale: inGuild ? 'en-US' : undefined,
    guild_id: guildId,
    channel_id: channelId,
    channel,
    app_permissions: origin.appPermissions ?? DEFAULT_APP_PERMS,
    entitlements: [],
    authorizing_integration_owners: inGuild ? { '0': guildId } : { '1': userId },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 10485760,
    ...(inGuild
      ? { member: { user, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: origin.memberPermissions ?? (PERMS.ViewChannel | PERMS.SendMessages).toString() } }
      : { user }),
  };
}

export function toOptions(options: Record<string, string | number>, focused?: string): any[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? 4 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}
