/**
 * `newsbot start` as one process of a deployment (NEWSBOT_REDIS_URL set; docs/scaling.md): the
 * roles of NEWSBOT_ROLES over one PostgreSQL database and one Redis. A gateway holds the chat
 * connections (its Discord shards; Telegram by webhook, or long polling in the one process that
 * holds the polling lease); workers run the queue's jobs with send-only adapters; a scheduler
 * runs the deployment's tick; a poller hands due sources to the queue. /healthz, /readyz and
 * /metrics answer on NEWSBOT_HTTP_PORT.
 */
import type { Config } from '../config.ts';
import type { Stores } from '../core/store/stores.ts';
import type { Logger } from '../core/logger.ts';
import type { Platform } from '../core/contract/types.ts';
import type { ChatAdapter } from '../adapters/types.ts';
import { buildAdapters, byPlatform } from '../adapters/build-adapters.ts';
import { connectRedis } from '../cluster/redis.ts';
import { holdLease, type Lease } from '../cluster/lease.ts';
import { startCluster, type Role } from '../cluster/start-cluster.ts';
import { newClaimerId } from '../scheduler/claimer.ts';
import { startOpsServer } from '../ops/http-server.ts';
import { adapterChecks, adapterRoutes, checkStores } from '../ops/checks.ts';
import { deleteTelegramWebhook, setTelegramWebhook } from '../adapters/telegram/webhook.ts';

export interface ServiceOptions {
  cfg: Config;
  stores: Stores;
  log: Logger;
  say(line: string): void;
  /** Resolves with the signal's name when the process is told to stop. */
  signal: Promise<string>;
  /** Loads the bundled seeds (run under a deployment-wide lock, by one process). */
  loadSeeds(): Promise<string>;
}

const POLLING_LEASE_MS = 15_000;

export async function runService(o: ServiceOptions): Promise<void> {
  const { cfg, stores, log, say } = o;
  const roles = cfg.NEWSBOT_ROLES as Role[];
  const redis = connectRedis(cfg.NEWSBOT_REDIS_URL!);
  const stops: { name: string; stop(): Promise<void> | void }[] = [{ name: 'redis', stop: () => void redis.disconnect() }];
  try {
    await redis.ping();
    const prefix = cfg.NEWSBOT_REDIS_PREFIX;
    const claimer = newClaimerId();
    const platforms: Platform[] = [...(cfg.TELEGRAM_TOKEN ? ['telegram' as const] : []), ...(cfg.DISCORD_TOKEN && cfg.DISCORD_APP_ID ? ['discord' as const] : [])];

    if (roles.includes('poller') && (await redis.set(`${prefix}:lock:seeds`, claimer, 'PX', 600_000, 'NX')) === 'OK') {
      say(`newsbot: ${await o.loadSeeds()}`);
      await redis.del(`${prefix}:lock:seeds`);
    }

    const gateway = roles.includes('gateway');
    const webhook = !!cfg.TELEGRAM_WEBHOOK_URL;
    const adapters = await buildAdapters(cfg, stores, log, undefined, {
      telegramUpdates: gateway ? (webhook ? 'webhook' : 'polling') : 'none',
      discordGateway: gateway,
    });
    let pollingLease: Lease | null = null;
    for (const a of adapters) {
      // Telegram long polling runs in one process only (the Bot API allows one getUpdates consumer).
      if (a.platform === 'telegram' && gateway && !webhook) {
        const lease: Lease = holdLease(redis, `${prefix}:lease:telegram-polling`, claimer, POLLING_LEASE_MS, {
          onAcquired: async () => {
            await a.start();
            say('newsbot: telegram long polling here (this process holds the polling lease)');
          },
          onLost: () => a.stop(),
        }, (err) => log.warn(`telegram polling lease: ${err instanceof Error ? err.message : String(err)}`));
        stops.push({ name: 'telegram polling', stop: () => lease.stop() });
        pollingLease = lease;
        continue;
      }
      await a.start();
      stops.push({ name: a.platform, stop: () => a.stop() });
      say(`newsbot: ${a.platform} ${gateway ? 'gateway' : 'sender'} running`);
    }

    if (gateway && webhook && cfg.TELEGRAM_TOKEN) stops.push(await joinWebhookGateways(o, redis, claimer));

    if (cfg.NEWSBOT_HTTP_PORT !== undefined) {
      const ready = () => ({
        database: checkStores(stores),
        queue: redis.ping().then(() => ({ ok: true })),
        ...adapterChecks(adapters),
        // A gateway waiting for the polling lease is ready: another process receives Telegram's updates.
        ...(pollingLease && !pollingLease.held() ? { telegram: { ok: true, detail: 'standby: another gateway long-polls' } } : {}),
      });
      const server = await startOpsServer({ port: cfg.NEWSBOT_HTTP_PORT, host: cfg.NEWSBOT_HTTP_HOST, log, ready, routes: adapterRoutes(adapters) });
      stops.push({ name: 'http', stop: () => server.close() });
      say(`newsbot: /healthz, /readyz, /metrics on port ${server.port}`);
    }

    const cluster = await startCluster({ redis, stores, adapters: byPlatform(adapters.filter((a: ChatAdapter) => platforms.includes(a.platform))), platforms, roles, cfg, log, claimer });
    stops.push({ name: 'queue', stop: () => cluster.stop() });
    say(`newsbot: roles ${roles.join(', ')} running as ${claimer}; Ctrl-C to stop`);
    say(`newsbot: stopping (${await o.signal})`);
  } finally {
    for (const s of stops.reverse()) {
      try {
        await s.stop();
      } catch (err) {
        log.warn(`stopping ${s.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

/**
 * Webhook gateways of the deployment, as a Redis set with expiring heartbeats: each sets the
 * webhook when it starts (a rolling restart never leaves Telegram without one), and the last one
 * to stop deletes it, so a later long-polling process is not locked out by a dead URL.
 */
async function joinWebhookGateways(o: ServiceOptions, redis: ReturnType<typeof connectRedis>, claimer: string): Promise<{ name: string; stop(): Promise<void> }> {
  const { cfg, say } = o;
  const key = `${cfg.NEWSBOT_REDIS_PREFIX}:webhook-gateways`;
  const api = { token: cfg.TELEGRAM_TOKEN!, apiRoot: cfg.TELEGRAM_API_ROOT };
  const beat = () => redis.zadd(key, Date.now() + 30_000, claimer);
  await beat();
  await setTelegramWebhook({ ...api, webhook: { url: cfg.TELEGRAM_WEBHOOK_URL!, secret: cfg.TELEGRAM_WEBHOOK_SECRET! } });
  const timer = setInterval(() => void beat().catch(() => undefined), 10_000);
  timer.unref();
  return {
    name: 'telegram webhook',
    async stop() {
      clearInterval(timer);
      await redis.zrem(key, claimer);
      await redis.zremrangebyscore(key, '-inf', Date.now());
      if ((await redis.zcard(key)) > 0) return;
      await deleteTelegramWebhook(api);
      say('newsbot: the last webhook gateway is stopping: Telegram webhook deleted');
    },
  };
}
