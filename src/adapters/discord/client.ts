/**
 * Builds the discord.js client: only the Guilds intent (slash commands need no message
 * content), no mention may ever ping (`allowedMentions: { parse: [] }` for the whole client),
 * REST pointed at DISCORD_API_URL when given. Client warnings and errors go to our redacting logger.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../../core/logger.ts';
import { resolveApiBase, restViaFetch } from './api-base.ts';

/** Which gateway shards one process holds, out of the deployment's total. */
export interface ShardPlan {
  shards: number[];
  shardCount: number;
}

/**
 * Resolves DISCORD_SHARDS / DISCORD_SHARD_COUNT into explicit ids (default: every shard of the count).
 * Always explicit, so discord.js never falls back to its own SHARDS / SHARD_COUNT environment variables.
 */
export function resolveShards(shards: readonly number[] | undefined, shardCount = 1): ShardPlan {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new Error(`discord: shard count must be a positive integer, got ${shardCount}`);
  const ids = shards?.length ? [...new Set(shards)].sort((a, b) => a - b) : Array.from({ length: shardCount }, (_, i) => i);
  const bad = ids.filter((id) => !Number.isInteger(id) || id < 0 || id >= shardCount);
  if (bad.length) throw new Error(`discord: shard ids ${bad.join(',')} are not below the shard count ${shardCount}`);
  return { shards: ids, shardCount };
}

/** Creates (does not log in) the client for the shards in `plan` (default: shard 0 of 1). */
export function createDiscordClient(opts: { apiUrl?: string; log: Logger; plan?: ShardPlan }): Client {
  const plan = opts.plan ?? resolveShards(undefined, 1);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: resolveApiBase(opts.apiUrl), makeRequest: restViaFetch as never },
    shards: plan.shards,
    shardCount: plan.shardCount,
  });
  client.on(Events.Warn, (m) => opts.log.warn(`discord: ${m}`));
  client.on(Events.Error, (e) => opts.log.error('discord: client error', e));
  client.on(Events.Debug, (m) => opts.log.debug(`discord: ${m}`));
  client.on(Events.ShardDisconnect, (ev, id) => opts.log.warn(`discord: gateway shard ${id} disconnected (close code ${ev.code})`));
  return client;
}
