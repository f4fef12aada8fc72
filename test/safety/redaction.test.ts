/** Secrets in every form they leak in (percent-encoded, partial, library debug lines), and grammY's silent deleteWebhook retries. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { addSecret, createLogger, redact } from '../../src/core/logger.ts';
import { openDatabase } from '../../src/core/store/db.ts';
import { createTelegramAdapter } from '../../src/adapters/telegram/create-telegram-adapter.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

test('percent-encoded and partial forms of a token are redacted, and a library debug line showing its first segments', () => {
  const tgSecret = `AAH${randomBytes(16).toString('base64url')}`;
  const tg = `7712345678:${tgSecret}`;
  // A Discord token's shape: base64 of the application id, a timestamp segment, an HMAC.
  const dcFirst = Buffer.from('1187654321098765432').toString('base64').replace(/=+$/, '');
  const dc = `${dcFirst}.G${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
  addSecret(tg);
  addSecret(dc);
  const lines = [
    `GrammyError: Call to 'getMe' failed! (404: Not Found) https://api.telegram.org/bot${encodeURIComponent(tg)}/getMe`,
    `fetch failed: %2Fbot${encodeURIComponent(tg).toLowerCase()}%2FgetMe`,
    `url: /bot${tg}/sendMessage`,
    // discord.js's own debug line at login: the first two segments, the rest starred out.
    `discord: [WS => Manager] Provided token: ${dc.split('.').slice(0, 2).join('.')}.${'*'.repeat(27)}`,
    `partial: ${tgSecret.slice(3, 20)}…`,
  ];
  const out = lines.map(redact);
  for (const l of out) {
    assert.match(l, /\[REDACTED\]/, l);
    assert.ok(!l.includes(tgSecret.slice(0, 12)) && !l.includes(dcFirst.slice(0, 12)), l);
  }
  const captured: string[] = [];
  createLogger('debug', (l) => captured.push(l)).debug(lines[3]);
  assert.doesNotMatch(captured[0], new RegExp(dcFirst.slice(0, 12)));
  // Ordinary text and the numeric bot id are left alone.
  assert.equal(redact('bot 7712345678 posted 12 stories about 2025-11-10'), 'bot 7712345678 posted 12 stories about 2025-11-10');
});

test('deleteWebhook failures at start-up are logged and bounded (grammY alone retries them silently, for ever)', async () => {
  let deletes = 0;
  const server = createServer((req, res) => {
    const method = (req.url ?? '').split('/').pop();
    res.setHeader('content-type', 'application/json');
    if (method === 'getMe') return res.end(JSON.stringify({ ok: true, result: { id: 1, is_bot: true, first_name: 'B', username: 'TestBot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } }));
    if (method === 'deleteWebhook') {
      deletes++;
      res.statusCode = 502;
      return res.end(JSON.stringify({ ok: false, error_code: 502, description: 'Bad Gateway' }));
    }
    res.end(JSON.stringify({ ok: true, result: [] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lines: string[] = [];
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-webhook-')), 'n.db'));
  const adapter = createTelegramAdapter({ token: `123456:${randomBytes(16).toString('hex')}`, apiRoot, stores: sqliteStores(db), log: createLogger('debug', (l) => lines.push(l)), retry: { maxRetryAttempts: 0, networkAttempts: 0 } });
  try {
    await assert.rejects(adapter.start(), /deleteWebhook failed 5 times; last: .*502/);
    assert.equal(deletes, 5);
    assert.equal(lines.filter((l) => /deleteWebhook failed \(\d of 5\)/.test(l)).length, 5);
  } finally {
    await adapter.stop().catch(() => {});
    db.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
