/**
 * A Discord gateway process for multi-process tests: reads the environment like `newsbot start`
 * (DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_API_URL, DISCORD_SHARDS, DISCORD_SHARD_COUNT, NEWSBOT_DB
 * or NEWSBOT_DATABASE_URL), builds the adapter through buildAdapters and starts it. No sources, no
 * scheduler: only the gateway. Reports on stdout, one JSON object a line (logs go to stderr):
 * `{"event":"ready","shards":[…]}` once READY, then `{"event":"interaction","id":…,"shardId":…}`
 * for every interaction its shards carried. SIGTERM stops it cleanly (exit 0).
 */
import { GatewayDispatchEvents } from 'discord.js';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { openStores } from '../../src/core/store/open-stores.ts';
import { buildAdapters } from '../../src/adapters/build-adapters.ts';
import type { DiscordAdapter } from '../../src/adapters/discord/index.ts';

const report = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');

const cfg = loadConfig();
const log = createLogger(cfg.LOG_LEVEL);
const stores = await openStores(cfg.NEWSBOT_DATABASE_URL ?? cfg.NEWSBOT_DB);
const adapter = (await buildAdapters(cfg, stores, log)).find((a) => a.platform === 'discord') as DiscordAdapter | undefined;
if (!adapter) throw new Error('discord-gateway-main: DISCORD_TOKEN and DISCORD_APP_ID are required');

// The raw dispatch names the shard that carried it; the adapter's own handler answers as usual.
adapter.client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: { id: string }, shardId: number) => report({ event: 'interaction', id: data.id, shardId }));

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void adapter
    .stop()
    .then(() => stores.close())
    .then(() => process.exit(0), () => process.exit(1));
});

await adapter.start();
report({ event: 'ready', shards: [...adapter.client.ws.shards.keys()] });
