import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from '../../src/config.ts';

test('defaults apply when nothing is set', () => {
  const cfg = loadConfig({});
  assert.equal(cfg.NEWSBOT_DB, 'data/newsbot.db');
  assert.equal(cfg.LOG_LEVEL, 'info');
  assert.equal(cfg.NEWSBOT_MAX_FILE_MB, 5);
  assert.equal(cfg.NEWSBOT_ALLOW_PRIVATE_NETWORKS, false);
  assert.equal(cfg.NEWSBOT_ALERT_INTERVAL_MIN, 10);
});

test('the alert batching interval comes from NEWSBOT_ALERT_INTERVAL_MIN, whole minutes from 1 to 1440', () => {
  assert.equal(loadConfig({ NEWSBOT_ALERT_INTERVAL_MIN: '30' }).NEWSBOT_ALERT_INTERVAL_MIN, 30);
  for (const bad of ['0', '2.5', 'ten', '1441']) {
    assert.throws(() => loadConfig({ NEWSBOT_ALERT_INTERVAL_MIN: bad }), (err: unknown) => err instanceof ConfigError && /^NEWSBOT_ALERT_INTERVAL_MIN:/.test(err.problems[0]), bad);
  }
});

test('every problem is reported together, and no secret value is echoed', () => {
  const secret = 'canary-token-1234567890';
  try {
    loadConfig({ DISCORD_TOKEN: secret, LOG_LEVEL: 'loud', TELEGRAM_API_ROOT: 'not a url', NEWSBOT_DEFAULT_TZ: 'Mars/Olympus' });
    assert.fail('expected ConfigError');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const names = err.problems.map((p) => p.split(':')[0]).sort();
    assert.deepEqual(names, ['DISCORD_APP_ID', 'LOG_LEVEL', 'NEWSBOT_DEFAULT_TZ', 'TELEGRAM_API_ROOT']);
    assert.ok(!err.message.includes(secret));
  }
});
