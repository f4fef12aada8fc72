/**
 * The Redis connection of a cluster process: BullMQ's queues and workers, the shared rate limits
 * and the leases all use it. Keys live under one prefix (NEWSBOT_REDIS_PREFIX), so several
 * deployments, or test runs, can share one Redis without seeing each other.
 */
import { Redis } from 'ioredis';

export interface RedisTarget {
  url: string;
  prefix: string;
}

/** A new connection; BullMQ workers need `maxRetriesPerRequest: null` (they block on Redis). */
export function connectRedis(url: string): Redis {
  const r = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  // ioredis reconnects by itself; without a listener an outage would crash the process.
  r.on('error', () => undefined);
  return r;
}

/** Redis's own clock in ms: one clock for every machine of the deployment, whatever their skew. */
export const REDIS_NOW_LUA = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
