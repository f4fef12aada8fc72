/**
 * Builds the discord.js client: only the Guilds intent (slash commands need no message
 * content), no mention may ever ping (`allowedMentions: { parse: [] }` for the whole client),
 * REST pointed at DISCORD_API_URL when given. Client warnings and errors go to our redacting logger.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../../core/logger.ts';
import { resolveApiBase, restViaFetch } from './api-base.ts';

/** Creates (does not log in) the client. */
export function createDiscordClient(opts: { apiUrl?: string; log: Logger }): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: resolveApiBase(opts.apiUrl), makeRequest: restViaFetch as never },
  });
  client.on(Events.Warn, (m) => opts.log.warn(`discord: ${m}`));
  client.on(Events.Error, (e) => opts.log.error('discord: client error', e));
  client.on(Events.Debug, (m) => opts.log.debug(`discord: ${m}`));
  client.on(Events.ShardDisconnect, (ev, id) => opts.log.warn(`discord: gateway shard ${id} disconnected (close code ${ev.code})`));
  return client;
}
