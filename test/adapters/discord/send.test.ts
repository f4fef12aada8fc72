/**
 * Digest delivery through the Discord adapter's send(): nonce + enforce_nonce, split over
 * several messages in order, optional thread, and every failure mapped to a DeliveryError kind.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DeliveryError, type DeliveryTarget } from '../../../src/adapters/types.ts';
import type { Reply } from '../../../src/core/contract/types.ts';
import { CANARY_TOKEN, startHarness, unescapeDiscord, type Harness } from './setup.ts';

const target = (chatId: string, extra: Partial<DeliveryTarget> = {}): DeliveryTarget => ({ platform: 'discord', chatId, lang: 'en', ...extra });
const digest = (n: number, textLen = 40): Reply => ({
  kind: 'ok',
  title: 'Morning digest @everyone',
  items: Array.from({ length: n }, (_, i) => ({ heading: `Story ${i}`, text: `extract ${i} `.repeat(Math.ceil(textLen / 10)), url: `https://news.example/${i}`, meta: 'CNA · BBC' })),
  articles: [],
});

describe('discord send()', () => {
  let h: Harness;
  before(async () => {
    // send() needs no gateway: `newsbot digest run` can deliver without logging the client in.
    h = await startHarness({ start: false });
  });
  after(async () => {
    await h?.close();
  });

  test('posts with a nonce and enforce_nonce; a retry with the same key posts nothing new', async () => {
    const first = await h.adapter.send(target('600000000000000001'), digest(3), { idempotencyKey: 'sub:1@2025-08-25T00:00Z' });
    assert.equal(first.messageIds.length, 1);
    const msg = h.fake.messages.find((m) => m.id === first.messageIds[0])!;
    assert.equal(msg.channelId, '600000000000000001');
    assert.equal(msg.body.enforce_nonce, true);
    assert.ok(msg.nonce && msg.nonce.length <= 25);
    assert.deepEqual(msg.body.allowed_mentions, { parse: [] });
    assert.doesNotMatch(JSON.stringify(msg.body), /@everyone/);
    const count = h.fake.messages.length;
    const again = await h.adapter.send(target('600000000000000001'), digest(3), { idempotencyKey: 'sub:1@2025-08-25T00:00Z' });
    assert.deepEqual(again.messageIds, first.messageIds);
    assert.equal(h.fake.messages.length, count);
  });

  test('a digest over the limits is split over several messages, in order, nothing lost', async () => {
    const res = await h.adapter.send(target('600000000000000002'), digest(60, 300), { idempotencyKey: 'sub:2@x' });
    assert.ok(res.messageIds.length >= 4, `${res.messageIds.length} messages`);
    const posted = h.fake.messages.filter((m) => m.channelId === '600000000000000002');
    assert.deepEqual(posted.map((m) => m.id), res.messageIds);
    assert.equal(new Set(posted.map((m) => m.nonce)).size, posted.length, 'one nonce per part');
    for (const m of posted) {
      assert.equal(m.body.embeds.length, 1);
      assert.ok(m.body.embeds[0].description.length <= 4096);
    }
    const all = unescapeDiscord(posted.map((m) => m.body.embeds[0].description).join('\n'));
    let at = -1;
    for (let i = 0; i < 60; i++) {
      const pos = all.indexOf(`**Story ${i}**`);
      assert.ok(pos > at, `Story ${i} in order`);
      at = pos;
      assert.ok(all.includes(`(https://news.example/${i})`));
    }
  });

  test('openThread opens a thread on the first message, once even when retried; thread targets post inside', async () => {
    const res = await h.adapter.send(target('600000000000000003'), digest(2), { idempotencyKey: 'sub:3@x', openThread: true });
    const thread = h.fake.threads.find((t) => t.channelId === '600000000000000003');
    assert.ok(thread);
    assert.equal(thread.messageId, res.messageIds[0]);
    assert.equal(thread.body.name.replace(/\u200b/g, ''), 'Morning digest @everyone');
    assert.ok(thread.body.name.length <= 100);
    await h.adapter.send(target('600000000000000003'), digest(2), { idempotencyKey: 'sub:3@x', openThread: true });
    assert.equal(h.fake.threads.filter((t) => t.channelId === '600000000000000003').length, 1);
    assert.ok(!h.lines.some((l) => l.includes('could not open a thread')), 'an existing thread is not a warning');
    const inThread = await h.adapter.send(target('600000000000000003', { threadId: '600000000000000033' }), digest(1), { idempotencyKey: 'sub:4@x', openThread: true });
    assert.equal(h.fake.messages.find((m) => m.id === inThread.messageIds[0])!.channelId, '600000000000000033');
    assert.equal(h.fake.threads.length, 1, 'no thread inside a thread');
  });

  const failures = [
    { kind: 'rate_limited', expect: 'rate_limited' },
    { kind: 'server_error', expect: 'transient' },
    { kind: 'network', expect: 'transient' },
    { kind: 'missing_access', expect: 'permanent', reason: /Missing Access/ },
    { kind: 'unknown_channel', expect: 'permanent', reason: /Unknown Channel/ },
    { kind: 'missing_permissions', expect: 'permanent', reason: /Missing Permissions/ },
  ] as const;
  for (const f of failures) {
    test(`${f.kind} becomes DeliveryError ${f.expect}`, async () => {
      const channel = '6100000000000000' + String(failures.indexOf(f)).padStart(2, '0');
      h.fake.injectFailure({ kind: f.kind, channelId: channel, retryAfterSec: 2 });
      const err = await h.adapter.send(target(channel), digest(1), { idempotencyKey: `fail:${f.kind}` }).then(
        () => assert.fail('send should fail'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof DeliveryError, String(err));
      assert.equal(err.kind, f.expect, err.message);
      if (f.kind === 'rate_limited') assert.ok(err.retryAfterMs! >= 2000 && err.retryAfterMs! < 5000, `retryAfterMs ${err.retryAfterMs}`);
      if ('reason' in f) assert.match(err.message, f.reason);
      assert.ok(!err.message.includes(CANARY_TOKEN));
      assert.doesNotMatch(err.message, /\n/, 'one line');
      // The failure was transient: the next attempt goes through.
      const ok = await h.adapter.send(target(channel), digest(1), { idempotencyKey: `fail:${f.kind}` });
      assert.equal(ok.messageIds.length, 1);
    });
  }

  test('a failure in the middle of a split send reports the parts already posted', async () => {
    const channel = '620000000000000001';
    h.fake.injectFailure({ kind: 'missing_access', channelId: channel, skip: 1 });
    const before = h.fake.messages.length;
    const err = await h.adapter.send(target(channel), digest(60, 300), { idempotencyKey: 'mid:x' }).then(
      () => assert.fail('send should fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof DeliveryError);
    assert.equal(err.kind, 'permanent');
    assert.equal(err.sentMessageIds.length, 1);
    assert.deepEqual(err.sentMessageIds, h.fake.messages.slice(before).map((m) => m.id));
  });
});
