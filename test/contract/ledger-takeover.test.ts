// The ledger rules a queue job relies on when it is handed a dead worker's job (cluster/), on
// both backends: a claim taken over fences the old claimer out of sending; a retry is claimed by
// one process only; takeover follows the platform's rule (Discord resend, Telegram ambiguous).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS, openBackend } from './backends.ts';
import { takeOverClaim } from '../../src/scheduler/recover-stale.ts';
import { createLogger } from '../../src/core/logger.ts';
import type { Stores } from '../../src/core/store/stores.ts';

const log = createLogger('silent');
const made = new Date('2026-03-01T00:00:00Z');
const due = new Date('2026-03-01T00:00:00Z'); // 08:00 Asia/Taipei

async function subscribe(stores: Stores, platform: 'telegram' | 'discord', chatId: string) {
  return stores.subscriptions.add({ platform, chatId, lang: 'zh-TW', time: '08:00', tz: 'Asia/Taipei', topic: null, topicQuery: null }, new Date(made.getTime() - 3600_000));
}

for (const backend of BACKENDS) {
  test(`${backend}: a claim taken over fences its old holder out of sending`, async (t) => {
    const stores = await openBackend(t, backend);
    const sub = await subscribe(stores, 'discord', '111');
    const mine = (await stores.ledger.claim(sub, due, 'hostA:1:aa', made))!;
    assert.equal(await stores.ledger.markSending(mine.id, made, 'hostA:1:aa'), true, 'the holder may send');
    const taken = (await takeOverClaim(stores.ledger, (await stores.ledger.get(mine.id))!, sub, 'hostB:2:bb', made, log)) as { claimed_by: string };
    assert.equal(taken.claimed_by, 'hostB:2:bb', 'Discord: taken over to be resent with the same nonce');
    assert.equal(await stores.ledger.markSending(mine.id, made, 'hostA:1:aa'), false, 'the old holder learns it lost the claim');
    assert.equal(await stores.ledger.markSending(mine.id, made, 'hostB:2:bb'), true);
    assert.equal(await takeOverClaim(stores.ledger, (await stores.ledger.get(mine.id))!, sub, 'hostC:3:cc', made, log).then((r) => r && r !== 'abandoned' && r.claimed_by), 'hostC:3:cc');
    assert.equal(await takeOverClaim(stores.ledger, mine, sub, 'hostD:4:dd', made, log), null, 'a stale read of the row takes nothing');
  });

  test(`${backend}: a Telegram claim whose send had started is marked ambiguous, not taken over`, async (t) => {
    const stores = await openBackend(t, backend);
    const sub = await subscribe(stores, 'telegram', '-1001');
    const d = (await stores.ledger.claim(sub, due, 'hostA:1:aa', made))!;
    await stores.ledger.markSending(d.id, made, 'hostA:1:aa');
    assert.equal(await takeOverClaim(stores.ledger, (await stores.ledger.get(d.id))!, sub, 'hostB:2:bb', made, log), 'abandoned');
    const row = (await stores.ledger.get(d.id))!;
    assert.equal(row.status, 'failed');
    assert.match(row.error ?? '', /^ambiguous/);
    assert.equal(row.retry_at, null, 'never retried');
  });

  test(`${backend}: a due retry is claimed by exactly one of two processes`, async (t) => {
    const stores = await openBackend(t, backend);
    const sub = await subscribe(stores, 'telegram', '42');
    const d = (await stores.ledger.claim(sub, due, 'hostA:1:aa', made))!;
    await stores.ledger.markFailed(d, 'HTTP 502', { permanent: false, retryAt: new Date(made.getTime() + 60_000) });
    const later = new Date(made.getTime() + 120_000);
    assert.deepEqual(await stores.ledger.retryCandidates(['telegram'], made), [], 'not before its time');
    assert.deepEqual((await stores.ledger.retryCandidates(['telegram'], later)).map((r) => r.id), [d.id]);
    const [a, b] = await Promise.all([stores.ledger.claimRetry(d.id, 'hostA:1:aa', later), stores.ledger.claimRetry(d.id, 'hostB:2:bb', later)]);
    assert.equal([a, b].filter(Boolean).length, 1);
  });
}
