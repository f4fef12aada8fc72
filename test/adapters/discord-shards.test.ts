/**
 * Discord sharding against the fake gateway at 2 shards: each gateway process (an adapter, or a
 * child process started from the environment) holds its shards, and a guild's slash command is
 * answered exactly once, by the process holding the guild's shard. Also: a send-only adapter never
 * connects, and a shard plan that does not match the deployment is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { createLogger } from '../../src/core/logger.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../src/adapters/discord/index.ts';
import { resolveShards } from '../../src/adapters/discord/client.ts';
import { startFakeDiscord, type FakeDiscord, type InteractionOrigin } from '../helpers/fake-discord.ts';
import { startGatewayProcess } from '../helpers/discord-gateway-process.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.SHARDS.discord-shard-test-token';

/** A temp directory, removed afterwards. */
async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-shards-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An adapter on its own database, recording the interactions its client receives. */
function adapterFor(fake: FakeDiscord, dir: string, name: string, opts: Partial<DiscordAdapterOptions>) {
  const db = openDatabase(join(dir, `${name}.db`));
  const adapter = createDiscordAdapter({ token: TOKEN, appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(db), now: () => new Date('2025-08-25T00:00:00Z'), log: createLogger('silent'), ...opts });
  const seen: string[] = [];
  adapter.client.on('interactionCreate', (i) => void seen.push(i.id));
  return { adapter, seen, close: async () => (await adapter.stop(), db.close()) };
}

/** Asks /help in two guilds of every shard and in a DM; returns the interaction ids expected per shard. */
async function askEverywhere(fake: FakeDiscord): Promise<Map<number, string[]>> {
  const byShard = new Map<number, string[]>();
  const origins: InteractionOrigin[] = [{ channelType: 1 }];
  for (let s = 0; s < fake.shardCount; s++) origins.push({ guildId: fake.guildOnShard(s) }, { guildId: fake.guildOnShard(s, 1) });
  for (const origin of origins) {
    const { id, shardId, reply } = await fake.ask('help', {}, origin);
    assert.ok(JSON.stringify(reply.body).length > 20, 'a real /help reply');
    byShard.set(shardId, [...(byShard.get(shardId) ?? []), id]);
  }
  return byShard;
}

/** Every interaction was delivered over exactly one session and answered by exactly one callback. */
function assertAnsweredOnce(fake: FakeDiscord, ids: string[]): void {
  for (const id of ids) {
    assert.equal(fake.deliveries.filter((d) => d.interactionId === id).length, 1, `interaction ${id} delivered once`);
    assert.equal(fake.callbacks.filter((c) => c.interactionId === id).length, 1, `interaction ${id} answered once`);
  }
}

test('the fake routes by Discord\'s shard formula', async () => {
  const fake = await startFakeDiscord({ token: TOKEN, shardCount: 3 });
  try {
    // (id >> 22) % count, on a real-looking guild id computed by hand: 0x0123456789abcdef >> 22 = 0x48d159e26 → 19551657510 % 3 = 0.
    assert.equal(fake.shardOf('81985529216486895'), Number(0x48d159e26n % 3n));
    for (let s = 0; s < 3; s++) for (let n = 0; n < 4; n++) assert.equal(fake.shardOf(fake.guildOnShard(s, n)), s);
    assert.equal(fake.shardOf(undefined), 0, 'DMs go to shard 0');
    assert.notEqual(fake.guildOnShard(1, 0), fake.guildOnShard(1, 1));
    assert.throws(() => fake.slash('help'), /no gateway client connected/);
  } finally {
    await fake.stop();
  }
});

test('two adapters holding shard 0 and shard 1 each answer only their own guilds, once', async () => {
  const fake = await startFakeDiscord({ token: TOKEN, shardCount: 2 });
  await withDir(async (dir) => {
    const a = adapterFor(fake, dir, 'a', { shards: [0], shardCount: 2 });
    const b = adapterFor(fake, dir, 'b', { shards: [1], shardCount: 2 });
    try {
      await a.adapter.start();
      assert.throws(() => fake.slash('help', {}, { guildId: fake.guildOnShard(1) }), /no gateway session holds shard 1 of 2/);
      await b.adapter.start();
      await fake.waitForShards([0, 1]);
      assert.deepEqual(fake.identifies.map((d) => d.shard), [[0, 2], [1, 2]]);

      const byShard = await askEverywhere(fake);
      assert.deepEqual(a.seen, byShard.get(0), 'process A got exactly the shard-0 interactions (guilds on shard 0 and the DM)');
      assert.deepEqual(b.seen, byShard.get(1), 'process B got exactly the shard-1 interactions');
      assert.equal(b.seen.length, 2);
      assertAnsweredOnce(fake, [...a.seen, ...b.seen]);
      const sessionOf = (shard: number) => fake.sessions.find((s) => s.shardId === shard)!.id;
      for (const id of b.seen) assert.equal(fake.deliveries.find((d) => d.interactionId === id)!.sessionId, sessionOf(1));
    } finally {
      await a.close();
      await b.close();
      await fake.stop();
    }
  });
});

