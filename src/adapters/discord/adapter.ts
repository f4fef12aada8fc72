/**
 * The Discord chat adapter: logs the client in, answers slash commands, autocomplete and page
 * buttons through the shared command definitions, and sends digests (send.ts).
 * Sharded deployments run one adapter per gateway process, each holding some of the shards:
 * Discord delivers a guild's interactions only over its shard, so each is answered exactly once.
 */
import { Events, type Client } from 'discord.js';
import type { Stores } from '../../core/store/stores.ts';
import type { CommandDef, ReplyLang } from '../../core/contract/types.ts';
import { commands as allCommands } from '../../../commands/index.ts';
import { addSecret, type Logger } from '../../core/logger.ts';
import type { ChatAdapter } from '../types.ts';
import { createDiscordClient, resolveShards } from './client.ts';
import { trackInteractionChannels } from './channel-info.ts';
import { createInteractionHandler } from './handle-interaction.ts';
import { createPageCache } from './paging.ts';
import { createDiscordSender } from './send.ts';
import { describeDiscordError } from './map-error.ts';

export interface DiscordAdapterOptions {
  token: string;
  appId: string;
  /** DISCORD_API_URL: REST base (`…/api`) of a Discord-compatible server; the gateway URL is read from it. */
  apiUrl?: string;
  stores: Stores;
  now: () => Date;
  log: Logger;
  /** A chat's language override; default: the chat_settings table (/language). */
  getLang?: (chatId: string) => ReplyLang | null | undefined | Promise<ReplyLang | null | undefined>;
  /** Defaults to commands/index.ts. */
  commands?: readonly CommandDef[];
  /** How long start() waits for the gateway READY (default 30 s). */
  readyTimeoutMs?: number;
  /** DISCORD_SHARDS: the gateway shards this process holds (default: all of shardCount). */
  shards?: number[];
  /** DISCORD_SHARD_COUNT: shards of the whole deployment (default 1). */
  shardCount?: number;
  /**
   * false: send-only (worker processes): start() does not log in, and digests go out over REST,
   * as `newsbot digest run` already does by never calling start(). Default true.
   */
  gateway?: boolean;
}

export interface DiscordAdapter extends ChatAdapter {
  readonly platform: 'discord';
  /** The underlying discord.js client (for diagnostics and tests). */
  readonly client: Client;
}

/** Creates the adapter; nothing connects until start(). send() works without start() (REST only). */
export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  addSecret(opts.token);
  const plan = resolveShards(opts.shards, opts.shardCount);
  const client = createDiscordClient({ apiUrl: opts.apiUrl, log: opts.log, plan });
  const sender = createDiscordSender({ token: opts.token, apiUrl: opts.apiUrl, log: opts.log });
  const channels = trackInteractionChannels(client);
  const pages = createPageCache();
  const settings = opts.stores.chatSettings;
  const handler = createInteractionHandler({
    stores: opts.stores,
    now: opts.now,
    log: opts.log,
    commands: opts.commands ?? allCommands,
    pages,
    channelOf: (id) => channels.take(id),
    langOverride: opts.getLang ?? (async (chatId) => (await settings.get('discord', chatId))?.lang ?? null),
  });
  client.on(Events.InteractionCreate, (interaction) => void handler(interaction));

  return {
    platform: 'discord',
    client,
    async start() {
      if (opts.gateway === false) {
        opts.log.info('discord: send-only (no gateway connection)');
        return;
      }
      const waitMs = opts.readyTimeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      let onReady = () => {};
      const ready = new Promise<void>((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no READY from the gateway within ${waitMs} ms`)), waitMs);
        onReady = () => resolve();
        client.once(Events.ClientReady, onReady);
      });
      ready.catch(() => undefined); // awaited below; a failed login must not leave it unhandled
      try {
        await client.login(opts.token);
        await ready;
      } catch (err) {
        await client.destroy().catch(() => undefined);
        throw new Error(`discord: login failed: ${describeDiscordError(err)}`);
      } finally {
        clearTimeout(timer);
        client.off(Events.ClientReady, onReady);
      }
      const held = plan.shardCount > 1 ? ` on shards ${plan.shards.join(',')} of ${plan.shardCount}` : '';
      opts.log.info(`discord: connected as ${client.user?.tag ?? opts.appId}${held}`);
    },
    async stop() {
      await client.destroy();
      sender.close();
      pages.clear();
    },
    send: (target, reply, sendOpts) => sender.send(target, reply, sendOpts),
    openThread: (target, messageId, name) => sender.openThread(target, messageId, name),
  };
}
