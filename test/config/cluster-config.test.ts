// The settings of a multi-process deployment are checked together with the rest, at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from '../../src/config.ts';

const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

test('roles default to all four; a subset needs Redis, since the other roles run elsewhere', () => {
  assert.deepEqual(loadConfig({}).NEWSBOT_ROLES, ['gateway', 'worker', 'poller', 'scheduler']);
  assert.deepEqual(loadConfig({ NEWSBOT_ROLES: 'worker, scheduler', NEWSBOT_REDIS_URL: 'redis://127.0.0.1:6379' }).NEWSBOT_ROLES, ['worker', 'scheduler']);
  assert.match(problems({ NEWSBOT_ROLES: 'worker' }).join('\n'), /^NEWSBOT_ROLES: .*NEWSBOT_REDIS_URL/m);
  assert.match(problems({ NEWSBOT_ROLES: 'worker,cook', NEWSBOT_REDIS_URL: 'redis://x' }).join('\n'), /^NEWSBOT_ROLES/m);
  assert.match(problems({ NEWSBOT_REDIS_URL: 'http://x' }).join('\n'), /^NEWSBOT_REDIS_URL: must be a redis/m);
});

test('a webhook needs its secret and the HTTP port, and the secret is never echoed', () => {
  const p = problems({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' });
  assert.ok(p.some((l) => l.startsWith('TELEGRAM_WEBHOOK_SECRET: required')));
  assert.ok(p.some((l) => l.startsWith('NEWSBOT_HTTP_PORT: required')));
  const short = problems({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg', TELEGRAM_WEBHOOK_SECRET: 'short$ecret', NEWSBOT_HTTP_PORT: '8080' });
  assert.ok(short.some((l) => l.startsWith('TELEGRAM_WEBHOOK_SECRET: must be 16-256')));
  assert.ok(!short.join('\n').includes('short$ecret'));
});

test('shards held must be below the shard count', () => {
  assert.equal(loadConfig({ DISCORD_SHARDS: '0,1', DISCORD_SHARD_COUNT: '4' }).DISCORD_SHARD_COUNT, 4);
  assert.ok(problems({ DISCORD_SHARDS: '0,4', DISCORD_SHARD_COUNT: '4' }).some((l) => l.startsWith('DISCORD_SHARDS: every shard id')));
  assert.ok(problems({ DISCORD_SHARDS: 'one' }).some((l) => l.startsWith('DISCORD_SHARDS')));
});