test('one adapter holding both shards (the default: all of the count) answers every guild', async () => {
  const fake = await startFakeDiscord({ token: TOKEN, shardCount: 2 });
  await withDir(async (dir) => {
    const both = adapterFor(fake, dir, 'both', { shardCount: 2 });
    try {
      await both.adapter.start();
      await fake.waitForShards();
      assert.equal(fake.sessions.length, 2, 'one session per shard, from one client');
      const byShard = await askEverywhere(fake);
      assert.equal(byShard.get(0)?.length, 3);
      assert.equal(byShard.get(1)?.length, 2);
      assert.deepEqual([...both.seen].sort(), [...byShard.get(0)!, ...byShard.get(1)!].sort());
      assertAnsweredOnce(fake, both.seen);
    } finally {
      await both.close();
      await fake.stop();
    }
  });
});

test('two gateway processes started from DISCORD_SHARDS / DISCORD_SHARD_COUNT answer their own shards once', async () => {
  const fake = await startFakeDiscord({ token: TOKEN, shardCount: 2 });
  await withDir(async (dir) => {
    const p0 = startGatewayProcess({ fake, shards: [0], db: join(dir, 'p0.db') });
    const p1 = startGatewayProcess({ fake, shards: [1], db: join(dir, 'p1.db') });
    try {
      assert.deepEqual(await p0.ready, [0]);
      assert.deepEqual(await p1.ready, [1]);
      await fake.waitForShards();
      const byShard = await askEverywhere(fake);
      assert.deepEqual(p0.interactions, byShard.get(0)!.map((id) => ({ id, shardId: 0 })));
      assert.deepEqual(p1.interactions, byShard.get(1)!.map((id) => ({ id, shardId: 1 })));
      assertAnsweredOnce(fake, [...byShard.values()].flat());
      assert.equal(await p0.stop(), 0, p0.stderr.join(''));
      assert.equal(await p1.stop(), 0, p1.stderr.join(''));
    } finally {
      await p0.stop();
      await p1.stop();
      await fake.stop();
    }
  });
});

test('a send-only adapter (gateway: false) starts without a gateway connection and still sends', async () => {
  const fake = await startFakeDiscord({ token: TOKEN, shardCount: 2 });
  await withDir(async (dir) => {
    const worker = adapterFor(fake, dir, 'worker', { gateway: false, shards: [1], shardCount: 2 });
    try {
      await worker.adapter.start();
      const res = await worker.adapter.send({ platform: 'discord', chatId: '700000000000000001', lang: 'en' }, { kind: 'ok', title: 'digest', items: [{ heading: 'a' }], articles: [] }, { idempotencyKey: 'k' });
      assert.equal(res.messageIds.length, 1);
      assert.equal(fake.identifies.length, 0, 'no IDENTIFY');
      assert.equal(fake.requests.filter((r) => r.path.startsWith('/gateway')).length, 0, 'not even the gateway URL was asked for');
    } finally {
      await worker.close();
      await fake.stop();
    }
  });
});

test('a shard plan that does not fit is refused: ids beyond the count here, a wrong count at the gateway', async () => {
  assert.throws(() => resolveShards([2], 2), /shard ids 2 are not below the shard count 2/);
  assert.throws(() => resolveShards(undefined, 0), /positive integer/);
  assert.deepEqual(resolveShards(undefined, 3), { shards: [0, 1, 2], shardCount: 3 });
  assert.deepEqual(resolveShards([1, 0, 1], 2), { shards: [0, 1], shardCount: 2 });

  const fake = await startFakeDiscord({ token: TOKEN, shardCount: 2 });
  await withDir(async (dir) => {
    // Shard 0 of 1 against a 2-shard deployment: the gateway closes with 4010 (invalid shard).
    const unsharded = adapterFor(fake, dir, 'one', { readyTimeoutMs: 10_000 });
    try {
      await assert.rejects(unsharded.adapter.start(), /discord: login failed/);
      assert.deepEqual(fake.identifies.map((d) => d.shard), [[0, 1]]);
      assert.equal(fake.sessions.length, 0);
    } finally {
      await unsharded.close();
      await fake.stop();
    }
  });
});
