import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { isPassingDbError as isBusyError } from '../../src/core/store/db-errors.ts';
import { FetchError } from '../../src/sources/fetch/fetch-error.ts';

const T0 = new Date('2025-11-10T00:00:00Z');
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

function open() {
  const db = openDatabase(':memory:');
  return { db, store: sqliteStores(db).sources };
}

test('sources: add, find by id or name, due in order, validators kept unless given, relocate refuses a taken address', async () => {
  const { db, store } = open();
  try {
    const a = await store.add({ name: 'a', kind: 'feed', location: 'https://a.example/rss', every_minutes: 30 }, later(1));
    const b = await store.add({ name: 'b', kind: 'folder', location: '/tmp/inbox', every_minutes: 5, follow_symlinks: true }, T0);
    assert.equal(typeof a.id, 'number');
    assert.equal(b.follow_symlinks, 1);
    assert.equal(a.next_poll_at, later(1).toISOString());
    assert.equal((await store.find(String(a.id)))?.name, 'a');
    assert.equal((await store.find('b'))?.id, b.id);
    assert.equal(await store.find('nope'), undefined);
    await assert.rejects(store.add({ name: 'a', kind: 'feed', location: 'https://other.example/', every_minutes: 30 }, T0), /UNIQUE/);
    assert.deepEqual((await store.due(later(1))).map((s) => s.name), ['b', 'a']);
    assert.deepEqual((await store.due(T0)).map((s) => s.name), ['b']);

    await store.recordSuccess(a.id, { etag: '"v1"', last_modified: 'Mon', outlet: 'A News', next_poll_at: later(30).toISOString() }, later(1));
    await store.recordSuccess(a.id, { outlet: null, next_poll_at: later(60).toISOString() }, later(31));
    let row = (await store.get(a.id))!;
    assert.equal(row.etag, '"v1"', 'validators not given are kept');
    assert.equal(row.outlet, 'A News', 'a null outlet keeps the known one');
    assert.equal(row.first_poll_done, 1);
    await store.recordSuccess(a.id, { etag: null, last_modified: null, next_poll_at: later(90).toISOString() }, later(61));
    row = (await store.get(a.id))!;
    assert.equal(row.etag, null, 'null clears a validator');
    assert.equal(row.last_modified, null);

    await store.recordFailure(a.id, { error: 'HTTP 500', next_poll_at: null, backoff_until: null, paused_reason: 'paused: 5 failures' }, later(91));
    row = (await store.get(a.id))!;
    assert.equal(row.consecutive_failures, 1);
    assert.equal(row.paused_reason, 'paused: 5 failures');
    assert.equal((await store.due(later(1000))).some((s) => s.id === a.id), false, 'paused sources are never due');
    await store.resume(a.id, later(92));
    assert.equal((await store.get(a.id))!.consecutive_failures, 0);

    assert.equal(await store.relocate(a.id, '/tmp/inbox'), false);
    assert.equal(await store.relocate(a.id, 'https://a.example/feed'), true);
    assert.equal((await store.findByLocation('https://a.example/feed'))?.id, a.id);
  } finally {
    db.close();
  }
});

test('source items: cross-source identity by global GUID or URL, latest record per key, counts, backfill outliving its source', async () => {
  const { db, store } = open();
  try {
    const s = await store.add({ name: 's', kind: 'feed', location: 'https://s.example/rss', every_minutes: 30 }, T0);
    const base = { source_id: s.id, url_normalized: null, content_hash: null };
    await store.recordItem({ ...base, guid: '42', article_id: 1, backfill: true, status: 'stored' }, T0);
    await store.recordItem({ ...base, guid: 'https://s.example/2', url_normalized: 's.example/2', content_hash: 'h2', article_id: 2, backfill: false, status: 'stored' }, T0);
    await store.recordItem({ ...base, guid: 'https://s.example/2', content_hash: 'h2b', article_id: 2, backfill: false, status: 'stored', reason: 'updated' }, later(5));
    await store.recordItem({ ...base, guid: 'bad', article_id: null, backfill: false, status: 'rejected', reason: 'no text' }, T0);

    assert.equal(await store.itemSeen(s.id, '42'), true);
    assert.equal(await store.itemSeen(s.id, '43'), false);
    assert.equal(await store.findItemByIdentity('42', null), null, 'a short GUID is only unique within its own feed');
    assert.deepEqual(await store.findItemByIdentity('https://s.example/2', null), { article_id: 2, backfill: false, matched: 'guid' });
    assert.deepEqual(await store.findItemByIdentity('other', 's.example/2'), { article_id: 2, backfill: false, matched: 'url' });
    assert.deepEqual(await store.findItemByContent('h2'), { article_id: 2, backfill: false, matched: 'content' });
    assert.deepEqual(await store.lastStoredItem(s.id, 'https://s.example/2'), { content_hash: 'h2b', article_id: 2, backfill: false, reason: 'updated' });
    assert.equal(await store.lastStoredItem(s.id, 'bad'), null, 'a rejected item has no stored article');
    assert.deepEqual(await store.itemCounts(s.id), { rejected: 1, stored: 3 });
    assert.deepEqual(await store.firstItemOfArticle(1), { backfill: true });
    assert.equal(await store.isBackfill(1), true);
    assert.equal(await store.isBackfill(2), false);

    await store.recordFile({ source_id: s.id, path: '/x/a.md', size: 10, mtime_ms: 1731196800123.456, article_id: null, status: 'rejected', reason: 'empty file' }, T0);
    await store.recordFile({ source_id: s.id, path: '/x/a.md', size: 12, mtime_ms: 1731196800999.25, article_id: 1, status: 'new', reason: null }, later(1));
    assert.deepEqual(await store.fileSeen(s.id, '/x/a.md'), { size: 12, mtime_ms: 1731196800999.25 });
    assert.equal(await store.fileCount(s.id), 1);

    assert.equal(await store.remove(s.id), true);
    assert.equal(await store.fileCount(s.id), 0, 'file records go with their source');
    assert.equal(await store.isBackfill(1), true, 'item records (dedupe, backfill) outlive their source');
    assert.equal(await store.remove(s.id), false);
  } finally {
    db.close();
  }
});

test('isBusyError: SQLite busy/locked and PostgreSQL conflicts, locks and lost connections are passing; other errors are not', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  for (const e of [coded('SQLITE_BUSY'), coded('SQLITE_BUSY_SNAPSHOT'), coded('SQLITE_LOCKED'), new Error('database is locked')]) assert.equal(isBusyError(e), true, String(e));
  for (const code of ['40001', '40P01', '55P03', '08006', '08001', '57P01', '57P03', 'ECONNREFUSED', 'ECONNRESET']) assert.equal(isBusyError(coded(code)), true, code);
  assert.equal(isBusyError(new Error('Connection terminated unexpectedly')), true);
  assert.equal(isBusyError(new Error('timeout exceeded when trying to connect')), true);
  for (const e of [coded('SQLITE_CONSTRAINT_UNIQUE'), coded('23505', 'duplicate key value'), coded('42P01'), new Error('boom'), new FetchError('https://x/', 'HTTP 503', 503), null, undefined, 'busy'])
    assert.equal(isBusyError(e), false, String(e));
});
