// Telegram across several gateway processes (real `newsbot start`, PostgreSQL and Redis): without
// a webhook exactly one process long-polls and another takes over when it is SIGKILLed; with a
// webhook, an update posted to any gateway is answered once, a wrong secret is refused, gateways
// set the webhook when they start and the last one to stop deletes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../helpers/postgres.ts';
import { testRedis } from '../helpers/redis.ts';
import { startTelegramHarness, type TestUser } from '../helpers/telegram-harness.ts';
import { startProcess, type Proc } from '../helpers/cluster-harness.ts';
import { openStores } from '../../src/core/store/open-stores.ts';

const ann: TestUser = { id: 4242, first_name: 'Ann', language_code: 'zh-hant' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function setup() {
  const db = await createTestDatabase();
  await (await openStores(db.url)).close(); // migrated once, before the processes race to it
  const redis = (await testRedis())!;
  const h = await startTelegramHarness();
  const env = { NEWSBOT_DATABASE_URL: db.url, NEWSBOT_REDIS_URL: redis.url, NEWSBOT_REDIS_PREFIX: redis.prefix, TELEGRAM_TOKEN: h.token, TELEGRAM_API_ROOT: h.apiRoot };
  const procs: Proc[] = [];
  const lines: string[] = [];
  return {
    h,
    env,
    procs,
    lines,
    start(name: string, extra: Record<string, string> = {}) {
      const p = startProcess('gateway', { ...env, ...extra }, name, (l) => lines.push(l));
      procs.push(p);
      return p;
    },
    async stop(p: Proc) {
      if (p.child.exitCode !== null || p.child.signalCode) return;
      const exited = new Promise((r) => p.child.once('exit', r));
      p.child.kill('SIGTERM');
      await exited;
    },
    async close() {
      for (const p of procs) await this.stop(p);
      await h.close();
      await redis.cleanup();
      await db.drop();
    },
  };
}

test('without a webhook one gateway long-polls; when it is SIGKILLed another takes over', { timeout: 120_000 }, async () => {
  const s = await setup();
  try {
    const a = s.start('gw1');
    const b = s.start('gw2');
    await Promise.all([a.ready, b.ready]);
    await until('a polling gateway', () => s.lines.some((l) => /long polling here/.test(l)));
    const holder = s.lines.find((l) => /long polling here/.test(l))!.startsWith('[gw1]') ? a : b;
    const other = holder === a ? 'gw2' : 'gw1';
    const chat = { id: 777001, type: 'private' as const };
    await s.h.sendText(chat, ann, '/help');
    await s.h.waitForReplies(chat.id, 1, 20_000);
    await sleep(1500); // a second poller, if any, would have answered by now
    assert.equal((await s.h.history(chat.id)).length, 1, 'answered once');

    holder.child.kill('SIGKILL');
    await until(`${other} to take over polling`, () => s.lines.some((l) => l.startsWith(`[${other}]`) && /long polling here/.test(l)));
    const chat2 = { id: 777002, type: 'private' as const };
    await s.h.sendText(chat2, ann, '/help');
    await s.h.waitForReplies(chat2.id, 1, 20_000);
    await sleep(1500);
    assert.equal((await s.h.history(chat2.id)).length, 1, 'answered once after the takeover');
  } finally {
    await s.close();
  }
});

test('with a webhook any gateway answers an update once, a wrong secret is refused, the last to stop deletes the webhook', { timeout: 120_000 }, async () => {
  const s = await setup();
  const secret = 'cluster-webhook-secret-0123456789';
  const hook = 'https://bot.example.test/telegram/hook';
  const base = 20000 + Math.floor(Math.random() * 20000);
  try {
    const gws = [0, 1].map((i) => s.start(`gw${i + 1}`, { TELEGRAM_WEBHOOK_URL: hook, TELEGRAM_WEBHOOK_SECRET: secret, NEWSBOT_HTTP_PORT: String(base + i) }));
    await Promise.all(gws.map((g) => g.ready));
    assert.equal(s.h.webhook?.url, hook, 'the gateways set the webhook');
    assert.equal(s.h.webhook?.secret_token, secret);
    for (const [i, chatId] of [777101, 777102].entries()) {
      await s.h.sendText({ id: chatId, type: 'private' }, ann, '/help');
      const [update] = s.h.takeUpdates();
      const res = await s.h.postUpdate(`http://127.0.0.1:${base + i}/telegram/hook`, update, secret);
      assert.equal(res.status, 200);
      await s.h.waitForReplies(chatId, 1, 20_000);
      assert.equal((await s.h.history(chatId)).length, 1, `gateway ${i + 1} answered once`);
    }
    await s.h.sendText({ id: 777103, type: 'private' }, ann, '/help');
    const [update] = s.h.takeUpdates();
    assert.equal((await s.h.postUpdate(`http://127.0.0.1:${base}/telegram/hook`, update, 'not-the-secret-at-all')).status, 401);
    await sleep(500);
    assert.equal((await s.h.history(777103)).length, 0, 'a refused update is not answered');

    await s.stop(gws[0]);
    assert.equal(s.h.webhook?.url, hook, 'one gateway left: the webhook stays');
    await s.stop(gws[1]);
    assert.equal(s.h.webhook, undefined, 'the last gateway deleted it');
  } finally {
    await s.close();
  }
});
