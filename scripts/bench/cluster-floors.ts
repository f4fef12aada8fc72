/**
 * Ceilings of the shared parts, measured for the capacity model (docs/scaling.md), each with what
 * one digest needs of it: BullMQ throughput (no-op jobs through one worker process) and the
 * ledger's write path on PostgreSQL (claim, mark sending, mark sent: what every digest writes).
 */
import { Queue, Worker } from 'bullmq';
import { createTestDatabase } from '../../test/helpers/postgres.ts';
import { testRedis } from '../../test/helpers/redis.ts';
import { openStores } from '../../src/core/store/open-stores.ts';

export async function queueJobsPerSecond(n = 5000): Promise<number> {
  const r = (await testRedis())!;
  const q = new Queue('floor', { connection: r.redis, prefix: r.prefix });
  try {
    for (let i = 0; i < n; i += 1000) await q.addBulk(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
    let done = 0;
    const t0 = Date.now();
    await new Promise<void>((resolve) => {
      const w = new Worker('floor', async () => undefined, { connection: r.redis, prefix: r.prefix, concurrency: 32 });
      w.on('completed', () => {
        if (++done === n) void w.close().then(resolve);
      });
    });
    return n / ((Date.now() - t0) / 1000);
  } finally {
    await q.close();
    await r.cleanup();
  }
}

export async function ledgerDigestsPerSecond(n = 2000, parallel = 16): Promise<number> {
  const db = await createTestDatabase();
  const stores = await openStores(db.url);
  try {
    const made = new Date(Date.now() - 3600_000);
    const subs: Awaited<ReturnType<typeof stores.subscriptions.add>>[] = [];
    for (let i = 0; i < n; i++) subs.push(await stores.subscriptions.add({ platform: 'telegram', chatId: String(600000 + i), lang: 'zh-TW', time: '08:00', tz: 'Asia/Taipei', topic: null, topicQuery: null }, made));
    const due = new Date(subs[0].next_due_at);
    let next = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = next++; i < n; i = next++) {
          const d = (await stores.ledger.claim(subs[i], due, 'bench:1:aa', new Date()))!;
          await stores.ledger.markSending(d.id, new Date(), 'bench:1:aa');
          await stores.ledger.markSent(d, ['1'], [{ storyId: 1, articleCount: 3, outletCount: 2, lastUpdated: null }], new Date());
        }
      }),
    );
    return n / ((Date.now() - t0) / 1000);
  } finally {
    await stores.close();
    await db.drop();
  }
}
