/**
 * Redis for the multi-process tests: NEWSBOT_TEST_REDIS_URL (.ci/run sets it) or the local
 * default, and a key prefix of the test's own, removed at the end. When Redis is unreachable the
 * test FAILS with one line saying how to start it; only outside CI may it skip instead.
 */
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.NEWSBOT_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const START_HINT = 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no';

export function redisMissingLine(why: string): string {
  return `Redis not reachable at ${REDIS_URL}: start it with \`${START_HINT}\` (or set NEWSBOT_TEST_REDIS_URL) [${why}]`;
}

/** A connection and a fresh prefix; throws the missing line (or skips `t` outside CI) when Redis is down. */
export async function testRedis(t?: TestContext): Promise<{ redis: Redis; url: string; prefix: string; cleanup(): Promise<void> } | null> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    const line = redisMissingLine(err instanceof Error ? err.message : String(err));
    if (t && !process.env.CI) {
      t.skip(line);
      return null;
    }
    throw new Error(line);
  }
  const prefix = `nbt${process.pid}x${randomBytes(3).toString('hex')}`;
  return {
    redis,
    url: REDIS_URL,
    prefix,
    async cleanup() {
      for (let cursor = '0'; ; ) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        if ((cursor = next) === '0') break;
      }
      redis.disconnect();
    },
  };
}
