/** The adapter's gateway life cycle against the fake: heartbeats, a refused token, stop without start. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.ts';
import { startFakeDiscord } from '../../helpers/fake-discord.ts';
import { CANARY_TOKEN } from './setup.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';

async function withDb(fn: (db: ReturnType<typeof openDatabase>) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-gw-'));
  const db = openDatabase(join(dir, 'test.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('heartbeats are acknowledged and the client stays connected', async () => {
  const fake = await startFakeDiscord({ token: CANARY_TOKEN, heartbeatIntervalMs: 150 });
  await withDb(async (db) => {
    const adapter = createDiscordAdapter({ token: CANARY_TOKEN, appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(db), now: () => new Date(), log: createLogger('silent') });
    try {
      await adapter.start();
      await fake.waitFor(() => fake.heartbeats >= 3);
      assert.equal(fake.identifies.length, 1, 'no reconnect (a missed ACK would make discord.js reconnect)');
      assert.ok(adapter.client.isReady());
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });
});

test('a refused token fails start() with a one-line error that does not contain it', async () => {
  const fake = await startFakeDiscord({ token: 'the-right-token-123' });
  const lines: string[] = [];
  await withDb(async (db) => {
    const adapter = createDiscordAdapter({ token: CANARY_TOKEN, appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(db), now: () => new Date(), log: createLogger('debug', (l) => lines.push(l)) });
    try {
      await assert.rejects(adapter.start(), (err: Error) => /^discord: login failed: /.test(err.message) && !err.message.includes(CANARY_TOKEN) && !err.message.includes('\n'));
      for (const l of lines) assert.ok(!l.includes(CANARY_TOKEN));
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });
});

test('a send-only adapter (never started) sends and stops cleanly', async () => {
  const fake = await startFakeDiscord({ token: CANARY_TOKEN });
  await withDb(async (db) => {
    const adapter = createDiscordAdapter({ token: CANARY_TOKEN, appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(db), now: () => new Date(), log: createLogger('silent') });
    try {
      const res = await adapter.send({ platform: 'discord', chatId: '700000000000000001', lang: 'zh-TW' }, { kind: 'ok', title: '摘要', items: [{ heading: 'a' }], articles: [] }, { idempotencyKey: 'k' });
      assert.equal(res.messageIds.length, 1);
      assert.equal(fake.identifies.length, 0, 'no gateway connection');
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });
});
