/**
 * Rate limits shared by every process of a deployment, kept in Redis: a GCRA reservation per
 * bucket (the platform's global rate, each chat's rate, each fetched host's spacing) and a hard
 * cap on sends started in any sliding second. Each call is one Lua script, atomic in Redis, timed
 * by Redis's clock; the caller then sleeps the answer. Reserving ahead keeps callers in order
 * across processes exactly as the in-process token bucket does (scheduler/token-bucket.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { REDIS_NOW_LUA } from './redis.ts';

/** Reserves `n` slots at `interval` ms each with `burst` saved up at most; returns the wait in ms. */
const RESERVE = `${REDIS_NOW_LUA}
local interval = tonumber(ARGV[1]) local burst = tonumber(ARGV[2]) local n = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - (burst - 1) * interval - now
if wait < 0 then wait = 0 end
local nt = tat + n * interval
redis.call('SET', KEYS[1], nt, 'PX', math.ceil(nt - now) + 60000)
return math.ceil(wait)`;

/**
 * Nothing more from this bucket for ARGV[1] ms (a 429's retry_after), and what was saved up is
 * void: the next slot is at that time exactly, the burst tolerance (ARGV[2] ms) notwithstanding.
 */
const BLOCK = `${REDIS_NOW_LUA}
local untilMs = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > tat then redis.call('SET', KEYS[1], untilMs, 'PX', math.ceil(untilMs - now) + 60000) end
return 0`;

/** Records `n` starts if fewer than ARGV[1] began in the last second; else the wait until they may. */
const WINDOW = `${REDIS_NOW_LUA}
local max = tonumber(ARGV[1]) local n = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 1000)
local count = redis.call('ZCARD', KEYS[1])
if count + n <= max or count == 0 then
  for i = 1, n do redis.call('ZADD', KEYS[1], now, ARGV[3] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[1], 2000)
  return 0
end
local r = redis.call('ZRANGE', KEYS[1], count + n - max - 1, count + n - max - 1, 'WITHSCORES')
return tonumber(r[2]) + 1000 - now + 1`;

export interface SharedLimits {
  /** Reserves `n` slots of bucket `key`; resolves with the wait (ms) before using them. */
  reserve(key: string, ratePerSec: number, burst: number, n?: number): Promise<number>;
  /** Holds bucket `key` (of that rate and burst) for `ms`. */
  block(key: string, ms: number, ratePerSec: number, burst: number): Promise<void>;
  /** Waits until fewer than `max` starts happened in the last second under `key`, then records `n`. */
  windowSlot(key: string, max: number, n?: number): Promise<void>;
}

export function sharedLimits(redis: Redis, prefix: string, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): SharedLimits {
  const k = (key: string) => `${prefix}:limit:${key}`;
  return {
    async reserve(key, ratePerSec, burst, n = 1) {
      return Number(await redis.eval(RESERVE, 1, k(key), String(1000 / ratePerSec), String(Math.max(1, burst)), String(n)));
    },
    async block(key, ms, ratePerSec, burst) {
      await redis.eval(BLOCK, 1, k(key), String(Math.ceil(ms)), String(((Math.max(1, burst) - 1) * 1000) / ratePerSec));
    },
    async windowSlot(key, max, n = 1) {
      const id = randomBytes(6).toString('hex');
      for (;;) {
        const wait = Number(await redis.eval(WINDOW, 1, k(key), String(max), String(n), id));
        if (wait <= 0) return;
        await sleep(wait);
      }
    },
  };
}
