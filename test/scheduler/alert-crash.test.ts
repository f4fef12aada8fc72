/**
 * Alerts keep the digests' delivery promise through a crash between the send request and marking
 * the batch sent: on Discord the batch is resent with the same nonces and Discord refuses the
 * duplicate (exactly once); on Telegram it is left ambiguous and its stories are not sent again
 * (at most once). The crash is a send that never returns, claimed under a process id that is dead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { startFakeDiscord, PERMS } from '../helpers/fake-discord.ts';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import type { ChatAdapter } from '../../src/adapters/types.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { runAlerts } from '../../src/scheduler/run-alerts.ts';
import { tempDb, quietLog } from './fixtures.ts';
import { cnaWire } from './follow-fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

/** TRANSITIONAL (stories branch): stores an article and waits for its queued story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

const MIN = 60_000;
const T0 = Date.parse('2025-10-17T21:00:00Z');
const at = (min: number) => new Date(T0 + min * MIN);
const CHANNEL = '500000000000000011';
const adminPerms = (PERMS.ViewChannel | PERMS.SendMessages | PERMS.ManageChannels).toString();
const DEAD = `${hostname()}:2147483646:dead00`;

/** The adapter's send goes out, then the process "dies": the call never returns. */
const dyingAfterSend = (a: ChatAdapter): ChatAdapter => ({
  platform: a.platform,
  start: () => a.start(),
  stop: () => a.stop(),
  send: async (t, r, o) => {
    await a.send(t, r, o);
    return new Promise(() => undefined);
  },
});

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('discord: an alert batch interrupted after its request is resent with the same nonce → one message, batch sent, nothing repeated', async () => {
  const t = tempDb();
  const fake = await startFakeDiscord({ token: 'discord-alert-crash' });
  const adapter = createDiscordAdapter({ token: 'discord-alert-crash', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(t.db), now: () => at(0), log: quietLog });
  try {
    await adapter.start();
    await fake.waitForReply(fake.slash('follow', { what: '澤倫斯基' }, { channelId: CHANNEL, memberPermissions: adminPerms, locale: 'zh-TW' }));
    await storeArticle(sqliteStores(t.db), cnaWire(), { source_file: 'cna.html', now: at(20) });
    const channel = () => fake.messages.filter((m) => m.channelId === CHANNEL);
    void runAlerts(sqliteStores(t.db), { discord: dyingAfterSend(adapter) }, at(21), { log: quietLog, claimer: DEAD });
    await until(() => channel().length === 1, 'the alert to reach the channel');
    const ledger = sqliteStores(t.db).ledger;
    assert.equal((await ledger.listClaimed()).length, 1, 'the batch is left claimed, mid-send');
    assert.ok((await ledger.listClaimed())[0].send_started_at);

    const after = await runAlerts(sqliteStores(t.db), { discord: adapter }, at(22), { log: quietLog });
    assert.equal(after.batches, 1, 'the interrupted batch is taken over');
    assert.equal(channel().length, 1, 'Discord refused the resend by its nonce');
    const rows = (await ledger.list()).filter((d) => d.status !== 'skipped_empty');
    assert.deepEqual(rows.map((d) => d.status), ['sent']);
    assert.deepEqual(rows[0].message_ids, [channel()[0].id], 'the message that did go out is the one recorded');
    assert.equal((await runAlerts(sqliteStores(t.db), { discord: adapter }, at(40), { log: quietLog })).batches, 0, 'its story is not alerted again');
    assert.equal(channel().length, 1);
  } finally {
    await adapter.stop();
    await fake.stop();
    t.cleanup();
  }
});

test('telegram: an alert batch interrupted after its request is left ambiguous, not resent, and its story is not sent again', async () => {
  const t = tempDb();
  const h = await startTelegramHarness();
  const group = { id: -1009877, type: 'supergroup' as const, title: 'Ukraine watch' };
  const admin = { id: 2101, first_name: 'Mei', language_code: 'zh-hant' };
  try {
    const bot = await h.startBot({ stores: sqliteStores(t.db), now: () => at(0) });
    h.setMember(group.id, admin.id, 'administrator');
    await h.sendText(group, admin, '/follow 澤倫斯基');
    await h.waitForReplies(group.id, 1);
    await storeArticle(sqliteStores(t.db), cnaWire(), { source_file: 'cna.html', now: at(20) });
    void runAlerts(sqliteStores(t.db), { telegram: dyingAfterSend(bot) }, at(21), { log: quietLog, claimer: DEAD });
    const [alert] = await h.waitForReplies(group.id, 1);
    assert.match(alert.text, /澤倫斯基/);
    const ledger = sqliteStores(t.db).ledger;
    await until(async () => (await ledger.listClaimed()).some((d) => d.send_started_at), 'the batch to be mid-send');

    const after = await runAlerts(sqliteStores(t.db), { telegram: bot }, at(22), { log: quietLog });
    assert.equal(after.messages, 0);
    const rows = await ledger.list();
    assert.equal(rows.length, 1, 'no new batch claimed for the same story');
    assert.equal(rows[0].status, 'failed');
    assert.match(rows[0].error ?? '', /ambiguous/);
    for (const m of [22, 40, 90]) assert.equal((await runAlerts(sqliteStores(t.db), { telegram: bot }, at(m), { log: quietLog })).messages, 0, `nothing resent at +${m} min`);
    assert.deepEqual(await h.readReplies(group.id), []);
  } finally {
    await h.close();
    if (t.db.open) t.db.close();
    t.cleanup();
  }
});
